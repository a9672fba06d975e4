"""Hugging Face token classification: JSON Lines with ``tokens`` (characters) and
``ner_tags`` (ids), plus ``NAME.labels.json`` with the id → tag list.

``datasets.load_dataset("json", data_files="NAME.jsonl")`` loads the records;
the label file gives ``ClassLabel(names=...)``.  The tokens are the text's
characters, white space included, so ``"".join(tokens)`` is the text.

Each row is ``{"id", "title", "tokens", "ner_tags", "meta"}``; ``meta`` (source,
the document's own metadata, statuses, split) is one JSON string, so that every
row has the same columns of the same types, which Arrow needs, whatever the
metadata of each document holds.  Without metadata a row has ``id``, ``tokens``
and ``ner_tags`` only.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import orjson

from corpus.document import Document
from corpus.formats import tags as tagging
from corpus.formats.jsonio import RECORD_ERRORS, json_records, record_reason
from corpus.formats.model import (
    Annotated,
    ExportError,
    FormatError,
    FormatSpan,
    ReadOptions,
    RecordFailure,
    WriteOptions,
    document_meta,
)

SPLITS = ("train", "dev", "test", "validation")


def labels_path(path: Path) -> Path:
    """``ner.train.jsonl`` → ``ner.labels.json`` (one label file for every split)."""
    stem = path.name[:-len(path.suffix)] if path.suffix else path.name
    head, _, last = stem.rpartition(".")
    if head and last in SPLITS:
        stem = head
    return path.with_name(f"{stem}.labels.json")


class Writer:
    def __init__(self, path: Path, options: WriteOptions) -> None:
        self.names = tagging.tag_names(options.labels, options.tags)
        self.ids = {name: i for i, name in enumerate(self.names)}
        self.options, self.out = options, path.open("wb")

    def write(self, document: Document, spans: list, meta: dict) -> None:
        text = document.text
        ids = [0] * len(text)
        for span in spans:
            try:
                tags = tagging.span_tags(span.end - span.start, span.label, self.options.tags)
                ids[span.start:span.end] = [self.ids[tag] for tag in tags]
            except KeyError:
                raise ExportError(f"document {document.id}: label {span.label!r} is not in "
                                  "the scheme") from None
        row = {"id": document.id, "tokens": list(text), "ner_tags": ids}
        if self.options.metadata:
            merged = document_meta(document, meta)
            row = {"id": document.id, "title": str(merged.pop("title", "") or ""),
                   "tokens": row["tokens"], "ner_tags": ids,
                   "meta": orjson.dumps(merged).decode()}
        self.out.write(orjson.dumps(row) + b"\n")

    def close(self) -> None:
        self.out.close()


def write_sidecar(path: Path, options: WriteOptions) -> Path:
    target = labels_path(path)
    target.write_bytes(orjson.dumps(tagging.tag_names(options.labels, options.tags),
                                    option=orjson.OPT_INDENT_2) + b"\n")
    return target


def sniff(item: dict) -> bool:
    return isinstance(item.get("tokens"), list) and isinstance(item.get("ner_tags"), list)


def read(path: Path, options: ReadOptions = ReadOptions()) -> Iterator[Annotated | RecordFailure]:
    names = _tag_names(path)
    for name, item in json_records(path):
        if isinstance(item, RecordFailure):
            yield item
            continue
        try:
            yield _annotated(name, item, names)
        except RECORD_ERRORS as error:
            yield RecordFailure(name, record_reason(error))
        except RecursionError:
            yield RecordFailure(name, "nested too deeply to be read")


def _tag_names(path: Path) -> list[str] | None:
    for candidate in (labels_path(path), path.with_name("labels.json")):
        if candidate.is_file():
            try:
                names = orjson.loads(candidate.read_bytes())
            except orjson.JSONDecodeError as error:
                raise FormatError(f"{candidate.name}: not valid JSON ({error})") from None
            if isinstance(names, dict):  # {"names": [...]} or {"0": "O", ...}
                names = names.get("names") or [names[k] for k in sorted(names, key=int)]
            return [str(n) for n in names]
    return None


def _annotated(name: str, item: dict, names: list[str] | None) -> Annotated:
    tokens, ids = item["tokens"], item["ner_tags"]
    if len(tokens) != len(ids):
        raise ValueError(f"{len(tokens)} tokens but {len(ids)} tags")
    if not all(isinstance(t, str) for t in tokens):
        raise ValueError("tokens must be strings")
    tags = [_tag(value, names) for value in ids]
    starts = [0]
    for token in tokens:
        starts.append(starts[-1] + len(token))
    text = "".join(tokens)
    spans = [FormatSpan(starts[s], starts[e], label) for s, e, label in tagging.decode(tags)]
    meta = _meta(item.get("meta"))
    statuses = meta.pop("status", None)
    title = str(item.get("title") or meta.pop("title", "") or text.split("\n", 1)[0][:40])
    return Annotated(name, text, spans, title, meta,
                     statuses if isinstance(statuses, dict) else {})


def _meta(value) -> dict:
    """A row's metadata: written as a JSON string, also taken as an object."""
    if isinstance(value, str):
        try:
            value = orjson.loads(value)
        except orjson.JSONDecodeError:
            raise ValueError("\"meta\" is not JSON") from None
    return dict(value) if isinstance(value, dict) else {}


def _tag(value, names: list[str] | None) -> str:
    if isinstance(value, str):
        return value
    if names is None:
        raise ValueError("ner_tags are ids but no label file (NAME.labels.json) is beside it")
    if not isinstance(value, int) or not 0 <= value < len(names):
        raise ValueError(f"tag id {value!r} is not in the label file")
    return names[value]
