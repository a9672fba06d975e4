"""The relations of an imported record, into the importing annotator's layer.

A relation's ends are the record's spans by (start, end, label); they are found
among the layer's spans of the document (a label given by its display name, 人名,
is the scheme's label, as for spans).  A type the scheme lacks is added to it, with
no pairs (any pair allowed), unless new labels are refused: then the relation is
rejected and listed.  A relation the layer already has is not added twice, so
importing the same file again changes nothing.  A pair the type does not allow is
kept (the file is the annotator's work) and named in the report's notes.
"""

from __future__ import annotations

import orjson

from corpus.formats.model import Annotated, written
from corpus.relations import RelationError, RelationType
from storage.errors import RecordRejected
from storage.project import Project

PALETTE = ("#5e3c99", "#b35806", "#1b7837", "#762a83", "#8c510a", "#01665e", "#c51b7d")


class RelationTypes:
    """The scheme's relation types, adding those an import meets."""

    def __init__(self, project: Project, add: bool, report) -> None:
        self.project, self.add, self.report = project, add, report
        self.known = {t.name: t for t in project.relation_types()}

    def get(self, name: str) -> RelationType:
        if name in self.known:
            return self.known[name]
        if not self.add:
            raise RecordRejected(f"unknown relation type {name!r}")
        colour = PALETTE[len(self.report.relation_types_added) % len(PALETTE)]
        try:
            added = self.project.add_relation_type(RelationType(name, name, colour))
        except RelationError as error:
            raise RecordRejected(str(error)) from None
        self.report.relation_types_added.append(name)
        self.known[name] = added
        return added


def insert_relations(project: Project, document_id: int, annotator: str, record: Annotated,
                     types: RelationTypes) -> int:
    """Store the record's relations in the layer (inside the caller's savepoint);
    returns how many were added."""
    if not record.relations:
        return 0
    db = project.db
    labels = {}
    for _id, name, display in db.execute("SELECT id, name, display FROM labels"):
        labels[name] = name
        labels.setdefault(display, name)
    spans = {(start, end, label): span_id for span_id, start, end, label in db.execute(
        'SELECT s.id, s.start, s."end", l.name FROM spans s JOIN labels l ON l.id = s.label_id '
        "WHERE s.document_id = ? AND s.annotator = ?", [document_id, annotator])}
    have = set(db.execute("SELECT from_span_id, to_span_id, type FROM relations WHERE "
                          "document_id = ? AND annotator = ?", [document_id, annotator]))
    added = 0
    for relation in record.relations:
        ends = [spans.get((s, e, labels.get(label, label)))
                for s, e, label in (relation.source, relation.target)]
        try:
            if None in ends:
                raise RecordRejected("one of its spans was not imported")
            kind = types.get(relation.type)
        except RecordRejected as error:
            record.rejected.append((_written(relation), f"relation: {error}"))
            continue
        if (ends[0], ends[1], kind.name) in have:
            continue
        have.add((ends[0], ends[1], kind.name))
        _pair_note(record, relation, kind, labels)
        db.execute("INSERT INTO relations (document_id, from_span_id, to_span_id, type, "
                   "annotator, note, attributes) VALUES (?, ?, ?, ?, ?, ?, ?)",
                   [document_id, ends[0], ends[1], kind.name, annotator, relation.note or "",
                    _attributes(relation.attributes)])
        added += 1
    return added


def _pair_note(record: Annotated, relation, kind: RelationType, labels: dict) -> None:
    source, target = (labels.get(end[2], end[2]) for end in (relation.source, relation.target))
    if not kind.allows(source, target):
        record.notes.append(f"relation {kind.name} links {source} to {target}, a pair the "
                            "scheme does not list for it: kept")


def _attributes(value) -> str:
    return orjson.dumps(value or {}).decode()


def _written(relation) -> str:
    return written([list(relation.source), relation.type, list(relation.target)])
