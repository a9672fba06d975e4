"""A Hanmark project: one SQLite file holding documents, scheme, spans and status."""

from __future__ import annotations

import os
import sqlite3
from glob import escape as glob_escape
from pathlib import Path

import orjson
from sqlite_utils import Database

from corpus.document import Document, DocumentSummary, NewDocument, Status
from corpus.labels import Label, LabelScheme
from corpus.text.textmap import TextMap
from storage import connection, schema
from storage.connection import transaction
from storage.errors import (
    NewerProject,
    ProjectError,
    ProjectExists,
    ProjectReadOnly,
    RecordRejected,
)
from storage.relations import RelationStore
from storage.spans import SpanStore
from storage.suggestions import SuggestionStore
from storage.team.curation import CurationStore
from storage.tokens import TokenStore

SUFFIX = ".hanmark"
KEEP_BACKUPS = 3  # upgrade backups kept beside a project (NAME.vN-backup.hanmark)
_SUMMARY = """
    SELECT d.id, d.title, coalesce(st.status, 'todo'),
           (SELECT count(*) FROM spans s WHERE s.document_id = d.id AND s.annotator = ?1),
           d.length
    FROM documents d
    LEFT JOIN document_status st ON st.document_id = d.id AND st.annotator = ?1
"""

SORT_COLUMNS = {  # of _SUMMARY; statuses in the order of the work, not of their names
    "id": "d.id", "title": "d.title", "spans": "4",
    "status": "CASE coalesce(st.status, 'todo') WHEN 'todo' THEN 0 WHEN 'in_progress' THEN 1 "
              "WHEN 'done' THEN 2 ELSE 3 END",
}


class DuplicateDocument(RecordRejected):
    """A document whose cleaned text the project already holds."""

    def __init__(self, existing_id: int) -> None:
        self.existing_id = existing_id
        super().__init__(f"same text as document {existing_id}")


class Project(SpanStore, RelationStore, TokenStore, SuggestionStore, CurationStore):
    """The only way code reads or writes a project file."""

    def __init__(self, db: Database, path: Path, readonly: bool) -> None:
        self.db, self.path, self.readonly = db, path, readonly
        self._texts: dict[int, str] = {}
        self._read_span_columns()

    # -- opening -----------------------------------------------------------
    @classmethod
    def create(cls, path: Path | str, scheme: LabelScheme | None = None) -> "Project":
        """Create a new project; it appears at ``path`` only once it is complete."""
        path = Path(path)
        if path.exists():
            raise ProjectExists(path)
        partial = path.with_name(path.name + ".partial")
        try:
            db = connection.connect(partial, create=True)
            schema.migrations.apply(db)
            with transaction(db, partial):
                _insert_labels(db, scheme or LabelScheme.default())
            db.close()
            os.replace(partial, path)
        except OSError as error:
            raise ProjectError(path, error.strerror or str(error)) from None
        finally:
            for leftover in (partial, *(Path(f"{partial}{s}") for s in ("-wal", "-shm"))):
                leftover.unlink(missing_ok=True)
        return cls.open(path)

    @classmethod
    def open(cls, path: Path | str, *, readonly: bool = False) -> "Project":
        """Open an existing project; raises a :class:`ProjectError` and leaves the file as
        it was when it is missing, not a project, newer, locked or read-only."""
        path = Path(path)
        connection.sniff(path)
        writable = connection.is_writable(path)
        if not readonly and not writable:
            raise ProjectReadOnly(path)
        db = connection.connect(path, readonly=readonly)
        try:
            _refuse_newer(db, path)
            if not readonly:
                connection.probe_write_lock(db, path)
                _upgrade(db, path)
        except BaseException:
            db.close()
            raise
        return cls(db, path, readonly)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Project":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def action(self):
        """One user action spanning several calls: all committed together, or none."""
        return transaction(self.db, self.path)

    # -- project info ------------------------------------------------------
    def info(self) -> dict[str, str]:
        return {row["key"]: row["value"] for row in self.db.query("SELECT * FROM project_info")}

    def set_info(self, key: str, value: str) -> None:
        with transaction(self.db, self.path):
            self.db.execute("INSERT OR REPLACE INTO project_info (key, value) VALUES (?, ?)",
                            [key, value])

    @property
    def schema_version(self) -> int:
        return int(self.info().get("schema_version", 0))

    # -- labels ------------------------------------------------------------
    def scheme(self) -> LabelScheme:
        rows = self.db.query("SELECT * FROM labels ORDER BY position, id")
        return LabelScheme([Label.from_dict(row) for row in rows])

    def add_label(self, label: Label) -> Label:
        """Add a label at the end of the scheme (an import met a label the project lacks)."""
        # One look-up and one insert, not the whole scheme twice: an import adding
        # thousands of new labels stays linear.
        with transaction(self.db, self.path):
            if self.db.execute("SELECT 1 FROM labels WHERE name = ?", [label.name]).fetchone():
                raise RecordRejected(f"label {label.name!r} already exists")
            position = self.db.execute("SELECT coalesce(max(position), -1) + 1 FROM labels")
            self.db["labels"].insert({**label.to_dict(), "position": position.fetchone()[0]})
        row = self.db.execute("SELECT * FROM labels WHERE name = ?", [label.name])
        columns = [c[0] for c in row.description]
        return Label.from_dict(dict(zip(columns, row.fetchone())))

    # -- documents ---------------------------------------------------------
    def add_document(self, new: NewDocument) -> int:
        existing = self.find_duplicate(new.content_hash)
        if existing is not None:
            raise DuplicateDocument(existing)
        with transaction(self.db, self.path):
            return self.insert_document(new)

    def insert_document(self, new: NewDocument) -> int:
        """Insert inside the caller's transaction (the importer batches many files)."""
        raw_map = None if new.raw_map is None else new.raw_map.json_text()
        cursor = self.db.execute(
            "INSERT INTO documents (title, text, raw_text, source, meta, content_hash, raw_map, "
            "length) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [new.title, new.text, new.raw_text, new.source, _dumps(new.meta), new.content_hash,
             raw_map, len(new.text)])
        return cursor.lastrowid

    def content_hashes(self) -> dict[str, int]:
        """Every document's content hash → its id (de-duplication of a whole import)."""
        return dict(self.db.execute("SELECT content_hash, id FROM documents").fetchall())

    def find_duplicate(self, content_hash: str) -> int | None:
        row = self.db.execute(
            "SELECT id FROM documents WHERE content_hash = ?", [content_hash]
        ).fetchone()
        return row[0] if row else None

    def raw_map(self, document_id: int) -> TextMap:
        """The map from a document's text back to its raw input."""
        row = self.db.execute("SELECT raw_map, length(text), length(raw_text) FROM documents "
                              "WHERE id = ?", [document_id]).fetchone()
        if row is None:
            raise KeyError(f"no document {document_id}")
        if row[0] is None:
            return TextMap.identity(row[1])
        return TextMap.from_json(orjson.loads(row[0]), row[2])

    def document(self, document_id: int) -> Document:
        row = self.db.execute(
            "SELECT id, title, text, raw_text, source, meta, content_hash FROM documents "
            "WHERE id = ?", [document_id],
        ).fetchone()
        if row is None:
            raise KeyError(f"no document {document_id}")
        document = Document(*row[:5], orjson.loads(row[5]), row[6])
        self._remember_text(document.id, document.text)
        return document

    def document_ids(self) -> list[int]:
        return [row[0] for row in self.db.execute("SELECT id FROM documents ORDER BY id")]

    def documents(self, annotator: str, *, title: str = "", status: Status | None = None,
                  order: str = "id", descending: bool = False) -> list[DocumentSummary]:
        """The document list for one annotator: title, status, span count, length; only
        titles containing ``title`` and of ``status`` when given, sorted in SQL by ``order``
        (one of SORT_COLUMNS), ties in id order."""
        where, params = [], [annotator]
        if title:
            escaped = title.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            where.append("d.title LIKE ? ESCAPE '\\'")
            params.append(f"%{escaped}%")
        if status is not None:
            where.append("coalesce(st.status, 'todo') = ?")
            params.append(Status(status).value)
        sql = _SUMMARY + (" WHERE " + " AND ".join(where) if where else "")
        sql += f" ORDER BY {SORT_COLUMNS[order]} {'DESC' if descending else 'ASC'}, d.id"
        rows = self.db.execute(sql, params)
        return [DocumentSummary(r[0], r[1], Status(r[2]), r[3], r[4]) for r in rows]

    def document_summary(self, document_id: int, annotator: str) -> DocumentSummary:
        row = self.db.execute(_SUMMARY + " WHERE d.id = ?", [annotator, document_id]).fetchone()
        if row is None:
            raise KeyError(f"no document {document_id}")
        return DocumentSummary(row[0], row[1], Status(row[2]), row[3], row[4])

    def next_document(self, after: int | None, annotator: str, *,
                      not_done: bool) -> int | None:
        """The first document after ``after`` in id order, wrapping round and never
        ``after`` itself; with ``not_done``, one the annotator has not marked done or
        skipped.  One indexed query, whatever the project holds."""
        after = -1 if after is None else after
        pending = ("AND coalesce((SELECT status FROM document_status WHERE document_id = d.id"
                   " AND annotator = ?), 'todo') NOT IN ('done', 'skipped')") if not_done else ""
        extra = [annotator] if not_done else []
        for where, order in (("d.id > ?", "ASC"), ("d.id < ?", "ASC")):
            row = self.db.execute(f"SELECT d.id FROM documents d WHERE {where} {pending} "
                                  f"ORDER BY d.id {order} LIMIT 1", [after, *extra]).fetchone()
            if row is not None:
                return row[0]
        return None

    # -- status ------------------------------------------------------------
    def status(self, document_id: int, annotator: str) -> Status:
        row = self.db.execute(
            "SELECT status FROM document_status WHERE document_id = ? AND annotator = ?",
            [document_id, annotator],
        ).fetchone()
        return Status(row[0]) if row else Status.TODO

    def set_status(self, document_id: int, annotator: str, status: Status) -> Status:
        """Set one annotator's status of a document; returns the previous status."""
        with transaction(self.db, self.path):
            previous = self.status(document_id, annotator)
            self.db.execute(
                "INSERT INTO document_status (document_id, annotator, status) VALUES (?, ?, ?) "
                "ON CONFLICT (document_id, annotator) DO UPDATE SET status = excluded.status, "
                "updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')",
                [document_id, annotator, Status(status).value],
            )
        return previous

    def statuses(self, document_id: int) -> dict[str, str]:
        """Every annotator's status of one document that has one."""
        return dict(self.db.execute("SELECT annotator, status FROM document_status "
                                    "WHERE document_id = ?", [document_id]).fetchall())

    def statuses_by_document(self) -> dict[int, dict[str, str]]:
        """Every annotator's status of every document that has one."""
        out: dict[int, dict[str, str]] = {}
        rows = self.db.execute("SELECT document_id, annotator, status FROM document_status")
        for document_id, annotator, status in rows:
            out.setdefault(document_id, {})[annotator] = status
        return out

    # -- statistics ----------------------------------------------------------
    def done_count(self, annotator: str) -> int:
        """How many documents ``annotator`` has marked done (one count, no summaries)."""
        return self.db.execute("SELECT count(*) FROM document_status WHERE annotator = ? "
                               "AND status = 'done'", [annotator]).fetchone()[0]

    def stats(self, annotator: str) -> dict:
        statuses = {status.value: 0 for status in Status}
        for summary in self.documents(annotator):
            statuses[summary.status.value] += 1
        spans = {label.name: 0 for label in self.scheme()}
        for name, count in self.db.execute(
            "SELECT l.name, count(s.id) FROM labels l JOIN spans s ON s.label_id = l.id "
            "GROUP BY l.id"
        ):
            spans[name] = count
        return {
            "project": str(self.path),
            "annotator": annotator,
            "documents": sum(statuses.values()),
            "status": statuses,
            "spans": spans,
            "span_total": sum(spans.values()),
        }


def _dumps(value: dict) -> str:
    return orjson.dumps(value).decode("utf-8")


def _insert_labels(db: Database, scheme: LabelScheme) -> None:
    present = set(db["labels"].columns_dict)   # an older schema (tests build one) lacks some
    rows = [{k: v for k, v in {**label.to_dict(), "position": i}.items() if k in present}
            for i, label in enumerate(scheme)]
    db["labels"].insert_all(rows)


def _refuse_newer(db: Database, path: Path) -> None:
    try:
        applied = [m.name for m in schema.migrations.applied(db)]
        info = dict(db.execute("SELECT key, value FROM project_info").fetchall())
    except sqlite3.Error as error:
        raise connection.translate(path, error) from None
    found = int(info.get("schema_version", 0))
    unknown = set(applied) - set(schema.known_names())
    if found > schema.latest_version() or unknown:
        raise NewerProject(path, found, schema.latest_version())


def _upgrade(db: Database, path: Path) -> None:
    """Apply pending migrations, after a backup of the project as it was."""
    pending = schema.migrations.pending(db)
    if not pending:
        return
    old = int(dict(db.execute("SELECT key, value FROM project_info").fetchall())
              .get("schema_version", 0))
    backup = path.with_name(f"{path.stem}.v{old}-backup{SUFFIX}")
    try:
        if not backup.exists():
            db.execute("VACUUM INTO ?", [str(backup)])
        schema.migrations.apply(db)
    except sqlite3.Error as error:
        raise connection.translate(path, error) from None
    prune_backups(path)


def prune_backups(path: Path, keep: int = KEEP_BACKUPS) -> list[Path]:
    """Remove all but the ``keep`` newest upgrade backups of ``path``; returns those removed."""
    def version(backup: Path) -> int:
        middle = backup.name[len(path.stem) + 2:-len(f"-backup{SUFFIX}")]
        return int(middle) if middle.isdigit() else -1

    backups = sorted(path.parent.glob(f"{glob_escape(path.stem)}.v*-backup{SUFFIX}"),
                     key=version)
    removed = [b for b in backups[:-keep] if version(b) >= 0] if keep else []
    for backup in removed:
        backup.unlink(missing_ok=True)
    return removed
