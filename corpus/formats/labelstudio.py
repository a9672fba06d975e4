"""Label Studio JSON: a list of tasks, offsets in code points, end-exclusive.

Written: ``{"id", "data": {"text", "title"}, "meta", "annotations": [{"result": [...]}]}``,
each result ``{"type": "labels", "from_name": "label", "to_name": "text",
"value": {"start", "end", "text", "labels": [L]}}``; with ``predictions`` the
results go under ``"predictions"`` (pre-annotation of an LS project).

Read: that JSON export (annotations, else predictions) and the JSON_MIN export
(``{"text", "label": [{"start", "end", "text", "labels"}]}``).
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

FROM_NAME, TO_NAME, MODEL_VERSION = "label", "text", "hanmark"


def task(document: Document, spans: list, meta: dict, options: WriteOptions) -> dict:
    results = [_result(i, span) for i, span in enumerate(spans, 1)]
    data = {"text": document.text}
    out: dict = {"id": document.id, "data": data}
    if options.metadata:
        data["title"] = document.title
        out["meta"] = document_meta(document, meta)
    if options.predictions:
        out["predictions"] = [{"model_version": MODEL_VERSION, "result": results}]
    else:
        out["annotations"] = [{"result": results}]
    return out


def _result(index: int, span) -> dict:
    return {"id": f"s{index}", "type": "labels", "from_name": FROM_NAME, "to_name": TO_NAME,
            "origin": "manual",
            "value": {"start": span.start, "end": span.end, "text": span.text,
                      "labels": [span.label]}}


class Writer:
    """Writes a JSON array one task at a time."""

    def __init__(self, path: Path, options: WriteOptions) -> None:
        self.options, self.out, self.count = options, path.open("wb"), 0

    def write(self, document: Document, spans: list, meta: dict) -> None:
        self.out.write(b"[\n" if self.count == 0 else b",\n")
        self.out.write(orjson.dumps(task(document, spans, meta, self.options)))
        self.count += 1

    def close(self) -> None:
        self.out.write(b"\n]\n" if self.count else b"[]\n")
        self.out.close()


def sniff(item: dict) -> bool:
    if isinstance(item.get("data"), dict):
        return "annotations" in item or "predictions" in item
    return isinstance(item.get("text"), str) and any(_is_min_labels(v) for v in item.values())


def _is_min_labels(value) -> bool:
    return (isinstance(value, list) and bool(value) and isinstance(value[0], dict)
            and {"start", "end"} <= value[0].keys()
            and any(isinstance(v, list) for v in value[0].values()))


def read(path: Path, options: ReadOptions = ReadOptions()) -> Iterator[Annotated | RecordFailure]:
    return read_json_records(path, _annotated)


def _annotated(name: str, item: dict) -> Annotated:
    if isinstance(item.get("data"), dict):
        data = item["data"]
        text = data.get("text", next((v for v in data.values() if isinstance(v, str)), None))
        values = _task_values(item)
        title, meta = data.get("title", ""), dict(item.get("meta") or {})
    else:
        text = item.get("text")
        values = [v for value in item.values() if _is_min_labels(value) for v in value]
        title, meta = item.get("title", ""), {}
    if not isinstance(text, str):
        raise ValueError("the task has no text")
    spans = list(dict.fromkeys(span for value in values for span in _spans(value)))
    meta.pop("title", None)
    statuses = meta.pop("status", None)
    return Annotated(name, text, spans, str(title or ""), meta,
                     statuses if isinstance(statuses, dict) else {})


def _task_values(item: dict) -> list[dict]:
    annotations = [a for a in item.get("annotations") or [] if not a.get("was_cancelled")]
    source = annotations or item.get("predictions") or []
    return [r["value"] for entry in source for r in entry.get("result", [])
            if r.get("type", "labels") == "labels" and "start" in r.get("value", {})]


def _spans(value: dict) -> list[FormatSpan]:
    start, end, labels = value["start"], value["end"], value.get("labels")
    if not isinstance(start, int) or not isinstance(end, int):
        raise ValueError(f"offsets {start!r}, {end!r} are not integers")
    if not isinstance(labels, list) or not labels:
        raise ValueError(f"span [{start}, {end}) has no labels")
    covered = value.get("text") or ""
    return [FormatSpan(start, end, str(label), covered) for label in labels]
