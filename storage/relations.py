"""Relation types and relations: reads and writes, each write one transaction.

A relation links two spans of one annotator's layer in one document.  Adding one
checks that its type exists and allows the pair of labels, and that both spans
are in the same document and layer.  Deleting a span deletes its relations (a
foreign key with ON DELETE CASCADE); :meth:`RelationStore.relations_of_span` read
first and :meth:`RelationStore.restore_relations` after the span is back undo that.
"""

from __future__ import annotations

from pathlib import Path

import orjson
from sqlite_utils import Database

from corpus.relations import Relation, RelationError, RelationType
from storage.connection import transaction
from storage.errors import RecordRejected

_COLUMNS = ("id, document_id, from_span_id, to_span_id, type, annotator, note, attributes, "
            "uid, created_at")
_TYPE_COLUMNS = "id, name, display, display_en, color, pairs"


def _relation(row: tuple) -> Relation:
    return Relation(id=row[0], document_id=row[1], from_span_id=row[2], to_span_id=row[3],
                    type=row[4], annotator=row[5], note=row[6],
                    attributes=orjson.loads(row[7]), uid=row[8] or "", created_at=row[9])


def type_from_row(row: tuple) -> RelationType:
    return RelationType(id=row[0], name=row[1], display=row[2], display_en=row[3],
                        color=row[4], pairs=tuple(tuple(p) for p in orjson.loads(row[5])))


class RelationStore:
    """Mixed into :class:`storage.project.Project` (``db``, ``path``, ``span``)."""

    db: Database
    path: Path

    @property
    def has_relations(self) -> bool:
        """False for an older project opened read-only (not upgraded)."""
        return "relations" in self.db.table_names()

    # -- types ---------------------------------------------------------------
    def relation_types(self) -> list[RelationType]:
        if not self.has_relations:
            return []
        rows = self.db.execute(f"SELECT {_TYPE_COLUMNS} FROM relation_types "
                               "ORDER BY position, id")
        return [type_from_row(row) for row in rows]

    def relation_type(self, name: str) -> RelationType:
        row = self.db.execute(f"SELECT {_TYPE_COLUMNS} FROM relation_types WHERE name = ?",
                              [name]).fetchone()
        if row is None:
            raise RecordRejected(f"unknown relation type {name!r}")
        return type_from_row(row)

    def add_relation_type(self, relation_type: RelationType) -> RelationType:
        """Add a type at the end of the scheme's relation types."""
        with transaction(self.db, self.path):
            if self.db.execute("SELECT 1 FROM relation_types WHERE name = ?",
                               [relation_type.name]).fetchone():
                raise RecordRejected(f"relation type {relation_type.name!r} already exists")
            self.put_relation_type(relation_type, None)
        return self.relation_type(relation_type.name)

    def set_relation_types(self, types: list[RelationType]) -> None:
        """Make the scheme's relation types ``types``, in that order (a scheme file
        imported): types named again are updated, new ones added, and the others
        removed, which is refused while relations of them exist."""
        names = [t.name for t in types]
        if len(set(names)) != len(names):
            raise RecordRejected("relation type names must be unique")
        with transaction(self.db, self.path):
            in_use = dict(self.db.execute("SELECT type, count(*) FROM relations GROUP BY type"))
            gone = [n for n in in_use if n not in names]
            if gone:
                raise RecordRejected(f"relation type {gone[0]!r} still has {in_use[gone[0]]} "
                                     "relations; delete them first")
            self.db.execute(f"DELETE FROM relation_types WHERE name NOT IN "
                            f"({', '.join('?' * len(names))})" if names else
                            "DELETE FROM relation_types", names)
            for position, relation_type in enumerate(types):
                self.put_relation_type(relation_type, position)

    def put_relation_type(self, relation_type: RelationType, position: int | None) -> None:
        """Add ``relation_type`` (at ``position``, or at the end) or update the type of its
        name, inside the caller's transaction."""
        t = relation_type
        pairs = orjson.dumps([list(p) for p in t.pairs]).decode()
        self.db.execute(
            "INSERT INTO relation_types (name, display, display_en, color, pairs, position) "
            "VALUES (?, ?, ?, ?, ?, coalesce(?, (SELECT coalesce(max(position), -1) + 1 FROM "
            "relation_types))) ON CONFLICT (name) DO UPDATE SET display = excluded.display, "
            "display_en = excluded.display_en, color = excluded.color, pairs = "
            "excluded.pairs, position = excluded.position",
            [t.name, t.display, t.display_en, t.color, pairs, position])

    def allowed_types(self, from_label: str, to_label: str) -> list[RelationType]:
        """The types that may link a span of ``from_label`` to one of ``to_label``."""
        return [t for t in self.relation_types() if t.allows(from_label, to_label)]

    # -- relations -------------------------------------------------------------
    def relations(self, document_id: int, annotator: str | None = None) -> list[Relation]:
        """A document's relations: every layer, or only ``annotator``'s."""
        if not self.has_relations:
            return []
        layer, params = ("", [document_id]) if annotator is None else (
            " AND annotator = ?", [document_id, annotator])
        rows = self.db.execute(f"SELECT {_COLUMNS} FROM relations WHERE document_id = ?"
                               f"{layer} ORDER BY id", params)
        return [_relation(row) for row in rows]

    def relation(self, relation_id: int) -> Relation:
        row = self.db.execute(f"SELECT {_COLUMNS} FROM relations WHERE id = ?",
                              [relation_id]).fetchone()
        if row is None:
            raise KeyError(f"no relation {relation_id}")
        return _relation(row)

    def relations_of_span(self, span_id: int) -> list[Relation]:
        """Every relation from or to a span (what deleting it deletes)."""
        rows = self.db.execute(f"SELECT {_COLUMNS} FROM relations WHERE from_span_id = ?1 "
                               "OR to_span_id = ?1 ORDER BY id", [span_id])
        return [_relation(row) for row in rows]

    def relation_count(self) -> int:
        if not self.has_relations:
            return 0
        return self.db.execute("SELECT count(*) FROM relations").fetchone()[0]

    def add_relation(self, from_span_id: int, to_span_id: int, type_name: str, *,
                     note: str = "", attributes: dict | None = None) -> Relation:
        """Link two spans of one layer; the relation belongs to their annotator."""
        with transaction(self.db, self.path):
            source, target = self._ends(from_span_id, to_span_id)
            relation_type = self.relation_type(type_name)
            if not relation_type.allows(source.label, target.label):
                raise RecordRejected(f"a {type_name} relation cannot link {source.label} to "
                                     f"{target.label}")
            new_id = self.db.execute(
                "INSERT INTO relations (document_id, from_span_id, to_span_id, type, "
                "annotator, note, attributes) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [source.document_id, source.id, target.id, type_name, source.annotator, note,
                 orjson.dumps(attributes or {}).decode()]).lastrowid
        return self.relation(new_id)

    def _ends(self, from_span_id: int, to_span_id: int):
        if from_span_id == to_span_id:
            raise RecordRejected("a relation links two different spans")
        try:
            source, target = self.span(from_span_id), self.span(to_span_id)
        except KeyError as missing:
            raise RecordRejected(str(missing).strip("'")) from None
        if source.document_id != target.document_id:
            raise RecordRejected("a relation links spans of one document")
        if source.annotator != target.annotator:
            raise RecordRejected("a relation links spans of one annotator's layer")
        return source, target

    def delete_relation(self, relation_id: int) -> Relation:
        """Delete a relation; returns it as it was, so that it can be restored."""
        with transaction(self.db, self.path):
            relation = self.relation(relation_id)
            self.db.execute("DELETE FROM relations WHERE id = ?", [relation_id])
        return relation

    def restore_relations(self, relations: list[Relation]) -> list[Relation]:
        """Put relations back exactly as they were, under their ids and uids (undo)."""
        with transaction(self.db, self.path):
            for r in relations:
                self._ends(r.from_span_id, r.to_span_id)
                self.db.execute(
                    "INSERT INTO relations (id, uid, document_id, from_span_id, to_span_id, "
                    "type, annotator, note, attributes, created_at) VALUES "
                    "(?, ?, ?, ?, ?, ?, ?, ?, ?, coalesce(nullif(?, ''), "
                    "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))",
                    [r.id, r.uid or None, r.document_id, r.from_span_id, r.to_span_id, r.type,
                     r.annotator, r.note, orjson.dumps(r.attributes).decode(), r.created_at])
        return [self.relation(r.id) for r in relations] if all(r.id for r in relations) \
            else relations

    def set_relation_type(self, relation_id: int, type_name: str) -> Relation:
        """Give a relation another type; returns it as it was."""
        with transaction(self.db, self.path):
            before = self.relation(relation_id)
            source, target = self._ends(before.from_span_id, before.to_span_id)
            if not self.relation_type(type_name).allows(source.label, target.label):
                raise RecordRejected(f"a {type_name} relation cannot link {source.label} to "
                                     f"{target.label}")
            self.db.execute("UPDATE relations SET type = ? WHERE id = ?", [type_name,
                                                                           relation_id])
        return before


__all__ = ["RelationError", "RelationStore"]
