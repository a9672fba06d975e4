"""The curator's side of a layer: which candidate spans were rejected for it, and the
keys of each annotator's layer that adjudication compares."""

from __future__ import annotations

from pathlib import Path

from sqlite_utils import Database

from corpus.team.adjudication import Key
from storage.connection import transaction
from storage.interchange.export_select import one_of


class CurationStore:
    """Mixed into :class:`storage.project.Project`, which provides ``db`` and ``path``."""

    db: Database
    path: Path

    def rejected_candidates(self, document_id: int, layer: str) -> set[Key]:
        rows = self.db.execute(
            'SELECT start, "end", label FROM curation_rejections WHERE document_id = ? '
            "AND layer = ?", [document_id, layer])
        return {tuple(row) for row in rows}

    def reject_candidate(self, document_id: int, layer: str, key: Key,
                         curator: str = "") -> bool:
        """Record that ``key`` stays out of ``layer``; False when it already was."""
        with transaction(self.db, self.path):
            cursor = self.db.execute(
                'INSERT OR IGNORE INTO curation_rejections (document_id, layer, start, "end", '
                "label, curator) VALUES (?, ?, ?, ?, ?, ?)",
                [document_id, layer, *key, curator])
        return cursor.rowcount > 0

    def unreject_candidate(self, document_id: int, layer: str, key: Key) -> None:
        """Undo of a rejection."""
        with transaction(self.db, self.path):
            self.db.execute(
                'DELETE FROM curation_rejections WHERE document_id = ? AND layer = ? '
                'AND start = ? AND "end" = ? AND label = ?', [document_id, layer, *key])

    def layer_keys(self, document_ids: list[int] | None = None) -> dict[int, dict[str, set[Key]]]:
        """document → annotator → the (start, end, label) of that annotator's spans, read in
        one query (every document, or the ones given)."""
        sql = ('SELECT s.document_id, s.annotator, s.start, s."end", l.name FROM spans s '
               "JOIN labels l ON l.id = s.label_id")
        where, params = one_of("s.document_id", document_ids)
        if where:
            sql += " WHERE " + where[0]
        out: dict[int, dict[str, set[Key]]] = {}
        for document_id, annotator, start, end, label in self.db.execute(sql, params):
            out.setdefault(document_id, {}).setdefault(annotator, set()).add((start, end, label))
        return out
