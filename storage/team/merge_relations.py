"""One annotator's relations on the merged documents: after their spans are merged, the
layer's relations become equal to the file's.

A file's relation names its ends by the file's span ids; each end is the project span
with that span's uid, else the one with its (document, start, end, label) in the layer.
A file's relation is the project's relation with the same uid, else the one with the
same ends and type; what only the file has is added, what only the project has is
removed, and a matched relation whose ends, type, note or attributes differ is changed.
"""

from __future__ import annotations

from dataclasses import dataclass

from storage.interchange.export_select import one_of
from storage.project import Project
from storage.relations import type_from_row

FILE_RELATIONS = ("SELECT r.id, r.document_id, r.from_span_id, r.to_span_id, r.type, "
                  "r.annotator, r.note, r.attributes, r.uid FROM relations r")


@dataclass
class RelationCounts:
    added: int = 0
    changed: int = 0
    removed: int = 0


def read_file_relations(db) -> tuple[list[tuple], list]:
    """The file's relations and relation types (none in a file older than relations)."""
    if "relations" not in db.table_names():
        return [], []
    types = [type_from_row(row) for row in db.execute(
        "SELECT id, name, display, display_en, color, pairs FROM relation_types "
        "ORDER BY position, id")]
    return db.execute(FILE_RELATIONS).fetchall(), types


def merge_relations(project: Project, annotator: str, relations: list[tuple],
                    file_spans: dict[int, tuple], doc_map: dict[int, int],
                    known_types: set[str]) -> RelationCounts:
    """Inside the caller's transaction.  ``file_spans``: file span id → its row
    (id, document_id, start, end, label, ..., uid at 8)."""
    ends = _project_ends(project, annotator, doc_map)
    theirs = []
    for r in relations:
        if r[5] != annotator or r[1] not in doc_map or r[4] not in known_types:
            continue
        a, b = (_end(file_spans.get(span_id), doc_map, ends) for span_id in (r[2], r[3]))
        if a is not None and b is not None:
            theirs.append((doc_map[r[1]], a, b, r[4], r[6], r[7], r[8]))
    [where], params = one_of("document_id", list(doc_map.values()))
    ours = project.db.execute(
        "SELECT id, document_id, from_span_id, to_span_id, type, note, attributes, uid FROM "
        f"relations WHERE annotator = ? AND {where}", [annotator, *params]).fetchall()
    return _apply(project, annotator, ours, theirs)


def _project_ends(project: Project, annotator: str, doc_map: dict[int, int]) -> dict:
    [where], params = one_of("s.document_id", list(doc_map.values()))
    out: dict = {}
    for span_id, document_id, start, end, label, uid in project.db.execute(
            'SELECT s.id, s.document_id, s.start, s."end", l.name, s.uid FROM spans s JOIN '
            f"labels l ON l.id = s.label_id WHERE s.annotator = ? AND {where}",
            [annotator, *params]):
        if uid:
            out.setdefault(("uid", uid), span_id)
        out.setdefault((document_id, start, end, label), span_id)
    return out


def _end(row: tuple | None, doc_map: dict[int, int], ends: dict) -> int | None:
    if row is None or row[1] not in doc_map:
        return None
    found = ends.get(("uid", row[8])) if row[8] else None
    return found or ends.get((doc_map[row[1]], row[2], row[3], row[4]))


def _apply(project: Project, annotator: str, ours: list[tuple],
           theirs: list[tuple]) -> RelationCounts:
    by_uid = {row[7]: row for row in ours if row[7]}
    by_key = {(row[1], row[2], row[3], row[4]): row for row in ours}
    used: set[int] = set()
    counts = RelationCounts()
    db = project.db
    for document_id, a, b, kind, note, attributes, uid in theirs:
        match = by_uid.get(uid) if uid else None
        if match is None or match[0] in used:
            match = by_key.get((document_id, a, b, kind))
        if match is not None and match[0] not in used:
            used.add(match[0])
            if (match[2], match[3], match[4], match[5], match[6]) != (a, b, kind, note,
                                                                      attributes):
                counts.changed += 1
                db.execute("UPDATE relations SET from_span_id = ?, to_span_id = ?, type = ?, "
                           "note = ?, attributes = ? WHERE id = ?",
                           [a, b, kind, note, attributes, match[0]])
            continue
        counts.added += 1
        db.execute("INSERT INTO relations (document_id, from_span_id, to_span_id, type, "
                   "annotator, note, attributes, uid) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                   [document_id, a, b, kind, annotator, note, attributes, uid or None])
    gone = [(row[0],) for row in ours if row[0] not in used]
    counts.removed = len(gone)
    db.conn.executemany("DELETE FROM relations WHERE id = ?", gone)
    return counts
