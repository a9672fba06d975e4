"""A minimal plain-text import: one file → one document.

This is the walking skeleton's importer: decode, normalise line breaks, take a
title.  The full cleaning path (front matter, HTML, pinyin artefacts, damaged
characters, bylines) replaces it in the import issue.
"""

from __future__ import annotations

import re
from pathlib import Path

from corpus.document import NewDocument

_TITLE_FIELD = re.compile(r'^title:\s*"?(.*?)"?\s*$', re.M)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
MAX_TITLE = 80


class TextImportError(ValueError):
    """A file that cannot become a document; the message names the reason."""


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode(data: bytes, name: str) -> str:
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise TextImportError(f"{name}: looks like a binary file, not text")
    for encoding in ("utf-8-sig", "utf-16"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise TextImportError(f"{name}: not UTF-8 text (other encodings arrive with the import issue)")


def guess_title(text: str) -> str:
    match = _TITLE_FIELD.search(text[:2000]) if text.startswith("---") else None
    if match and match.group(1).strip():
        return match.group(1).strip()[:MAX_TITLE]
    for line in text.split("\n"):
        line = line.strip()
        if line and line != "---" and not line.endswith((":", "：")):  # skip "初审编辑:"
            return line[:MAX_TITLE]
    return ""


def document_from_text(raw: str, name: str, source: str = "") -> NewDocument:
    text = _CONTROL.sub("", normalise_newlines(raw)).strip("\n")
    if not text.strip():
        raise TextImportError(f"{name}: the file is empty")
    return NewDocument(
        text=text,
        title=guess_title(text) or name,
        raw_text=raw,
        source=source or name,
        meta={"file": name},
    )


def read_text_file(path: Path) -> NewDocument:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise TextImportError(f"{path.name}: {error.strerror or error}") from None
    return document_from_text(decode(data, path.name), path.name, source=str(path.name))
