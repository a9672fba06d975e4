"""doccano JSONL: one document per line.

Written: ``{"id", "text", "label": [[start, end, "LABEL"], ...], "meta": {...}}``,
end-exclusive, in code points unless ``offsets="utf16"`` (what doccano itself
counts).  The unit is declared in each record's ``meta.offset_unit``.  With
``entities`` the form of doccano's relation projects is written instead:
``{"id", "text", "entities": [{"id", "label", "start_offset", "end_offset"}],
"relations": [{"id", "from_id", "to_id", "type"}], "meta"}``, the ids counting
up through the file.

Read: both forms.  Offsets are taken in the unit the caller chooses, else the
one the record declares, else UTF-16; a span that does not fit the text in
that unit fails its record.  Hanmark keeps no relations of its own, so the
relations read go into the document's metadata as ``relations``, each
``{"type", "from": [start, end, label], "to": [...]}`` in code points; the
entities form writes them back between the entities it writes.
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
__all__ = ["ExportError", "Writer", "entities_record", "read", "record", "sniff"]


def record(document: Document, spans: Iterable, meta: dict | None = None,
           offsets: str = OFFSET_UNIT, metadata: bool = True) -> dict:
    """One JSONL record; every span is checked against ``text[start:end]`` first."""
    triples = _checked(document, spans)
    return {"id": document.id, "text": document.text,
            "label": _in_unit(document.text, triples, offsets),
            "meta": _meta(document, meta, offsets, metadata)}


def entities_record(document: Document, spans: Iterable, meta: dict | None = None,
                    offsets: str = OFFSET_UNIT, metadata: bool = True,
                    first_id: int = 1) -> dict:
    """The entities/relations form of :func:`record`: entities numbered from
    ``first_id``, then the relations kept in the document's metadata whose ends
    are both among them."""
    triples = _checked(document, spans)
    ids = {(s, e, label): first_id + i for i, (s, e, label) in enumerate(triples)}
    entities = [{"id": first_id + i, "label": label, "start_offset": s, "end_offset": e}
                for i, (s, e, label) in enumerate(_in_unit(document.text, triples, offsets))]
    relations = []
    for relation in stored_relations(document.meta):
        ends = ids.get(tuple(relation["from"])), ids.get(tuple(relation["to"]))
        if None not in ends:
            relations.append({"id": first_id + len(ids) + len(relations), "from_id": ends[0],
                              "to_id": ends[1], "type": relation["type"]})
    out_meta = _meta(document, meta, offsets, metadata)
    out_meta.pop("relations", None)
    return {"id": document.id, "text": document.text, "entities": entities,
            "relations": relations, "meta": out_meta}


def stored_relations(meta: dict) -> list[dict]:
    """The well-formed relations in a document's metadata."""
    relations = meta.get("relations")
    return [r for r in relations if _is_relation(r)] if isinstance(relations, list) else []


def _is_relation(item) -> bool:
    return (isinstance(item, dict) and isinstance(item.get("type"), str)
            and all(isinstance(item.get(end), list) and len(item[end]) == 3
                    for end in ("from", "to")))


def _checked(document: Document, spans: Iterable) -> list[tuple[int, int, str]]:
    """(start, end, label) of each span, sorted, after checking it against the text."""
    text = document.text
    out = []
    for span in sorted(spans, key=_order):
        if text[span.start:span.end] != span.text or span.start >= span.end:
            try:
                check_span(text, span.start, span.end, span.text)
            except SpanError as error:
                raise ExportError(f"document {document.id} ({document.title}): {error}") from None
        out.append((span.start, span.end, span.label))
    return out


def _in_unit(text: str, triples: list[tuple[int, int, str]], offsets: str) -> list[list]:
    if offsets == "utf16":
        table = OffsetMap(text)
        if table.has_astral:
            return [[*table.range_to_utf16(s, e), label] for s, e, label in triples]
    return [[s, e, label] for s, e, label in triples]


def _meta(document: Document, meta: dict | None, offsets: str, metadata: bool) -> dict:
    merged = document_meta(document, meta) if metadata else {}
    merged["offset_unit"] = offsets
    return merged


def _order(span) -> tuple:
    return (span.start, span.end, span.label)


class Writer:
    def __init__(self, path: Path, options: WriteOptions) -> None:
        self.options = options
        self.out = path.open("wb")
        self.next_id = 1               # of the entities form's entities and relations
        self.relations_left_out = 0    # their spans are not exported (deleted, filtered)

    def write(self, document: Document, spans: list, meta: dict) -> None:
        options = self.options
        if not options.entities:
            out = record(document, spans, meta, options.offsets, options.metadata)
        else:
            out = entities_record(document, spans, meta, options.offsets, options.metadata,
                                  self.next_id)
            self.next_id += len(out["entities"]) + len(out["relations"])
            self.relations_left_out += \
                len(stored_relations(document.meta)) - len(out["relations"])
        self.out.write(orjson.dumps(out) + b"\n")

    def report(self) -> dict:
        return {"relations_left_out": self.relations_left_out} if self.relations_left_out \
            else {}

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
    ids, raw_spans = _raw_spans(item)
    spans = [_span(raw) for raw in raw_spans]
    if unit == "utf16":
        spans = _from_utf16(text, spans)
    if item.get("relations"):
        meta["relations"] = _relations(item["relations"], dict(zip(ids, spans)))
    meta.pop("offset_unit", None)
    statuses = meta.pop("status", None) or {}
    title = str(meta.pop("title", "") or "")
    return Annotated(name, text, spans, title, meta,
                     statuses if isinstance(statuses, dict) else {})


def _raw_spans(item: dict) -> tuple[list, list]:
    """(entity ids, [start, end, label] of each span) in the record's own unit."""
    if isinstance(item.get("entities"), list):
        entities = item["entities"]
        if not all(isinstance(e, dict) for e in entities):
            raise ValueError("\"entities\" is not a list of objects")
        return ([e.get("id") for e in entities],
                [(e["start_offset"], e["end_offset"], e["label"]) for e in entities])
    labels = item.get("label")
    if not isinstance(labels, list):
        raise ValueError("\"label\" is not a list of [start, end, label]")
    return [None] * len(labels), labels


def _relations(raw, entities: dict) -> list[dict]:
    """doccano's relations (entity ids) as Hanmark keeps them: ends as [start, end, label]."""
    if not isinstance(raw, list) or not all(isinstance(r, dict) for r in raw):
        raise ValueError("\"relations\" is not a list of objects")
    out = []
    for relation in raw:
        ends = [entities.get(relation.get(key)) for key in ("from_id", "to_id")]
        if None in ends or not isinstance(relation.get("type"), str):
            raise ValueError(f"relation {relation.get('id')!r} needs from_id and to_id of "
                             "entities of the record and a type")
        out.append({"type": relation["type"], "from": [*ends[0][:3]], "to": [*ends[1][:3]]})
    return out


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


