"""A span's attributes and note, a document's note and editable metadata (title, date,
source): each write is one transaction, and a document's text is never touched.

A document's title and source are its columns; its date and note live in its metadata
(``meta["date"]``, ``meta["note"]``), where import puts the date and every export
already carries the metadata.  An empty value removes the key.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import orjson

from corpus.attributes import BadAttribute, check_attributes
from corpus.document import Document
from corpus.span import Span
from storage.connection import transaction
from storage.errors import RecordRejected
from storage.project import Project

NOTE_LIMIT = 20_000       # characters; a note is a remark, not a second document
META_FIELDS = ("date", "note")      # kept in the metadata JSON


@dataclass(frozen=True)
class DocumentDetails:
    """What the span panel edits of a document."""
    title: str = ""
    date: str = ""
    source: str = ""
    note: str = ""

    @classmethod
    def of(cls, document: Document) -> "DocumentDetails":
        meta = document.meta
        return cls(document.title, _string(meta.get("date")), document.source,
                   _string(meta.get("note")))


def _string(value) -> str:
    return "" if value is None else str(value)


def set_span_details(project: Project, span_id: int, attributes: dict, note: str) -> Span:
    """Give a span these attributes and this note; returns the span as it was before.
    Bad attributes (not a JSON object of plain values) or an overlong note are refused."""
    try:
        check_attributes(attributes)
    except BadAttribute as error:
        raise RecordRejected(str(error)) from None
    if len(note) > NOTE_LIMIT:
        raise RecordRejected(f"the note is longer than {NOTE_LIMIT} characters")
    with transaction(project.db, project.path):
        before = project.span(span_id)
        project.db.execute(
            "UPDATE spans SET attributes = ?, note = ?, "
            "updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?",
            [orjson.dumps(attributes).decode(), note, span_id])
    return before


def set_relation_note(project: Project, relation_id: int, note: str):
    """Give a relation this note; returns the relation as it was (an overlong note is
    refused)."""
    if len(note) > NOTE_LIMIT:
        raise RecordRejected(f"the note is longer than {NOTE_LIMIT} characters")
    with transaction(project.db, project.path):
        before = project.relation(relation_id)
        project.db.execute("UPDATE relations SET note = ? WHERE id = ?", [note, relation_id])
    return before


def set_document_details(project: Project, document_id: int,
                         details: DocumentDetails) -> Document:
    """Store a document's title, date, source and note; returns the document as it was.
    Only the title and source columns and the metadata JSON are written."""
    if len(details.note) > NOTE_LIMIT:
        raise RecordRejected(f"the note is longer than {NOTE_LIMIT} characters")
    with transaction(project.db, project.path):
        before = project.document(document_id)
        after = document_after(before, details)
        project.db.execute(
            "UPDATE documents SET title = ?, source = ?, meta = ? WHERE id = ?",
            [after.title, after.source, orjson.dumps(after.meta).decode(), document_id])
    return before


def document_after(before: Document, details: DocumentDetails) -> Document:
    """The document as :func:`set_document_details` leaves it (no read back)."""
    meta = dict(before.meta)
    for key in META_FIELDS:
        value = getattr(details, key).strip() if key == "date" else getattr(details, key)
        if value:
            meta[key] = value
        else:
            meta.pop(key, None)
    return replace(before, title=details.title.strip(), source=details.source.strip(),
                   meta=meta)
