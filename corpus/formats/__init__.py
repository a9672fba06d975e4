"""Annotated file formats: one module per format, each with a writer and, where the
format can carry spans, a reader; this registry names them and detects them.

| name        | module      | file           | flat | offsets                     |
|-------------|-------------|----------------|------|-----------------------------|
| doccano     | doccano     | .jsonl         | no   | code points, or UTF-16      |
| labelstudio | labelstudio | .json          | no   | code points                 |
| cluener     | cluener     | .jsonl         | no   | code points, end inclusive  |
| conll       | conll       | .conll         | yes  | one character per line      |
| wordbio     | wordbio     | .conll         | yes  | one jieba token per line    |
| hf          | hf          | .jsonl + .labels.json | yes | one character per token |
| spacy       | spacy       | .spacy         | yes  | characters (needs spaCy)    |
| brat        | brat        | a folder       | no   | code points                 |
"""

from __future__ import annotations

import importlib
import os
from dataclasses import dataclass
from pathlib import Path

from corpus.formats.jsonio import first_record
from corpus.formats.model import (
    Annotated,
    ExportError,
    FormatError,
    FormatSpan,
    ReadOptions,
    RecordFailure,
    WriteOptions,
)

__all__ = ["FORMATS", "Annotated", "ExportError", "Format", "FormatError", "FormatSpan",
           "ReadOptions", "RecordFailure", "WriteOptions", "detect", "detect_bytes", "get"]
SNIFF_BYTES = 64 * 1024
TEXT_SNIFF_BYTES = 4096
_JSON_ORDER = ("labelstudio", "hf", "cluener", "doccano")


@dataclass(frozen=True)
class Format:
    name: str
    description: str
    suffix: str          # of the file written; "" for a folder
    flat: bool           # holds no overlapping spans
    details: bool = False  # writes span attributes and notes
    relations: bool = False  # carries relations: its writer takes them, its reader gives them

    @property
    def module(self):
        return importlib.import_module(f"corpus.formats.{self.name}")

    def open_writer(self, path: Path, options: WriteOptions):
        return self.module.Writer(path, options)

    def read(self, path: Path, options: ReadOptions = ReadOptions()):
        return self.module.read(path, options)

    def write_sidecars(self, path: Path, options: WriteOptions) -> list[Path]:
        write = getattr(self.module, "write_sidecar", None)
        return [write(path, options)] if write else []


FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("doccano", "doccano JSONL", ".jsonl", False, relations=True, details=True),
    Format("labelstudio", "Label Studio JSON", ".json", False, relations=True, details=True),
    Format("cluener", "CLUENER JSONL", ".jsonl", False),
    Format("conll", "CoNLL, one character per line", ".conll", True),
    Format("wordbio", "word-level BIO (jieba tokens)", ".conll", True),
    Format("hf", "Hugging Face JSONL (tokens, ner_tags)", ".jsonl", True),
    Format("spacy", "spaCy DocBin", ".spacy", True),
    Format("brat", "brat standoff (.txt + .ann)", "", False, details=True, relations=True),
)}


def get(name: str) -> Format:
    try:
        return FORMATS[name]
    except KeyError:
        raise FormatError(f"unknown format {name!r} (known: {', '.join(FORMATS)})") from None


def detect(path: Path) -> str | None:
    """The annotated format of a file or folder, from its content; None: not annotated."""
    path = Path(path)
    if path.is_dir():
        return "brat" if FORMATS["brat"].module.sniff_folder(path) else None
    if _brat_file(path):
        return "brat"
    try:
        with path.open("rb") as handle:
            head = handle.read(SNIFF_BYTES)
            if head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"[", b"{"):
                head += handle.read()    # JSON: a first record past 64 KB still counts
    except OSError:
        return None
    return detect_bytes(head, path.suffix.lower()) or by_extension(path, head)


def detect_file(path: Path, data: bytes) -> str | None:
    """:func:`detect` for a file whose bytes are already read (an import reads each once)."""
    if _brat_file(path):
        return "brat"
    # JSON and JSON Lines are detected by their records, however long the first one is.
    is_json = data[:SNIFF_BYTES].lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"[", b"{")
    head = data if is_json else data[:SNIFF_BYTES]
    return detect_bytes(head, path.suffix.lower()) or by_extension(path, data)


CONLL_SUFFIXES = (".conll", ".bio", ".bmes", ".bioes")


def by_extension(path: Path, data: bytes) -> str | None:
    """CoNLL for a ``.conll`` (``.bio`` …) text file whose content did not show it: its
    reader then names each bad line, where read as an article it would import the tags
    as text.  Empty and binary files are left to the article readers, which say so."""
    if path.suffix.lower() not in CONLL_SUFFIXES or not data.strip() or b"\0" in data:
        return None
    try:
        data[:SNIFF_BYTES].decode("utf-8-sig")
    except UnicodeDecodeError as error:
        if error.start < SNIFF_BYTES - 3:   # not a character cut at the end of the head
            return None
    return "conll"


def annotated_file(path: Path, format: str) -> Path:
    """The file an annotated importer reads: a brat document's ``.ann``, even when its
    ``.txt`` was the one named or found."""
    if format == "brat" and path.suffix.lower() != ".ann":
        return path.with_suffix(".ann")
    return path


def _brat_file(path: Path) -> bool:
    suffix = path.suffix.lower()
    return suffix == ".ann" or (suffix == ".txt" and os.path.isfile(str(path)[:-4] + ".ann"))


def detect_bytes(head: bytes, suffix: str = "") -> str | None:
    if suffix == ".spacy" or FORMATS["spacy"].module.sniff_bytes(head):
        return "spacy"
    item = first_record(head) if head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"{", b"[") else None
    if isinstance(item, list):
        item = item[0] if item and isinstance(item[0], dict) else None
    if isinstance(item, dict):
        return next((name for name in _JSON_ORDER if FORMATS[name].module.sniff(item)), None)
    # CoNLL shows in its first lines: 4 KB of them is plenty, and an article's whole
    # head need not be decoded: nearly every article fails on its first line.
    body = head[3:] if head.startswith(b"\xef\xbb\xbf") else head
    first_line = body.lstrip(b" \t\r\n").split(b"\n", 1)[0][:TEXT_SNIFF_BYTES]
    if not FORMATS["conll"].module.sniff_text(first_line.decode("utf-8", errors="replace")):
        return None
    cut = head[:TEXT_SNIFF_BYTES]
    if len(head) > TEXT_SNIFF_BYTES and (line_end := cut.rfind(b"\n")) > 0:
        cut = cut[:line_end]            # whole lines only
    try:
        text = cut.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = cut[:-3].decode("utf-8-sig", errors="replace")
    return "conll" if FORMATS["conll"].module.sniff_text(text) else None
