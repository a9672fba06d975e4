"""The numbers behind Project → Statistics and ``hanmark stats``: spans per label (overall
and per annotator), documents by status per annotator, documents done per day per
annotator (from the status's ``updated_at``), span lengths per label, the most frequent
strings per label and relations per type and annotator.  A few GROUP BY queries; nothing
is written."""

from __future__ import annotations

from collections import Counter

from corpus.document import Status
from storage.project import Project

TOP_STRINGS = 10


def _nested(rows, outer_keys=()) -> dict:
    out: dict = {key: {} for key in outer_keys}
    for outer, inner, count in rows:
        out.setdefault(outer, {})[inner] = count
    return out


def spans_by_annotator(project: Project, labels: list[str]) -> dict[str, dict[str, int]]:
    rows = project.db.execute(
        "SELECT s.annotator, l.name, count(*) FROM spans s JOIN labels l ON l.id = s.label_id "
        "GROUP BY s.annotator, l.name ORDER BY s.annotator")
    out = _nested(rows)
    return {a: {label: counts.get(label, 0) for label in labels} for a, counts in out.items()}


def status_by_annotator(project: Project) -> dict[str, dict[str, int]]:
    """Every annotator's documents per status; a document without their status is to do."""
    total = project.db.execute("SELECT count(*) FROM documents").fetchone()[0]
    out = {}
    for annotator in project.annotators():
        counts = dict(project.db.execute(
            "SELECT status, count(*) FROM document_status WHERE annotator = ? GROUP BY status",
            [annotator]).fetchall())
        row = {status.value: counts.get(status.value, 0) for status in Status}
        row[Status.TODO.value] = total - sum(v for k, v in row.items() if k != "todo")
        out[annotator] = row
    return out


def done_per_day(project: Project) -> dict[str, dict[str, int]]:
    """annotator → day (YYYY-MM-DD, UTC) → documents whose status became done that day."""
    return _nested(project.db.execute(
        "SELECT annotator, substr(updated_at, 1, 10) AS day, count(*) FROM document_status "
        "WHERE status = 'done' GROUP BY annotator, day ORDER BY annotator, day"))


def span_lengths(project: Project, labels: list[str]) -> dict[str, dict[int, int]]:
    """label → length in characters → spans."""
    out = _nested(project.db.execute(
        'SELECT l.name, s."end" - s.start AS n, count(*) FROM spans s JOIN labels l '
        "ON l.id = s.label_id GROUP BY l.name, n ORDER BY l.name, n"), labels)
    return {label: out.get(label, {}) for label in labels}


def top_strings(project: Project, labels: list[str], top: int = TOP_STRINGS
                ) -> dict[str, list[list]]:
    """label → [[text, spans], ...], the ``top`` most frequent (ties by text)."""
    counts: dict[str, Counter] = {label: Counter() for label in labels}
    for label, text, count in project.db.execute(
            "SELECT l.name, s.text, count(*) FROM spans s JOIN labels l ON l.id = s.label_id "
            "GROUP BY l.name, s.text"):
        counts.setdefault(label, Counter())[text] = count
    return {label: [[text, n] for text, n in sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))
                    [:top]] for label, c in counts.items()}


def relations_by_annotator(project: Project) -> dict[str, dict[str, int]]:
    """annotator → relation type → relations: every type of the scheme, in its order, then
    any type relations have that the scheme lacks (``hanmark doctor`` reports those)."""
    if not project.has_relations:
        return {}
    types = [t.name for t in project.relation_types()]
    out = _nested(project.db.execute(
        "SELECT annotator, type, count(*) FROM relations GROUP BY annotator, type "
        "ORDER BY annotator, type"))
    return {a: {**{t: counts.get(t, 0) for t in types}, **counts} for a, counts in out.items()}


def relations_per_type(project: Project) -> dict[str, int]:
    """relation type → relations of every layer (the scheme's types, then any other)."""
    totals = {t.name: 0 for t in project.relation_types()}
    for counts in relations_by_annotator(project).values():
        for name, n in counts.items():
            totals[name] = totals.get(name, 0) + n
    return totals


def statistics(project: Project, top: int = TOP_STRINGS) -> dict:
    """Every figure the statistics charts draw (JSON-ready)."""
    labels = [label.name for label in project.scheme()]
    return {
        "spans_by_annotator": spans_by_annotator(project, labels),
        "status_by_annotator": status_by_annotator(project),
        "done_per_day": done_per_day(project),
        "span_lengths": {label: {str(n): c for n, c in lengths.items()}
                         for label, lengths in span_lengths(project, labels).items()},
        "top_strings": top_strings(project, labels, top),
        "relations": relations_per_type(project),
        "relations_by_annotator": relations_by_annotator(project),
    }
