"""Span attributes and notes in the JSON interchange formats, in each tool's own place.

doccano keeps no per-span data, but keeps a record's ``meta`` object as it is; a span's
attributes and note go there, under :data:`DOCCANO_KEY`, one entry per span that has
any: ``{"start", "end", "label", "attributes", "note"}`` in the record's offset unit.
The ``label`` / ``entities`` lists stay exactly doccano's.

Label Studio keeps a region's ``meta`` object on its result, and its own editor writes
a region's note there as ``{"text": ["..."]}``; the attributes go beside it as
``"attributes": {...}``.

Both readers take them back onto the spans they belong to; an entry that names no span
of the record is reported and left out.
"""

from __future__ import annotations

from corpus.formats.model import FormatSpan

DOCCANO_KEY = "span_details"


def has_details(span) -> bool:
    return bool(getattr(span, "attributes", None)) or bool(getattr(span, "note", ""))


def doccano_entries(spans, triples: list[list]) -> list[dict]:
    """``triples`` are the spans as written ([start, end, label] in the record's unit),
    in the order of ``spans``."""
    out = []
    for span, (start, end, label) in zip(spans, triples):
        if has_details(span):
            entry = {"start": start, "end": end, "label": label}
            if span.attributes:
                entry["attributes"] = span.attributes
            if span.note:
                entry["note"] = span.note
            out.append(entry)
    return out


def attach_doccano(meta: dict, spans: list[FormatSpan], written: list[tuple],
                   notes: list[str]) -> list[FormatSpan]:
    """Put the entries of ``meta[DOCCANO_KEY]`` (removed from ``meta``) on the spans;
    ``written`` holds each span's (start, end, label) as the record wrote it."""
    entries = meta.pop(DOCCANO_KEY, None)
    if entries is None:
        return spans
    if not isinstance(entries, list):
        notes.append(f"meta.{DOCCANO_KEY} is not a list: left out")
        return spans
    where = {key: i for i, key in enumerate(written)}
    spans = list(spans)
    for entry in entries:
        index = _entry_index(entry, where)
        if index is None:
            notes.append(f"meta.{DOCCANO_KEY}: {_short(entry)} names no span of the record: "
                         "left out")
            continue
        spans[index] = with_details(spans[index], entry.get("attributes"), entry.get("note"),
                                    notes)
    return spans


def _entry_index(entry, where: dict) -> int | None:
    if not isinstance(entry, dict):
        return None
    return where.get((entry.get("start"), entry.get("end"), entry.get("label")))


def with_details(span: FormatSpan, attributes, note, notes: list[str]) -> FormatSpan:
    """``span`` with these attributes and note, each kept only if it has the right type."""
    if attributes is not None and not isinstance(attributes, dict):
        notes.append(f"span [{span.start}, {span.end}) {span.label}: attributes are not an "
                     "object: left out")
        attributes = None
    if note is not None and not isinstance(note, str):
        notes.append(f"span [{span.start}, {span.end}) {span.label}: the note is not text: "
                     "left out")
        note = None
    return span._replace(attributes=attributes or span.attributes, note=note or span.note)


def labelstudio_meta(span) -> dict | None:
    """A result's ``meta``: Label Studio's region note form, plus the attributes."""
    if not has_details(span):
        return None
    meta: dict = {}
    if span.note:
        meta["text"] = [span.note]
    if span.attributes:
        meta["attributes"] = span.attributes
    return meta


def from_labelstudio(meta, notes: list[str]) -> tuple[dict | None, str]:
    """(attributes, note) of a result's ``meta`` (several note texts are joined by lines)."""
    if meta is None:
        return None, ""
    if not isinstance(meta, dict):
        notes.append("a result's \"meta\" is not an object: left out")
        return None, ""
    text = meta.get("text")
    if isinstance(text, str):
        text = [text]
    note = "\n".join(t for t in text if isinstance(t, str)) if isinstance(text, list) else ""
    attributes = meta.get("attributes")
    if attributes is not None and not isinstance(attributes, dict):
        notes.append("a result's meta.attributes is not an object: left out")
        attributes = None
    return attributes, note


def _short(entry) -> str:
    text = repr(entry)
    return text if len(text) <= 80 else text[:77] + "..."
