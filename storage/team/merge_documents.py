"""What a merge does with a matched document's title, date, source and note.

A document is shared by every annotator (it is no one's layer), and a file carries no
record of what its annotator changed, so the project keeps what it has: the file's
value is taken where the project's is empty (a note written in an annotator's file
comes back; a date filled in there fills the project's blank), and where both have a
different value the project's stays and the document is reported as differing.
The text is never touched: a matched document has the same content hash.
"""

from __future__ import annotations

import orjson

from storage.project import Project

COLUMNS = {"title": 1, "source": 4}     # positions in the merge's document rows
META_KEYS = ("date", "note")


def merge_details(project: Project, rows: list[tuple], doc_map: dict[int, int]
                  ) -> tuple[int, list[int]]:
    """Inside the caller's transaction.  ``rows`` are the file's document rows
    (id, title, text, raw_text, source, meta, …); returns (documents filled in,
    project ids of documents whose details differ and were kept)."""
    filled, differing = 0, []
    for row in rows:
        project_id = doc_map.get(row[0])
        if project_id is None:
            continue
        ours = project.db.execute("SELECT title, source, meta FROM documents WHERE id = ?",
                                  [project_id]).fetchone()
        changed, differs = _merged(ours, row)
        if changed is not None:
            project.db.execute("UPDATE documents SET title = ?, source = ?, meta = ? "
                               "WHERE id = ?", [*changed, project_id])
            filled += 1
        if differs:
            differing.append(project_id)
    return filled, differing


def _merged(ours: tuple, row: tuple) -> tuple[tuple | None, bool]:
    title, source, meta = ours[0], ours[1], orjson.loads(ours[2])
    their_meta = _meta(row[5])
    theirs = {"title": row[COLUMNS["title"]] or "", "source": row[COLUMNS["source"]] or "",
              **{key: their_meta.get(key) or "" for key in META_KEYS}}
    mine = {"title": title, "source": source, **{key: meta.get(key) or "" for key in META_KEYS}}
    differs, changed = False, False
    for key, value in theirs.items():
        if not value or value == mine[key]:
            continue
        if mine[key]:
            differs = True
            continue
        mine[key], changed = value, True
    if not changed:
        return None, differs
    for key in META_KEYS:
        if mine[key]:
            meta[key] = mine[key]
    return (mine["title"], mine["source"], orjson.dumps(meta).decode()), differs


def _meta(raw) -> dict:
    try:
        value = orjson.loads(raw) if raw else {}
    except orjson.JSONDecodeError:
        return {}
    return value if isinstance(value, dict) else {}
