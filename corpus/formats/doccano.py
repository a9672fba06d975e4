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
that unit fails its record.  The relations read link spans of the record by
(start, end, label) in code points; the entities form writes the project's
relations back between the entities it writes (the label form has no place for
them: the writer counts them as ``relations_need_entities``).

Span attributes and notes travel in ``meta.span_details`` (corpus/formats/span_details.py).
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
    a_kind,
    relation_ids,
    span_key,
    written,
)
from corpus.relations import FormatRelation
from corpus.formats.span_details import DOCCANO_KEY, attach_doccano, doccano_entries
from corpus.text.offsets import OffsetMap
from corpus.span import SpanError, check_span

OFFSET_UNIT = "codepoint"
__all__ = ["ExportError", "Writer", "entities_record", "read", "record", "sniff"]


def record(document: Document, spans: Iterable, meta: dict | None = None,
           offsets: str = OFFSET_UNIT, metadata: bool = True) -> dict:
    """One JSONL record; every span is checked against ``text[start:end]`` first."""
    spans = sorted(spans, key=_order)
    written = _in_unit(document.text, _checked(document, spans), offsets)
    return {"id": document.id, "text": document.text, "label": written,
            "meta": _meta(document, meta, offsets, metadata, doccano_entries(spans, written))}


def entities_record(document: Document, spans: Iterable, meta: dict | None = None,
                    offsets: str = OFFSET_UNIT, metadata: bool = True,
                    first_id: int = 1, relations: Iterable[FormatRelation] = ()) -> dict:
    """The entities/relations form of :func:`record`: entities numbered from
    ``first_id``, then the relations whose ends are both among them (the project's,
    and any an older Hanmark kept in the document's metadata)."""
    spans = sorted(spans, key=_order)
    triples = _checked(document, spans)
    written = _in_unit(document.text, triples, offsets)
    entities = [{"id": first_id + i, "label": label, "start_offset": s, "end_offset": e}
                for i, (s, e, label) in enumerate(written)]
    keyed = [FormatSpan(s, e, label) for s, e, label in triples]
    linked, _left_out = relation_ids(keyed, all_relations(document.meta, relations), first_id)
    out_relations = [_relation_object(first_id + len(triples) + i, a, b, relation)
                     for i, (relation, a, b) in enumerate(linked)]
    out_meta = _meta(document, meta, offsets, metadata, doccano_entries(spans, written))
    out_meta.pop("relations", None)
    return {"id": document.id, "text": document.text, "entities": entities,
            "relations": out_relations, "meta": out_meta}


def _relation_object(ident: int, from_id: int, to_id: int, relation: FormatRelation) -> dict:
    """A doccano relation; its note and attributes as extra keys, which doccano's import
    ignores (its relation model reads id, from_id, to_id and type)."""
    out = {"id": ident, "from_id": from_id, "to_id": to_id, "type": relation.type}
    if relation.note:
        out["note"] = relation.note
    if relation.attributes:
        out["attributes"] = relation.attributes
    return out


def all_relations(meta: dict, relations: Iterable[FormatRelation]) -> list[FormatRelation]:
    """``relations`` and then those kept in ``meta`` by an older Hanmark, each once."""
    out = {(tuple(r.source), tuple(r.target), r.type): r for r in relations}
    for item in stored_relations(meta):
        relation = FormatRelation(tuple(item["from"]), tuple(item["to"]), item["type"])
        out.setdefault((relation.source, relation.target, relation.type), relation)
    return list(out.values())


def stored_relations(meta: dict) -> list[dict]:
    """The well-formed relations in a document's metadata (kept there by Hanmark before
    relations had a table of their own, and by upgrades that found no spans for them)."""
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


def _meta(document: Document, meta: dict | None, offsets: str, metadata: bool,
          details: list[dict]) -> dict:
    merged = document_meta(document, meta) if metadata else {}
    merged["offset_unit"] = offsets
    if details:     # the spans' attributes and notes: doccano keeps meta as it is
        merged[DOCCANO_KEY] = details
    return merged


def _order(span) -> tuple:
    return (span.start, span.end, span.label)


class Writer:
    def __init__(self, path: Path, options: WriteOptions) -> None:
        self.options = options
        self.out = path.open("wb")
        self.next_id = 1               # of the entities form's entities and relations
        self.relations_left_out = 0    # their spans are not exported (deleted, filtered)
        self.relations_not_written = 0  # the label form holds none (--entities does)

    def write(self, document: Document, spans: list, meta: dict,
              relations: list[FormatRelation] = ()) -> None:
        options = self.options
        if not options.entities:
            out = record(document, spans, meta, options.offsets, options.metadata)
            self.relations_not_written += len(relations)
        else:
            out = entities_record(document, spans, meta, options.offsets, options.metadata,
                                  self.next_id, relations)
            self.next_id += len(out["entities"]) + len(out["relations"])
            self.relations_left_out += \
                len(all_relations(document.meta, relations)) - len(out["relations"])
        self.out.write(orjson.dumps(out) + b"\n")

    def report(self) -> dict:
        out = {"relations_left_out": self.relations_left_out} if self.relations_left_out \
            else {}
        if self.relations_not_written:      # the label form has no place for them
            out["relations_need_entities"] = self.relations_not_written
        return out

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
        raise ValueError("no \"text\" string" if text is None else
                         f"\"text\" is {a_kind(text)}, not a string")
    meta = item.get("meta")
    notes = [] if isinstance(meta, dict) or meta is None else \
        [f"\"meta\" is {a_kind(meta)}, not an object: left out"]
    meta = dict(meta) if isinstance(meta, dict) else {}
    unit = options.offsets or meta.get("offset_unit") or "utf16"
    unit = unit if unit in ("utf16", "codepoint") else "utf16"
    table = OffsetMap(text) if unit == "utf16" else None
    rejected: list[tuple[str, str]] = []
    ids, spans, written_as = [], [], []
    for entity_id, raw in _raw_spans(item, notes):
        try:
            span = _span(raw)
            as_written = tuple(span[:3])
            if table is not None:
                span = _from_utf16(table, span)
        except ValueError as error:
            rejected.append((written(raw), str(error)))
            continue
        ids.append(entity_id if isinstance(entity_id, int | str) else None)
        spans.append(span)
        written_as.append(as_written)
    spans = attach_doccano(meta, spans, written_as, notes)
    relations = _relations(item["relations"], dict(zip(ids, spans)), notes) \
        if item.get("relations") else []
    meta.pop("offset_unit", None)
    statuses = meta.pop("status", None) or {}
    title = str(meta.pop("title", "") or "")
    return Annotated(name, text, spans, title, meta,
                     statuses if isinstance(statuses, dict) else {}, rejected, notes,
                     relations)


def _raw_spans(item: dict, notes: list[str]) -> list[tuple]:
    """(entity id, span as written) of each span, in the record's own unit."""
    entities = item.get("entities")
    if isinstance(entities, list):
        return [(e.get("id") if isinstance(e, dict) else None, _entity(e)) for e in entities]
    labels = item.get("label")
    if labels is None:
        labels = item.get("labels", [])
    if not isinstance(labels, list):
        notes.append(f"\"label\" is {a_kind(labels)}, not a list of [start, end, label]: "
                     "no spans read")
        return []
    return [(None, raw) for raw in labels]


def _entity(entity):
    if not isinstance(entity, dict):
        return entity
    return [entity.get("start_offset"), entity.get("end_offset"), entity.get("label")]


def _relations(raw, entities: dict, notes: list[str]) -> list[FormatRelation]:
    """doccano's relations (entity ids) with their ends as (start, end, label); a relation
    that cannot be kept is named in ``notes`` and the others stay."""
    if not isinstance(raw, list):
        notes.append(f"\"relations\" is {a_kind(raw)}, not a list: left out")
        return []
    out = []
    for relation in raw:
        ends = [_end(entities, relation.get(key)) for key in ("from_id", "to_id")] \
            if isinstance(relation, dict) else [None]
        if None in ends or not isinstance(relation.get("type"), str):
            ident = relation.get("id") if isinstance(relation, dict) else written(relation)
            notes.append(f"relation {ident!r} left out: it needs from_id and to_id of "
                         "entities of the record and a type")
            continue
        note, attributes = relation.get("note"), relation.get("attributes")
        out.append(FormatRelation(span_key(ends[0]), span_key(ends[1]), relation["type"],
                                  note if isinstance(note, str) else "",
                                  attributes if isinstance(attributes, dict) else None))
    return out


def _end(entities: dict, entity_id):
    """The span a relation's end refers to (None: no entity of the record has that id)."""
    return entities.get(entity_id) if isinstance(entity_id, int | str) else None


def _span(raw) -> FormatSpan:
    if not isinstance(raw, (list, tuple)) or len(raw) != 3:
        raise ValueError("not [start, end, label]")
    start, end, label = raw
    if not all(isinstance(x, int) and not isinstance(x, bool) for x in (start, end)):
        raise ValueError("the offsets must be whole numbers")
    if not isinstance(label, str):
        raise ValueError(f"the label is {a_kind(label)}, not a string")
    return FormatSpan(start, end, label)


def _from_utf16(table: OffsetMap, span: FormatSpan) -> FormatSpan:
    if not 0 <= span.start < span.end <= table.utf16_length:
        raise ValueError(f"lies outside the text ({table.utf16_length} UTF-16 units) or "
                         "starts at or after its end")
    start, end = table.range_from_utf16(span.start, span.end)
    if table.to_utf16(start) != span.start or table.to_utf16(end) != span.end:
        raise ValueError("splits a character in UTF-16 units (are the offsets code points? "
                         "try --offsets codepoint)")
    return span._replace(start=start, end=end)
