"""One annotator's layer on the merged documents: what the file changes in it.

Rows are ``(id, document_id, start, end, label, attributes, note, origin, uid, annotator)``.
A file's span is the project's span with the same uid (in the same document), else the
one with the same (start, end, label) not matched yet.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from storage.project import Project

_COMPARED = slice(2, 8)     # start, end, label, attributes, note, origin


@dataclass
class LayerDiff:
    added: list[tuple] = field(default_factory=list)       # file rows, document mapped
    changed: list[tuple[int, tuple]] = field(default_factory=list)   # project id, file row
    removed: list[int] = field(default_factory=list)        # project span ids


def diff_layer(ours: list[tuple], theirs: list[tuple], doc_map: dict[int, int]) -> LayerDiff:
    by_uid = {row[8]: row for row in ours if row[8]}
    by_key: dict[tuple, list[tuple]] = {}
    for row in ours:
        by_key.setdefault((row[1], row[2], row[3], row[4]), []).append(row)
    used: set[int] = set()
    diff = LayerDiff()
    for row in theirs:
        row = (row[0], doc_map[row[1]], *row[2:])
        match = _match(row, by_uid, by_key, used)
        if match is None:
            diff.added.append(row)
            continue
        used.add(match[0])
        if match[_COMPARED] != row[_COMPARED]:
            diff.changed.append((match[0], row))
    diff.removed = [row[0] for row in ours if row[0] not in used]
    return diff


def _match(row: tuple, by_uid: dict, by_key: dict, used: set[int]) -> tuple | None:
    found = by_uid.get(row[8]) if row[8] else None
    if found is not None and found[1] == row[1] and found[0] not in used:
        return found
    for candidate in by_key.get((row[1], row[2], row[3], row[4]), ()):
        if candidate[0] not in used:
            return candidate
    return None


def apply_diff(project: Project, annotator: str, diff: LayerDiff) -> None:
    """Inside the caller's transaction."""
    conn = project.db.conn
    label_ids = dict(conn.execute("SELECT name, id FROM labels").fetchall())
    conn.executemany("DELETE FROM spans WHERE id = ?", [(i,) for i in diff.removed])
    conn.executemany(
        'UPDATE spans SET start = ?, "end" = ?, label_id = ?, attributes = ?, note = ?, '
        "origin = ?, text = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?",
        [(r[2], r[3], label_ids[r[4]], r[5], r[6], r[7], _text(project, r), span_id)
         for span_id, r in diff.changed])
    conn.executemany(
        'INSERT INTO spans (document_id, start, "end", label_id, annotator, origin, text, '
        "attributes, note, uid) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(r[1], r[2], r[3], label_ids[r[4]], annotator, r[7], _text(project, r), r[5],
          r[6], r[8] or None) for r in diff.added])


def _text(project: Project, row: tuple) -> str:
    return project.text_of(row[1])[row[2]:row[3]]
