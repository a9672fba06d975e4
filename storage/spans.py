"""Span reads and writes.  Every write is one transaction, and a span whose
offsets or text do not fit its document is refused (here and by a trigger)."""

from __future__ import annotations

from pathlib import Path

import orjson
from sqlite_utils import Database

from corpus.span import Span, SpanError, check_span
from storage.connection import transaction
from storage.errors import RecordRejected

_COLUMNS = (
    's.id, s.document_id, s.start, s."end", l.name, s.text, s.annotator, s.origin, '
    "s.attributes, s.note, s.created_at, s.updated_at, s.uid"
)
# A project older than migration 7 opened read-only (not upgraded) has no uid column.
_COLUMNS_BEFORE_UID = _COLUMNS.replace("s.uid", "NULL")
_FROM = "FROM spans s JOIN labels l ON l.id = s.label_id"
TEXT_CACHE = 8  # documents whose text is kept for span checks


def _span(row: tuple) -> Span:
    return Span(
        id=row[0], document_id=row[1], start=row[2], end=row[3], label=row[4], text=row[5],
        annotator=row[6], origin=row[7], attributes=orjson.loads(row[8]), note=row[9],
        created_at=row[10], updated_at=row[11], uid=row[12] or "",
    )


class SpanStore:
    """Mixed into :class:`storage.project.Project`, which provides ``db`` and ``path``."""

    db: Database
    path: Path
    _texts: dict[int, str]
    _span_columns: str = _COLUMNS
    has_span_uid: bool = True

    def _read_span_columns(self) -> None:
        """Read spans with the columns this file has (an old file opened read-only)."""
        names = {row[1] for row in self.db.execute("PRAGMA table_info(spans)")}
        self.has_span_uid = "uid" in names
        self._span_columns = _COLUMNS if self.has_span_uid else _COLUMNS_BEFORE_UID

    def spans(self, document_id: int, annotator: str | None = None) -> list[Span]:
        """A document's spans: every layer, or only ``annotator``'s."""
        layer, params = ("", [document_id]) if annotator is None else (
            " AND s.annotator = ?", [document_id, annotator])
        rows = self.db.execute(
            f"SELECT {self._span_columns} {_FROM} WHERE s.document_id = ?{layer} "
            'ORDER BY s.start, s."end", s.id', params)
        return [_span(row) for row in rows]

    def annotators(self) -> list[str]:
        """Every annotator with spans or a status in the project, sorted."""
        rows = self.db.execute("SELECT annotator FROM spans UNION SELECT annotator "
                               "FROM document_status ORDER BY 1")
        return [row[0] for row in rows]

    def layers(self, document_id: int) -> dict[str, int]:
        """Every annotator with spans in a document → their span count."""
        return dict(self.db.execute(
            "SELECT annotator, count(*) FROM spans WHERE document_id = ? GROUP BY annotator "
            "ORDER BY annotator", [document_id]).fetchall())

    def span(self, span_id: int) -> Span:
        row = self.db.execute(f"SELECT {self._span_columns} {_FROM} WHERE s.id = ?",
                              [span_id]).fetchone()
        if row is None:
            raise KeyError(f"no span {span_id}")
        return _span(row)

    def add_span(self, document_id: int, start: int, end: int, label: str, *,
                 annotator: str, origin: str = "manual", text: str | None = None,
                 attributes: dict | None = None, span_id: int | None = None) -> Span:
        """Store a new span and return it; ``span_id`` restores a deleted span under its id."""
        with transaction(self.db, self.path):
            covered = self._check(document_id, start, end, text)
            # One plain INSERT: sqlite-utils' insert() inspects the table first (five more
            # statements), and this runs on every span the annotator marks.
            new_id = self.db.execute(
                'INSERT INTO spans (id, document_id, start, "end", label_id, annotator, origin, '
                "text, attributes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [span_id, document_id, start, end, self._label_id(label), annotator, origin,
                 covered, orjson.dumps(attributes or {}).decode()]).lastrowid
        return self.span(new_id)

    def restore_span(self, span: Span) -> Span:
        """Put back a span exactly as it was (undo of a delete)."""
        with transaction(self.db, self.path):
            self._check(span.document_id, span.start, span.end, span.text)
            self.db.execute(
                'INSERT INTO spans (id, document_id, start, "end", label_id, annotator, origin, '
                "text, attributes, note, created_at, updated_at, uid) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [span.id, span.document_id, span.start, span.end, self._label_id(span.label),
                 span.annotator, span.origin, span.text, orjson.dumps(span.attributes).decode(),
                 span.note, span.created_at, span.updated_at, span.uid or None],
            )
        return self.span(span.id)

    def delete_span(self, span_id: int) -> Span:
        """Delete a span; returns it as it was, so that it can be restored."""
        with transaction(self.db, self.path):
            span = self.span(span_id)
            self.db.execute("DELETE FROM spans WHERE id = ?", [span_id])
        return span

    def relabel_span(self, span_id: int, label: str) -> Span:
        """Give a span another label; returns the span as it was before."""
        with transaction(self.db, self.path):
            before = self.span(span_id)
            self.db.execute(
                "UPDATE spans SET label_id = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') "
                "WHERE id = ?",
                [self._label_id(label), span_id],
            )
        return before

    def resize_span(self, span_id: int, start: int, end: int) -> Span:
        """Move a span's start and end; returns the span as it was before."""
        with transaction(self.db, self.path):
            before = self.span(span_id)
            covered = self._check(before.document_id, start, end, None)
            self.db.execute(
                'UPDATE spans SET start = ?, "end" = ?, text = ?, '
                "updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?",
                [start, end, covered, span_id])
        return before

    def span_count(self) -> int:
        return self.db.execute("SELECT count(*) FROM spans").fetchone()[0]

    def _label_id(self, name: str) -> int:
        row = self.db.execute("SELECT id FROM labels WHERE name = ?", [name]).fetchone()
        if row is None:
            raise RecordRejected(f"unknown label {name!r}")
        return row[0]

    def text_of(self, document_id: int) -> str:
        """A document's text, cached: texts never change after import, so the cache is
        always right, and a span check on a 1,000,000-character document stays O(1)."""
        text = self._texts.get(document_id)
        if text is None:
            row = self.db.execute("SELECT text FROM documents WHERE id = ?",
                                  [document_id]).fetchone()
            if row is None:
                raise RecordRejected(f"no document {document_id}")
            text = self._remember_text(document_id, row[0])
        return text

    def _remember_text(self, document_id: int, text: str) -> str:
        if len(self._texts) >= TEXT_CACHE:
            self._texts.pop(next(iter(self._texts)))
        self._texts[document_id] = text
        return text

    def _check(self, document_id: int, start: int, end: int, text: str | None) -> str:
        try:
            return check_span(self.text_of(document_id), start, end, text)
        except SpanError as error:
            raise RecordRejected(str(error)) from None
