"""``hanmark doctor``'s relation checks, and ``--fix``'s repairs of what can be repaired
without a decision: the window and every writer keep these invariants, but a file edited
by another tool (or with SQLite's foreign keys off) may not.

A relation links two different spans of one document and one annotator's layer, belongs
to that document and layer, has a type the scheme knows, and that type allows its pair of
labels.  The fixes: a relation whose end is missing, or which links a span to itself or
spans of two documents or two layers, can never be shown or exported and is deleted; one
filed under another document or layer than its spans' is filed under theirs; an unknown
type is added to the scheme (grey, any labels), so no relation is lost.  A type that no
longer allows its relations' labels is reported only: retyping or deleting them, or
allowing the pair, is the team's choice.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import orjson

_ENDS = ("FROM relations r LEFT JOIN spans a ON a.id = r.from_span_id "
         "LEFT JOIN spans b ON b.id = r.to_span_id")


@dataclass(frozen=True)
class RelationCheck:
    problem: str
    find: Callable              # db → offending relation ids
    fix: str                    # what --fix does, in words ('' = nothing)
    repair: Callable | None     # (db, ids) → None


def _query(sql: str) -> Callable:
    return lambda db: [row[0] for row in db.execute(sql)]


def _delete(db, ids: list[int]) -> None:
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        db.execute(f"DELETE FROM relations WHERE id IN ({', '.join('?' * len(chunk))})", chunk)


def _refile(db, ids: list[int]) -> None:
    for relation_id in ids:
        db.execute("UPDATE relations SET document_id = (SELECT document_id FROM spans WHERE "
                   "id = relations.from_span_id), annotator = (SELECT annotator FROM spans "
                   "WHERE id = relations.from_span_id) WHERE id = ?", [relation_id])


def _add_types(db, ids: list[int]) -> None:
    names = sorted({row[0] for i in ids for row in
                    db.execute("SELECT type FROM relations WHERE id = ?", [i])})
    for name in names:
        db.execute("INSERT OR IGNORE INTO relation_types (name, display, color, position) "
                   "VALUES (?, ?, '#555555', (SELECT coalesce(max(position), -1) + 1 FROM "
                   "relation_types))", [name, name])


def _disallowed(db) -> list[int]:
    """Relations whose type's pairs do not include (from label, to label)."""
    pairs = {name: {tuple(p) for p in orjson.loads(text)} for name, text in
             db.execute("SELECT name, pairs FROM relation_types")}
    rows = db.execute(f"SELECT r.id, r.type, la.name, lb.name {_ENDS} "
                      "JOIN labels la ON la.id = a.label_id JOIN labels lb ON lb.id = b.label_id "
                      "WHERE a.id != b.id")     # a self link is reported as such
    return [i for i, kind, x, y in rows if pairs.get(kind) and (x, y) not in pairs[kind]]


CHECKS = (          # in the order --fix applies them: types first (no foreign key fails)
    RelationCheck("relations of a type the scheme does not have",
                  _query("SELECT r.id FROM relations r LEFT JOIN relation_types t ON "
                         "t.name = r.type WHERE t.id IS NULL"),
                  "their types added to the scheme", _add_types),
    RelationCheck("relations whose span at one end does not exist",
                  _query(f"SELECT r.id {_ENDS} WHERE a.id IS NULL OR b.id IS NULL"),
                  "deleted", _delete),
    RelationCheck("relations from a span to itself",
                  _query("SELECT id FROM relations WHERE from_span_id = to_span_id"),
                  "deleted", _delete),
    RelationCheck("relations between spans of different documents",
                  _query(f"SELECT r.id {_ENDS} WHERE a.document_id != b.document_id"),
                  "deleted", _delete),
    RelationCheck("relations between spans of different annotators",
                  _query(f"SELECT r.id {_ENDS} WHERE a.document_id = b.document_id "
                         "AND a.annotator != b.annotator"), "deleted", _delete),
    RelationCheck("relations filed under another document or annotator than their spans",
                  _query(f"SELECT r.id {_ENDS} WHERE a.document_id = b.document_id AND "
                         "a.annotator = b.annotator AND a.id != b.id AND (r.document_id != "
                         "a.document_id OR r.annotator != a.annotator)"),
                  "filed under their spans' document and annotator", _refile),
    RelationCheck("relations whose type does not allow their labels", _disallowed,
                  "", None),
)


def has_relations(db) -> bool:
    return bool(db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND "
                           "name = 'relations'").fetchone())


def find(db) -> list[tuple[RelationCheck, list[int]]]:
    """Every check with the ids it finds (only those finding any)."""
    if not has_relations(db):
        return []
    found = [(check, check.find(db)) for check in CHECKS]
    return [(check, ids) for check, ids in found if ids]


def repair(db) -> list[tuple[str, int, str]]:
    """Apply the fixes in the caller's transaction, in the order of :data:`CHECKS`;
    returns (problem, count, what was done) for each applied."""
    done = []
    if not has_relations(db):
        return done
    for check in CHECKS:
        ids = check.find(db) if check.repair is not None else []
        if ids:
            check.repair(db, ids)
            done.append((check.problem, len(ids), check.fix))
    return done
