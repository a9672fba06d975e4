"""doccano-style JSONL: one document per line.

``{"id", "text", "label": [[start, end, "LABEL"], ...], "meta": {...}}`` with
offsets in Python code points, end-exclusive.  The offset unit is declared in
each record's ``meta.offset_unit`` so that a reader never has to guess.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import BinaryIO

import orjson

from corpus.document import Document
from corpus.span import Span, check_span

OFFSET_UNIT = "codepoint"


class ExportError(ValueError):
    """A span that would be exported wrong; the export stops."""


def record(document: Document, spans: Iterable[Span], meta: dict | None = None) -> dict:
    """One JSONL record; every span is checked against ``text[start:end]`` first."""
    labels = []
    for span in sorted(spans, key=lambda s: (s.start, s.end, s.label)):
        try:
            check_span(document.text, span.start, span.end, span.text)
        except ValueError as error:
            raise ExportError(f"document {document.id} ({document.title}): {error}") from None
        labels.append([span.start, span.end, span.label])
    merged = {"title": document.title, "source": document.source, **document.meta}
    merged.update(meta or {})
    merged["offset_unit"] = OFFSET_UNIT
    return {"id": document.id, "text": document.text, "label": labels, "meta": merged}


def write_record(out: BinaryIO, rec: dict) -> None:
    out.write(orjson.dumps(rec) + b"\n")


def read_records(lines: Iterable[bytes | str]) -> Iterable[dict]:
    """Parse JSONL lines (blank lines skipped); raises ``orjson.JSONDecodeError`` on a bad line."""
    for line in lines:
        if line.strip():
            yield orjson.loads(line)
