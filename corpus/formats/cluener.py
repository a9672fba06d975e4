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
    a_kind,
    written,
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
    text, labels = item.get("text"), item.get("label")
    if not isinstance(text, str):
        raise ValueError("no \"text\" string" if text is None else
                         f"\"text\" is {a_kind(text)}, not a string")
    notes: list[str] = []
    rejected: list[tuple[str, str]] = []
    if labels is not None and not isinstance(labels, dict):
        notes.append(f"\"label\" is {a_kind(labels)}, not an object of label → entity → "
                     "[[start, end]]: no spans read")
        labels = {}
    spans = []
    for label, entities in (labels or {}).items():
        if not isinstance(entities, dict):
            rejected.append((written({label: entities}),
                             f"the entities of {label} are {a_kind(entities)}, not an object "
                             "of entity text → [[start, end]]"))
            continue
        for covered, ranges in entities.items():
            for pair in ranges if isinstance(ranges, list) else [ranges]:
                try:
                    spans.append(_span(label, covered, pair))
                except ValueError as error:
                    rejected.append((written({label: {covered: pair}}), str(error)))
    meta = item.get("meta")
    if meta is not None and not isinstance(meta, dict):
        notes.append(f"\"meta\" is {a_kind(meta)}, not an object: left out")
    meta = dict(meta) if isinstance(meta, dict) else {}
    title = str(meta.pop("title", "") or "")
    statuses = meta.pop("status", None)
    return Annotated(name, text, spans, title, meta,
                     statuses if isinstance(statuses, dict) else {}, rejected, notes)


def _span(label: str, covered: str, pair) -> FormatSpan:
    if (not isinstance(pair, list) or len(pair) != 2
            or not all(isinstance(x, int) and not isinstance(x, bool) for x in pair)):
        raise ValueError("not [start, end] of whole numbers")
    return FormatSpan(pair[0], pair[1] + 1, label, covered)  # inclusive end → exclusive
