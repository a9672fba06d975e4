"""The document list in pages: the ordered ids of the documents a filter keeps (one
query, integers only), the summaries of one page of them, and the done/total counts.
The window never holds 100,000 summaries at once."""

from __future__ import annotations

from array import array

from corpus.document import DocumentSummary, Status

_STATUS = "coalesce(st.status, 'todo')"
_SPANS = "(SELECT count(*) FROM spans s WHERE s.document_id = d.id AND s.annotator = :annotator)"
_ORDER = {  # statuses in the order of the work, not of their names
    "id": "d.id", "title": "d.title", "spans": _SPANS,
    "status": f"CASE {_STATUS} WHEN 'todo' THEN 0 WHEN 'in_progress' THEN 1 "
              "WHEN 'done' THEN 2 ELSE 3 END",
}
SORT_KEYS = tuple(_ORDER)


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def document_ids(project, annotator: str, *, title: str = "", status: Status | None = None,
                 order: str = "id", descending: bool = False) -> array:
    """Ids of the documents whose title contains ``title`` and whose status for
    ``annotator`` is ``status`` (when given), sorted by ``order`` (one of SORT_KEYS) with
    ties in id order."""
    if order == "id" and not title and status is None:
        return _all_ids(project, descending)
    where = []
    if title:
        where.append("d.title LIKE :title ESCAPE '\\'")
    if status is not None:
        where.append(f"{_STATUS} = :status")
    join = ("LEFT JOIN document_status st ON st.document_id = d.id AND st.annotator = :annotator"
            if status is not None or order == "status" else "")
    sql = (f"SELECT d.id FROM documents d {join}"
           + (" WHERE " + " AND ".join(where) if where else "")
           + f" ORDER BY {_ORDER[order]} {'DESC' if descending else 'ASC'}, d.id")
    params = {"annotator": annotator, "title": _like(title),
              "status": Status(status).value if status is not None else None}
    return array("q", (row[0] for row in project.db.execute(sql, params)))


def _all_ids(project, descending: bool) -> array:
    """Every id.  With no ORDER BY SQLite reads them from the smallest index that holds
    them (content_hash's), not the table: a scan of the table reads a page per document,
    hundreds of megabytes in a big project.  Sorting 100,000 integers takes milliseconds."""
    ids = array("q", sorted(row[0] for row in project.db.execute("SELECT id FROM documents")))
    if descending:
        ids.reverse()
    return ids


def summaries(project, ids, annotator: str) -> list[DocumentSummary]:
    """The summaries of ``ids`` (a page: at most 999), in the order of ``ids``."""
    marks = ",".join(f":d{i}" for i in range(len(ids)))
    rows = project.db.execute(
        f"SELECT d.id, d.title, {_STATUS}, {_SPANS}, d.length FROM documents d "
        "LEFT JOIN document_status st ON st.document_id = d.id AND st.annotator = :annotator "
        f"WHERE d.id IN ({marks})",
        {"annotator": annotator, **{f"d{i}": id_ for i, id_ in enumerate(ids)}})
    found = {r[0]: DocumentSummary(r[0], r[1], Status(r[2]), r[3], r[4]) for r in rows}
    return [found[i] for i in ids if i in found]


def done_and_total(project, annotator: str) -> tuple[int, int]:
    """How many documents ``annotator`` has marked done, of how many in the project."""
    done = project.db.execute("SELECT count(*) FROM document_status WHERE annotator = ? "
                              "AND status = 'done'", [annotator]).fetchone()[0]
    total = project.db.execute("SELECT count(*) FROM documents").fetchone()[0]
    return done, total


def titles(project, ids) -> dict[int, str]:
    """The titles of ``ids`` (any number), read in pages of 500."""
    ids, out = sorted(ids), {}
    for start in range(0, len(ids), 500):
        page = ids[start:start + 500]
        out.update(project.db.execute(
            f"SELECT id, title FROM documents WHERE id IN ({','.join('?' * len(page))})", page))
    return out
