"""Label Studio JSON: a list of tasks, offsets in code points, end-exclusive.

Written: ``{"id", "data": {"text", "title"}, "meta", "annotations": [{"result": [...]}]}``,
each result ``{"type": "labels", "from_name": "label", "to_name": "text",
"value": {"start", "end", "text", "labels": [L]}}``, then each relation as
``{"type": "relation", "from_id", "to_id", "direction": "right", "labels": [TYPE]}``
naming the span results' ids; with ``predictions`` the results go under
``"predictions"`` (pre-annotation of an LS project).  A span's note
and attributes are its result's ``meta``: ``{"text": [note], "attributes": {...}}``
(Label Studio's own form of a region's meta, plus the attributes).

Read: that JSON export (annotations, else predictions) and the JSON_MIN export
(``{"text", "label": [{"start", "end", "text", "labels"}]}``), with the relation
results of each annotation.
"""

from __future__ import annotations

from collections import Counter
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
    relation_ids,
    span_key,
    written,
)
from corpus.relations import FormatRelation
from corpus.formats.span_details import from_labelstudio, labelstudio_meta, with_details

FROM_NAME, TO_NAME, MODEL_VERSION = "label", "text", "hanmark"
UNLABELLED = "RELATED"      # the type of a relation Label Studio gives no label


def task(document: Document, spans: list, meta: dict, options: WriteOptions,
         relations=()) -> dict:
    results = [_result(i, span) for i, span in enumerate(spans, 1)]
    linked, _left_out = relation_ids(spans, relations)
    results += [_relation_result(relation, a, b) for relation, a, b in linked]
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
    out = {"id": f"s{index}", "type": "labels", "from_name": FROM_NAME, "to_name": TO_NAME,
           "origin": "manual",
           "value": {"start": span.start, "end": span.end, "text": span.text,
                     "labels": [span.label]}}
    meta = labelstudio_meta(span)
    if meta is not None:
        out["meta"] = meta      # a region's meta: {"text": [note], "attributes": {...}}
    return out


def _relation_result(relation, from_index: int, to_index: int) -> dict:
    """A relation result; its note and attributes in ``meta`` as a region's are (Label
    Studio keeps a result's extra keys)."""
    result = {"type": "relation", "from_id": f"s{from_index}", "to_id": f"s{to_index}",
              "direction": "right", "labels": [relation.type]}
    meta = labelstudio_meta(relation)
    if meta:
        result["meta"] = meta
    return result


class Writer:
    """Writes a JSON array one task at a time."""

    def __init__(self, path: Path, options: WriteOptions) -> None:
        self.options, self.out, self.count = options, path.open("wb"), 0
        self.relations_left_out = 0

    def write(self, document: Document, spans: list, meta: dict, relations=()) -> None:
        self.out.write(b"[\n" if self.count == 0 else b",\n")
        written_task = task(document, spans, meta, self.options, relations)
        self.out.write(orjson.dumps(written_task))
        self.relations_left_out += len(relations) - sum(
            1 for key in ("annotations", "predictions") for entry in written_task.get(key, [])
            for r in entry["result"] if r["type"] == "relation")
        self.count += 1

    def report(self) -> dict:
        return {"relations_left_out": self.relations_left_out} if self.relations_left_out \
            else {}

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
    notes: list[str] = []
    raw_relations: list[tuple[dict, dict]] = []     # (relation result, its entry's ids)
    if isinstance(item.get("data"), dict):
        data = item["data"]
        text = data.get("text", next((v for v in data.values() if isinstance(v, str)), None))
        values = _task_values(item, notes, raw_relations)
        title, meta = data.get("title", ""), _object(item, "meta", notes)
    else:
        text = item.get("text")
        values = [(None, v, None) for value in item.values() if _is_min_labels(value) for v in value]
        title, meta = item.get("title", ""), {}
    if not isinstance(text, str):
        raise ValueError("the task has no text" if text is None else
                         f"the task's text is {a_kind(text)}, not a string")
    spans: dict[tuple, FormatSpan] = {}
    rejected: list[tuple[str, str]] = []
    for where, value, region_meta in values:
        try:
            found = _spans(value)
        except ValueError as error:
            rejected.append((written(value), str(error)))
            continue
        attributes, note = from_labelstudio(region_meta, notes)
        found = [spans.setdefault(span[:4], with_details(span, attributes, note, notes))
                 for span in found]
        if where is not None:
            where[0][where[1]] = found[0]     # the entry's result id → its span
    relations = _relations(raw_relations, notes)
    meta.pop("title", None)
    statuses = meta.pop("status", None)
    return Annotated(name, text, list(spans.values()), str(title or ""), meta,
                     statuses if isinstance(statuses, dict) else {}, rejected, notes, relations)


def _relations(raw: list[tuple[dict, dict]], notes: list[str]) -> list[FormatRelation]:
    """Label Studio's relation results: ``from_id`` and ``to_id`` name results of the same
    annotation; ``direction`` "left" points the other way, "bi" is read as from → to; one
    relation per label (an unlabelled one gets the type RELATED), with the note and
    attributes of its ``meta``."""
    out: dict[tuple, FormatRelation] = {}
    for result, ids in raw:
        ends = ids.get(result.get("from_id")), ids.get(result.get("to_id"))
        if None in ends:
            notes.append(f"relation {result.get('from_id')!r} → {result.get('to_id')!r} left "
                         "out: from_id and to_id must name span results of its annotation")
            continue
        if result.get("direction") == "left":
            ends = ends[::-1]
        labels = result.get("labels")
        labels = [x for x in labels if isinstance(x, str) and x.strip()] \
            if isinstance(labels, list) else []
        attributes, note = from_labelstudio(result.get("meta"), notes)
        for label in labels or [UNLABELLED]:
            relation = FormatRelation(span_key(ends[0]), span_key(ends[1]), label.strip(),
                                      note, attributes)
            out.setdefault(relation[:3], relation)
    return list(out.values())


def _object(item: dict, key: str, notes: list[str]) -> dict:
    value = item.get(key)
    if value is None or isinstance(value, dict):
        return dict(value or {})
    notes.append(f"\"{key}\" is {a_kind(value)}, not an object: left out")
    return {}


def _entries(item: dict, key: str, notes: list[str]) -> list[dict]:
    """The objects of ``annotations`` or ``predictions``; ids in their place carry no spans."""
    value = item.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        notes.append(f"\"{key}\" is {a_kind(value)}, not a list: no spans read from it")
        return []
    ids = [e for e in value if isinstance(e, int) and not isinstance(e, bool)]
    if ids:
        notes.append(f"\"{key}\" given as ids ({len(ids)}), which carry no spans")
    others = [e for e in value if not isinstance(e, (dict, int)) or isinstance(e, bool)]
    if others:
        notes.append(f"\"{key}\": {len(others)} entries are not objects: left out")
    return [e for e in value if isinstance(e, dict)]


def _task_values(item: dict, notes: list[str], relations: list) -> list:
    """(where to record the result's span, value, region meta) of each span result; each
    entry's relation results go to ``relations`` with that entry's id → span map."""
    annotations = [a for a in _entries(item, "annotations", notes) if not a.get("was_cancelled")]
    source = annotations or _entries(item, "predictions", notes)
    values: list = []
    other: Counter[str] = Counter()   # results that are not text spans, by type
    for entry in source:
        results = entry.get("result", [])
        if not isinstance(results, list):
            notes.append(f"\"result\" is {a_kind(results)}, not a list: left out")
            continue
        ids: dict = {}
        for r in results:
            if not isinstance(r, dict):
                values.append((None, r, None))   # rejected with its reason
            elif r.get("type", "labels") == "labels" and "value" in r:
                key = r.get("id")
                values.append(((ids, key) if isinstance(key, (str, int)) else None, r["value"],
                               r.get("meta")))
            elif r.get("type") == "relation":
                relations.append((r, ids))
            else:
                other[str(r.get("type", "without a value"))] += 1
    notes.extend(f"{count} result{'s' if count > 1 else ''} of type {name!r} left out: only "
                 "text spans (type 'labels') and relations are imported"
                 for name, count in other.items())
    return values


def _spans(value) -> list[FormatSpan]:
    if not isinstance(value, dict):
        raise ValueError(f"a result is {a_kind(value)}, not an object")
    start, end, labels = value.get("start"), value.get("end"), value.get("labels")
    if not all(isinstance(x, int) and not isinstance(x, bool) for x in (start, end)):
        raise ValueError("\"start\" and \"end\" must be whole numbers")
    if not isinstance(labels, list) or not labels:
        raise ValueError("\"labels\" must be a list of label names")
    if not all(isinstance(label, str) for label in labels):
        raise ValueError("each label must be a string")
    covered = value.get("text")
    covered = covered if isinstance(covered, str) else ""
    return [FormatSpan(start, end, label, covered) for label in labels]
