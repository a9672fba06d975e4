"""``hanmark adjudicate``: write what enough annotators agree on into the gold layer, in
one transaction, and list the conflicts left for the curator.

Who is compared on a document: the chosen annotators (default: every annotator but
the target layer) who *cover* it — they marked it done or in progress, or they have
spans in it and did not skip it (``hanmark import --annotator`` marks each record in
progress for that annotator, an empty one too).  An annotator who covers a document and marked
nothing there counts towards the default K (more than half of those covering).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from corpus.document import Status
from corpus.team.adjudication import GOLD, Conflict, Key, adjudicate
from storage.project import Project
from storage.team.adjudicate_relations import adjudicate_relations

COVERING = (Status.DONE.value, Status.IN_PROGRESS.value)


@dataclass
class AdjudicationReport:
    into: str
    annotators: list[str]
    min_agree: int | None
    documents: int = 0
    written: int = 0
    decided: int = 0
    conflicts: list[tuple[int, Conflict]] = field(default_factory=list)
    relations_written: int = 0
    relations_open: int = 0         # too few annotators, or an end not in the target layer

    def to_dict(self, texts: dict[int, str]) -> dict:
        return {"into": self.into, "annotators": self.annotators, "min_agree": self.min_agree,
                "documents": self.documents, "written": self.written,
                "already_decided": self.decided, "conflict_count": len(self.conflicts),
                "relations_written": self.relations_written,
                "relations_open": self.relations_open,
                "conflicts": [_conflict(doc, c, texts[doc]) for doc, c in self.conflicts]}


def _conflict(document_id: int, conflict: Conflict, text: str) -> dict:
    return {"document": document_id, "start": conflict.start, "end": conflict.end,
            "candidates": [{"start": c.start, "end": c.end, "label": c.label,
                            "text": text[c.start:c.end], "annotators": list(c.annotators)}
                           for c in conflict.candidates]}


def annotators_of(project: Project, exclude: tuple[str, ...] = (GOLD,)) -> list[str]:
    """Every annotator with spans or statuses in the project, but ``exclude``."""
    return [name for name in project.annotators() if name not in exclude]


def covers(annotators: list[str], statuses: dict[str, str], layers: dict) -> list[str]:
    """Of ``annotators``, those who cover one document, given its statuses and layers."""
    return [a for a in annotators if statuses.get(a) in COVERING
            or (a in layers and statuses.get(a) != Status.SKIPPED.value)]


def covering(project: Project, annotators: list[str],
             layers: dict[int, dict[str, set[Key]]]) -> dict[int, list[str]]:
    """document → the chosen annotators who cover it."""
    statuses = project.statuses_by_document()
    out: dict[int, list[str]] = {}
    for document_id in project.document_ids():
        names = covers(annotators, statuses.get(document_id, {}), layers.get(document_id, {}))
        if names:
            out[document_id] = names
    return out


def run_adjudication(project: Project, *, into: str = GOLD, annotators: list[str] | None = None,
                     min_agree: int | None = None,
                     documents: set[int] | None = None) -> AdjudicationReport:
    chosen = sorted(annotators) if annotators else annotators_of(project, (into, GOLD))
    report = AdjudicationReport(into, chosen, min_agree)
    layers = project.layer_keys()
    with project.action():
        for document_id, names in covering(project, chosen, layers).items():
            if documents is not None and document_id not in documents:
                continue
            report.documents += 1
            have = layers.get(document_id, {})
            outcome = adjudicate({a: have.get(a, set()) for a in names},
                                 gold=have.get(into, set()), min_agree=min_agree,
                                 rejected=project.rejected_candidates(document_id, into))
            _write(project, document_id, into, outcome.agreed)
            report.written += len(outcome.agreed)
            relations = adjudicate_relations(project, document_id, into, names, min_agree)
            report.relations_written += relations.written
            report.relations_open += relations.open
            report.decided += len(outcome.decided)
            report.conflicts += [(document_id, c) for c in outcome.conflicts]
            _status(project, document_id, into, settled=not outcome.conflicts)
    return report


def _write(project: Project, document_id: int, into: str, agreed) -> None:
    if not agreed:
        return
    text = project.text_of(document_id)
    attributes = _attributes(project, document_id)
    label_ids = dict(project.db.execute("SELECT name, id FROM labels").fetchall())
    rows = []
    for c in agreed:
        origin = "adjudicated:" + ",".join(c.annotators)
        found = next((attributes[(a, c.key)] for a in c.annotators if (a, c.key) in attributes),
                     "{}")
        rows.append((document_id, c.start, c.end, label_ids[c.label], into, origin,
                     text[c.start:c.end], found))
    project.db.conn.executemany(
        'INSERT INTO spans (document_id, start, "end", label_id, annotator, origin, text, '
        "attributes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)


def _attributes(project: Project, document_id: int) -> dict[tuple[str, Key], str]:
    rows = project.db.execute(
        'SELECT s.annotator, s.start, s."end", l.name, s.attributes FROM spans s JOIN labels l '
        "ON l.id = s.label_id WHERE s.document_id = ? AND s.attributes != '{}'", [document_id])
    return {(a, (s, e, label)): attrs for a, s, e, label, attrs in rows}


def _status(project: Project, document_id: int, into: str, *, settled: bool) -> None:
    """Gold is done where nothing is left to curate, else in progress (layers imported
    without statuses would otherwise never give a done gold document); a done or
    skipped gold status is never changed."""
    current = project.status(document_id, into)
    wanted = Status.DONE if settled else Status.IN_PROGRESS
    if current in (Status.TODO, Status.IN_PROGRESS) and current is not wanted:
        project.set_status(document_id, into, wanted)

