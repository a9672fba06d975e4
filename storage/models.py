"""The trained model, kept in the project: its suggestions are there when the project
opens again, without training it again.

Only the newest model is kept (a few hundred kilobytes).  ``training_data`` is a
fingerprint of what it learnt from (the done documents, the rejected
suggestions and the spans in their documents), so a caller can tell whether
training again would learn anything new.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from storage.connection import transaction


@dataclass(frozen=True)
class StoredModel:
    created_at: str
    annotator: str              # whose done documents it learnt from; '' for everyone's
    documents: int              # how many done documents
    held_out_f1: float | None
    training_data: str          # fingerprint of the training data
    data: bytes                 # the CRF model file


class ModelStore:
    """Mixed into :class:`storage.project.Project` (``db``, ``path``, ``done_ids``)."""

    db: Database
    path: Path

    def training_data(self, annotator: str | None = None) -> str:
        """A fingerprint of what the model would learn from now: the documents done (by
        ``annotator``, or by anyone), the rejected suggestions, and the spans of every
        document either holds (relabelling or deleting a span there changes it)."""
        rejected = self.db.execute(
            "SELECT id, document_id FROM suggestions WHERE state = 'rejected' ORDER BY id"
        ).fetchall()
        done = self.done_ids(annotator)
        learnt_from = {*done, *(document for _id, document in rejected)}
        spans = [row for row in self.db.execute(
            'SELECT s.document_id, s.start, s."end", l.name FROM spans s '
            'JOIN labels l ON l.id = s.label_id ORDER BY s.document_id, s.start, s."end", l.name')
            if row[0] in learnt_from]
        digest = hashlib.sha1(f"{done}/{[row[0] for row in rejected]}/".encode())
        digest.update(repr(spans).encode())
        return digest.hexdigest()

    def store_model(self, data: bytes, *, documents: int, held_out_f1: float | None,
                    training_data: str, annotator: str = "") -> None:
        """Keep a trained model as the project's model, in place of any older one."""
        with transaction(self.db, self.path):
            self.db.execute("DELETE FROM models")
            self.db.execute(
                "INSERT INTO models (annotator, documents, held_out_f1, training_data, data) "
                "VALUES (?, ?, ?, ?, ?)", [annotator, documents, held_out_f1, training_data,
                                           data])

    def stored_model(self) -> StoredModel | None:
        """The newest model, or None (also in an older project opened read-only)."""
        if "models" not in self.db.table_names():
            return None
        row = self.db.execute(
            "SELECT created_at, annotator, documents, held_out_f1, training_data, data "
            "FROM models ORDER BY id DESC LIMIT 1").fetchone()
        return StoredModel(*row) if row else None
