"""doccano JSONL: one document per line.

Written: ``{"id", "text", "label": [[start, end, "LABEL"], ...], "meta": {...}}``,
end-exclusive, in code points unless ``offsets="utf16"`` (what doccano itself
counts).  The unit is declared in each record's ``meta.offset_unit``.

Read: that form and doccano's ``entities``/``relations`` form
(``{"entities": [{"id", "start_offset", "end_offset", "label"}]}``).  Offsets
are taken in the unit the caller chooses, else the one the record declares,
else UTF-16; a span that does not fit the text in that unit fails its record.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import orjson

from corpus.document import Document
from corpus.formats.jsonio import read_json_records
from corpus.formats.model import (
    Annotated,
    ExportError,
    FormatSpan,
    ReadOptions,
    RecordFailure,
    WriteOptions,
    document_meta,
)
from corpus.offsets import OffsetMap
from corpus.span import SpanError, check_span

OFFSET_UNIT = "codepoint"
__all__ = ["ExportError", "Writer", "read", "record", "sniff"]


def record(document: Document, spans: Iterable, meta: dict | None = None,
           offsets: str = OFFSET_UNIT, metadata: bool = True) -> dict:
    """One JSONL record; every span is checked against ``text[start:end]`` first."""
    text = document.text
    pairs = []
    for span in sorted(spans, key=_order):
        if text[span.start:span.end] != span.text or span.start >= span.end:
            try:
                check_span(text, span.start, span.end, span.text)
            except SpanError as error:
                raise ExportError(f"document {document.id} ({document.title}): {error}") from None
        pairs.append([span.start, span.end, span.label])
    if offsets == "utf16":
        table = OffsetMap(text)
        if table.has_astral:
            pairs = [[*table.range_to_utf16(s, e), label] for s, e, label in pairs]
    out = {"id": document.id, "text": text, "label": pairs}
    merged = document_meta(document, meta) if metadata else {}
    merged["offset_unit"] = offsets
    out["meta"] = merged
    return out


def _order(span) -> tuple:
    return (span.start, span.end, span.label)


class Writer:
    def __init__(self, path: Path, options: WriteOptions) -> None:
        self.options = options
        self.out = path.open("wb")

    def write(self, document: Document, spans: list, meta: dict) -> None:
        self.out.write(orjson.dumps(record(document, spans, meta, self.options.offsets,
                                           self.options.metadata)) + b"\n")

    def close(self) -> None:
        self.out.close()


def sniff(item: dict) -> bool:
    if not isinstance(item.get("text"), str):
        return False
    for key, kind in (("label", list), ("entities", dict)):
        value = item.get(key)
        if isinstance(value, list):
            return not value or isinstance(value[0], kind)
    return False


def read(path: Path, options: ReadOptions = ReadOptions()) -> Iterator[Annotated | RecordFailure]:
    return read_json_records(path, lambda name, item: _annotated(name, item, options))


def _annotated(name: str, item: dict, options: ReadOptions) -> Annotated:
    text = item.get("text")
    if not isinstance(text, str):
        raise ValueError("no \"text\" string")
    meta = dict(item.get("meta") or {})
    unit = options.offsets or meta.get("offset_unit") or "utf16"
    spans = [_span(raw) for raw in _raw_spans(item)]
    if unit == "utf16":
        spans = _from_utf16(text, spans)
    meta.pop("offset_unit", None)
    statuses = meta.pop("status", None) or {}
    title = str(meta.pop("title", "") or "")
    return Annotated(name, text, spans, title, meta,
                     statuses if isinstance(statuses, dict) else {})


def _raw_spans(item: dict) -> list:
    if isinstance(item.get("entities"), list):
        return [(e["start_offset"], e["end_offset"], e["label"]) for e in item["entities"]]
    labels = item.get("label")
    if not isinstance(labels, list):
        raise ValueError("\"label\" is not a list of [start, end, label]")
    return labels


def _span(raw) -> FormatSpan:
    if not isinstance(raw, (list, tuple)) or len(raw) != 3:
        raise ValueError(f"span {raw!r} is not [start, end, label]")
    start, end, label = raw
    if not isinstance(start, int) or not isinstance(end, int) or isinstance(start, bool):
        raise ValueError(f"span {raw!r}: offsets must be integers")
    if not isinstance(label, str):
        raise ValueError(f"span {raw!r}: the label must be a string")
    return FormatSpan(start, end, label)


def _from_utf16(text: str, spans: list[FormatSpan]) -> list[FormatSpan]:
    table = OffsetMap(text)
    out = []
    for span in spans:
        if not 0 <= span.start < span.end <= table.utf16_length:
            raise ValueError(f"span [{span.start}, {span.end}) {span.label} lies outside the "
                             f"text ({table.utf16_length} UTF-16 units)")
        start, end = table.range_from_utf16(span.start, span.end)
        if table.to_utf16(start) != span.start or table.to_utf16(end) != span.end:
            raise ValueError(f"span [{span.start}, {span.end}) {span.label} splits a character "
                             "in UTF-16 units (are the offsets code points? try --offsets "
                             "codepoint)")
        out.append(span._replace(start=start, end=end))
    return out


