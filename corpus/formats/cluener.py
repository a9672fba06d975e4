"""CLUENER JSON Lines: ``{"text", "label": {"LABEL": {"entity text": [[start, end]]}}}``.

Offsets are code points and the end is **inclusive** (``text[start:end + 1]`` is
the entity).  Written records also carry ``id`` and, with metadata, ``meta``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import orjson

from corpus.document import Document
from corpus.formats.jsonio import read_json_records
from corpus.formats.model import (
    Annotated,
    FormatSpan,
    ReadOptions,
    RecordFailure,
    WriteOptions,
    document_meta,
)


def record(document: Document, spans: list, meta: dict, options: WriteOptions) -> dict:
    labels: dict[str, dict[str, list[list[int]]]] = {}
    for span in spans:
        by_text = labels.setdefault(span.label, {})
        by_text.setdefault(span.text, []).append([span.start, span.end - 1])
    out = {"id": document.id, "text": document.text, "label": labels}
    if options.metadata:
        out["meta"] = document_meta(document, meta)
    return out


class Writer:
    def __init__(self, path: Path, options: WriteOptions) -> None:
        self.options, self.out = options, path.open("wb")

    def write(self, document: Document, spans: list, meta: dict) -> None:
        self.out.write(orjson.dumps(record(document, spans, meta, self.options)) + b"\n")

    def close(self) -> None:
        self.out.close()


def sniff(item: dict) -> bool:
    return isinstance(item.get("text"), str) and isinstance(item.get("label"), dict)


def read(path: Path, options: ReadOptions = ReadOptions()) -> Iterator[Annotated | RecordFailure]:
    return read_json_records(path, _annotated)


def _annotated(name: str, item: dict) -> Annotated:
    text, labels = item.get("text"), item.get("label") or {}
    if not isinstance(text, str):
        raise ValueError("no \"text\" string")
    if not isinstance(labels, dict):
        raise ValueError("\"label\" is not an object of label → entity → [[start, end]]")
    spans = []
    for label, entities in labels.items():
        for covered, ranges in entities.items():
            for pair in ranges:
                spans.append(_span(label, covered, pair))
    meta = dict(item.get("meta") or {})
    title = str(meta.pop("title", "") or "")
    statuses = meta.pop("status", None)
    return Annotated(name, text, spans, title, meta,
                     statuses if isinstance(statuses, dict) else {})


def _span(label: str, covered: str, pair) -> FormatSpan:
    if (not isinstance(pair, list) or len(pair) != 2
            or not all(isinstance(x, int) for x in pair)):
        raise ValueError(f"{label} {covered!r}: {pair!r} is not [start, end]")
    return FormatSpan(pair[0], pair[1] + 1, label, covered)  # inclusive end → exclusive
