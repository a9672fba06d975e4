"""Relations in adjudication: what enough annotators link goes into the target layer too.

A relation is compared by its ends' ranges and labels and its type (the annotators' span
ids differ).  It is written into the target layer (gold) when at least K of the
annotators compared on the document have it — K as for spans: ``min_agree``, else more
than half of them — and both its ends are spans of the target layer once the spans are
adjudicated; its note and attributes come from the first annotator who has them.  One
that the target layer already has is left alone; one that some but too few annotators
have, or whose ends did not both reach the target layer, is counted as open (a relation
conflict), for the curator to draw by hand.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from corpus.team.adjudication import Key, default_min_agree
from storage.project import Project

RelationKey = tuple[Key, Key, str]          # (from span, to span, type)

_LAYER_RELATIONS = (
    'SELECT r.annotator, a.start, a."end", la.name, b.start, b."end", lb.name, r.type, '
    "r.note, r.attributes FROM relations r JOIN spans a ON a.id = r.from_span_id "
    "JOIN labels la ON la.id = a.label_id JOIN spans b ON b.id = r.to_span_id "
    "JOIN labels lb ON lb.id = b.label_id WHERE r.document_id = ?")


@dataclass
class RelationOutcome:
    written: int = 0
    open: int = 0


def layer_relations(project: Project, document_id: int
                    ) -> dict[str, dict[RelationKey, tuple[str, str]]]:
    """annotator → relation key → (note, attributes JSON), for one document."""
    out: dict[str, dict[RelationKey, tuple[str, str]]] = defaultdict(dict)
    for annotator, *ends, kind, note, attributes in project.db.execute(
            _LAYER_RELATIONS, [document_id]):
        key = ((ends[0], ends[1], ends[2]), (ends[3], ends[4], ends[5]), kind)
        out[annotator].setdefault(key, (note, attributes))
    return out


def adjudicate_relations(project: Project, document_id: int, into: str, names: list[str],
                         min_agree: int | None = None) -> RelationOutcome:
    """Write the agreed relations of ``names`` on one document into ``into`` (inside the
    caller's transaction, after the spans are written)."""
    outcome = RelationOutcome()
    if not project.has_relations:
        return outcome
    layers = layer_relations(project, document_id)
    support: dict[RelationKey, list[str]] = defaultdict(list)
    for name in names:
        for key in layers.get(name, {}):
            support[key].append(name)
    if not support:
        return outcome
    have = set(layers.get(into, {}))
    ends = _span_ids(project, document_id, into)
    k = min_agree if min_agree is not None else default_min_agree(len(names))
    rows = []
    for key, who in sorted(support.items()):
        if key in have:
            continue
        if len(who) < k or key[0] not in ends or key[1] not in ends:
            outcome.open += 1
            continue
        note, attributes = next((layers[a][key] for a in who if layers[a][key] != ("", "{}")),
                                ("", "{}"))
        rows.append((document_id, ends[key[0]], ends[key[1]], key[2], into, note, attributes))
    project.db.conn.executemany(
        "INSERT INTO relations (document_id, from_span_id, to_span_id, type, annotator, note, "
        "attributes) VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
    outcome.written = len(rows)
    return outcome


def _span_ids(project: Project, document_id: int, layer: str) -> dict[Key, int]:
    rows = project.db.execute(
        'SELECT s.start, s."end", l.name, s.id FROM spans s JOIN labels l ON l.id = s.label_id '
        "WHERE s.document_id = ? AND s.annotator = ?", [document_id, layer])
    return {(start, end, label): span_id for start, end, label, span_id in rows}
