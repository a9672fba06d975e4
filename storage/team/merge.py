"""``hanmark merge``: bring every annotator's layer back from their project files.

Documents are matched by content hash.  For each annotator in the file, their layer
on the matched documents becomes equal to the file's: spans are matched by uid (the
same span in every file of the team), then by (start, end, label); what only the file
has is added, what only the project has is removed, and a matched span whose range,
label, attributes, note or origin differ is changed.  Statuses follow the file.
Other annotators' layers are never touched, so merging the same file twice changes
nothing.  One transaction per file: a file that fails leaves nothing half-merged.
A matched document's title, date, source and note: see merge_documents.py.
"""

from __future__ import annotations

import sqlite3
from dataclasses import asdict, dataclass, field
from pathlib import Path

from corpus.labels import Label
from storage.connection import translate
from storage.errors import ProjectError
from storage.interchange.export_select import one_of
from storage.project import Project
from storage.team.merge_documents import merge_details
from storage.team.merge_layer import apply_diff, diff_layer
from storage.team.merge_relations import merge_relations, read_file_relations

_SPANS = ('SELECT s.id, s.document_id, s.start, s."end", l.name, s.attributes, s.note, '
          "s.origin, {uid}, s.annotator FROM spans s JOIN labels l ON l.id = s.label_id")


class MergeRefused(ProjectError):
    code = "merge_refused"
    hint = "Merge the files that were split from this project."

    def describe(self) -> str:
        return f"{self.path}: cannot merge"


@dataclass
class FileReport:
    file: str
    annotators: list[str] = field(default_factory=list)
    documents_matched: int = 0
    documents_added: int = 0
    documents_missing: list[dict] = field(default_factory=list)
    spans_added: int = 0
    spans_changed: int = 0
    spans_removed: int = 0
    relations_added: int = 0
    relations_changed: int = 0
    relations_removed: int = 0
    relation_types_added: list[str] = field(default_factory=list)
    statuses_updated: int = 0
    documents_filled: int = 0          # title, date, source or note taken from the file
    documents_differing: list[int] = field(default_factory=list)  # kept the project's
    labels_added: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class MergeOptions:
    add_documents: bool = False
    add_labels: bool = True


def merge_file(project: Project, path: Path, options: MergeOptions = MergeOptions()) -> FileReport:
    """Merge one annotator's file; raises a ProjectError naming the file when it cannot."""
    if path.resolve() == project.path.resolve():
        raise MergeRefused(path, "it is the project itself")
    with Project.open(path, readonly=True) as theirs:
        try:
            incoming = _read(theirs)
        except sqlite3.Error as error:
            raise translate(path, error) from None
    report = FileReport(str(path), annotators=incoming.annotators)
    try:
        with project.action():
            _Merger(project, incoming, options, report).run()
    except sqlite3.Error as error:
        raise translate(project.path, error) from None
    return report


@dataclass
class _Incoming:
    documents: list[tuple]          # full rows of the file's documents
    labels: list[Label]
    spans: list[tuple]
    statuses: list[tuple]           # document_id, annotator, status
    annotators: list[str]
    relations: list[tuple] = field(default_factory=list)
    relation_types: list = field(default_factory=list)


def _read(theirs: Project) -> _Incoming:
    db = theirs.db
    documents = db.execute(
        "SELECT id, title, text, raw_text, source, meta, content_hash, raw_map, length "
        "FROM documents").fetchall()
    spans = db.execute(_SPANS.format(uid="s.uid" if theirs.has_span_uid else "NULL")).fetchall()
    statuses = db.execute("SELECT document_id, annotator, status FROM document_status").fetchall()
    named = theirs.info().get("annotator")
    annotators = sorted({s[9] for s in spans} | {s[1] for s in statuses}
                        | ({named} if named else set()))
    relations, relation_types = read_file_relations(db)
    return _Incoming(documents, list(theirs.scheme()), spans, statuses, annotators, relations,
                     relation_types)


class _Merger:
    def __init__(self, project: Project, incoming: _Incoming, options: MergeOptions,
                 report: FileReport) -> None:
        self.project, self.incoming, self.options, self.report = \
            project, incoming, options, report
        self.doc_map: dict[int, int] = {}      # file document id → project document id

    def run(self) -> None:
        self._match_documents()
        self.report.documents_filled, self.report.documents_differing = merge_details(
            self.project, self.incoming.documents, self.doc_map)
        known = self._labels()
        spans = [s for s in self.incoming.spans if s[1] in self.doc_map]
        skipped = [s for s in spans if s[4] not in known]
        if skipped:
            names = sorted({s[4] for s in skipped})
            self.report.problems.append(
                f"{len(skipped)} spans not merged: the project has no label "
                f"{', '.join(names)} (--no-new-labels)")
        types = self._relation_types()
        by_id = {s[0]: s for s in spans}
        for annotator in self.incoming.annotators:
            mine = [s for s in spans if s[9] == annotator and s[4] in known]
            self._layer(annotator, mine)
            counts = merge_relations(self.project, annotator, self.incoming.relations, by_id,
                                     self.doc_map, types)
            self.report.relations_added += counts.added
            self.report.relations_changed += counts.changed
            self.report.relations_removed += counts.removed
            self._statuses(annotator)

    def _relation_types(self) -> set[str]:
        have = {t.name for t in self.project.relation_types()}
        missing = [t for t in self.incoming.relation_types if t.name not in have]
        if missing and not self.options.add_labels:
            self.report.problems.append(
                "relations not merged: the project has no relation type "
                f"{', '.join(t.name for t in missing)} (--no-new-labels)")
            return have
        for relation_type in missing:
            self.project.add_relation_type(relation_type)
            self.report.relation_types_added.append(relation_type.name)
        return have | {t.name for t in missing}

    def _match_documents(self) -> None:
        hashes = self.project.content_hashes()
        for row in self.incoming.documents:
            found = hashes.get(row[6])
            if found is None and self.options.add_documents:
                found = self._add_document(row)
                hashes[row[6]] = found
                self.report.documents_added += 1
            elif found is None:
                self.report.documents_missing.append({"id": row[0], "title": row[1]})
                continue
            else:
                self.report.documents_matched += 1
            self.doc_map[row[0]] = found
        if not self.doc_map:
            raise MergeRefused(Path(self.report.file),
                               "no document in common with the project (a file of another "
                               "project? --add-documents adds its documents)")

    def _add_document(self, row: tuple) -> int:
        return self.project.db.execute(
            "INSERT INTO documents (title, text, raw_text, source, meta, content_hash, raw_map, "
            "length) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", list(row[1:])).lastrowid

    def _labels(self) -> set[str]:
        scheme = self.project.scheme()
        for label in self.incoming.labels:
            if label.name not in scheme and self.options.add_labels:
                self.project.add_label(label)
                self.report.labels_added.append(label.name)
        return {label.name for label in self.project.scheme()}

    def _layer(self, annotator: str, incoming: list[tuple]) -> None:
        ours = self._project_layer(annotator)
        diff = diff_layer(ours, incoming, self.doc_map)
        apply_diff(self.project, annotator, diff)
        self.report.spans_added += len(diff.added)
        self.report.spans_changed += len(diff.changed)
        self.report.spans_removed += len(diff.removed)

    def _matched(self, column: str) -> tuple[str, list]:
        """The condition "``column`` is one of the matched documents" and its parameter."""
        [where], params = one_of(column, list(self.doc_map.values()))
        return where, params

    def _project_layer(self, annotator: str) -> list[tuple]:
        where, params = self._matched("s.document_id")
        return self.project.db.execute(
            _SPANS.format(uid="s.uid") + f" WHERE s.annotator = ? AND {where}",
            [annotator, *params]).fetchall()

    def _statuses(self, annotator: str) -> None:
        theirs = {self.doc_map[d]: s for d, a, s in self.incoming.statuses
                  if a == annotator and d in self.doc_map}
        db = self.project.db
        where, params = self._matched("document_id")
        ours = dict(db.execute(
            f"SELECT document_id, status FROM document_status WHERE annotator = ? AND {where}",
            [annotator, *params]).fetchall())
        for document_id in set(theirs) | set(ours):
            wanted = theirs.get(document_id)
            if wanted == ours.get(document_id):
                continue
            self.report.statuses_updated += 1
            if wanted is None:
                db.execute("DELETE FROM document_status WHERE document_id = ? AND annotator = ?",
                           [document_id, annotator])
            else:
                db.execute(
                    "INSERT INTO document_status (document_id, annotator, status) VALUES "
                    "(?, ?, ?) ON CONFLICT (document_id, annotator) DO UPDATE SET status = "
                    "excluded.status, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')",
                    [document_id, annotator, wanted])
