"""Importing annotated files (doccano, Label Studio, CLUENER, CoNLL, HF, spaCy, brat):
documents with their spans, taken verbatim (no cleaning: the offsets count on
the text as it is).

Each record is stored in its own savepoint: a record that cannot stand (broken
JSON, offsets out of range, span text that does not match, a label that cannot
be one) is reported with its name and reason and leaves nothing behind, while
the good records import.  Labels the project lacks are added to its scheme
(unless ``add_labels`` is off); a label given by its display name (人名) maps to
the scheme's label.  A record whose text the project already holds adds its
new spans to that document: new for the importing annotator, whose layer is
separate from every other annotator's (team workflow).
"""

from __future__ import annotations

import sqlite3
import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import orjson

from corpus import formats
from corpus.document import NewDocument, Status, content_hash
from corpus.formats.model import Annotated, FormatError, ReadOptions, RecordFailure, split_spans
from corpus.labels import Kind, Label, SchemeError
from corpus.readers import printable
from storage.errors import RecordRejected
from storage.interchange.importer import UNSTORABLE, ImportReport
from storage.project import Project
from storage.interchange.relations_import import RelationTypes, insert_relations

Progress = Callable[[int, int], None]
PALETTE = ("#8e44ad", "#16a085", "#d35400", "#2c3e50", "#c0392b", "#27ae60", "#2980b9",
           "#f39c12")


@dataclass(frozen=True)
class AnnotatedOptions:
    annotator: str = ""                 # recorded on the imported spans
    offsets: str | None = None          # doccano: utf16 | codepoint (None: declared, else utf16)
    add_labels: bool = True             # add labels the scheme lacks, else reject the span
    keep_duplicates: bool = False       # every record a document, repeated texts too
    covers: bool = False                # each record is the annotator's: in progress at least


@dataclass
class AnnotatedReport(ImportReport):
    spans: int = 0
    relations: int = 0
    labels_added: list[str] = field(default_factory=list)
    relation_types_added: list[str] = field(default_factory=list)
    detected: dict[str, str] = field(default_factory=dict)   # file → format
    spans_rejected: list[dict] = field(default_factory=list)  # name, span (as written), reason
    notes: list[dict] = field(default_factory=list)           # name, note

    @property
    def ok(self) -> bool:
        return not self.failed and not self.spans_rejected

    def summary(self) -> str:
        text = super().summary()
        added = f", labels added: {', '.join(self.labels_added)}" if self.labels_added else ""
        if self.relation_types_added:
            added += f", relation types added: {', '.join(self.relation_types_added)}"
        rejected = f", {len(self.spans_rejected)} spans rejected" if self.spans_rejected else ""
        relations = f", {self.relations} relations" if self.relations else ""
        return f"{text}; {self.spans} spans{relations}{rejected}{added}"


class _Labels:
    """Incoming label → a scheme label name, adding labels the scheme lacks."""

    def __init__(self, project: Project, options: AnnotatedOptions, report: AnnotatedReport):
        self.project, self.options, self.report = project, options, report
        self.ids: dict[str, int] = {}
        self._load()

    def _load(self) -> None:
        rows = self.project.db.execute("SELECT id, name, display FROM labels").fetchall()
        self.ids = {name: id_ for id_, name, _ in rows}
        self.ids.update({display: id_ for id_, name, display in rows if display not in self.ids})

    def id(self, name: str) -> int:
        if name in self.ids:
            return self.ids[name]
        if not self.options.add_labels:
            raise RecordRejected(f"unknown label {name!r}")
        colour = PALETTE[len(self.report.labels_added) % len(PALETTE)]
        try:
            label = Label(name, name, Kind.ENTITY, colour)
        except SchemeError:
            raise RecordRejected(f"unknown label {name!r}, which cannot be a label name "
                                 "(letters, digits, _ or -)") from None
        added = self.project.add_label(label)
        self.report.labels_added.append(name)
        row = self.project.db.execute("SELECT id FROM labels WHERE name = ?", [added.name])
        self.ids[name] = row.fetchone()[0]
        return self.ids[name]


class AnnotatedImporter:
    def __init__(self, project: Project, options: AnnotatedOptions = AnnotatedOptions(), *,
                 read: ReadOptions | None = None, progress: Progress | None = None,
                 cancel: threading.Event | None = None,
                 report: AnnotatedReport | None = None) -> None:
        self.project, self.options = project, options
        self.read_options = read or ReadOptions(offsets=options.offsets)
        self.progress = progress or (lambda done, total: None)
        self.cancel = cancel or threading.Event()
        self.report = report or AnnotatedReport()
        self.labels = _Labels(project, options, self.report)
        self.relation_types = RelationTypes(project, options.add_labels, self.report)
        self.hashes = project.content_hashes()
        self.copies: Counter[str] = Counter()   # records of each text met in this import
        self._text_file = ""                    # the .txt of the brat document being read

    def run(self, files: list[tuple[Path, str]]) -> AnnotatedReport:
        self.report.files += sum(_file_count(path, name) for path, name in files)
        for done, (path, name) in enumerate(files, 1):
            if self.cancel.is_set():
                self.report.cancelled = True
                break
            self.report.detected[printable(path.name)] = name
            self._text_file = _brat_text(path) if name == "brat" else ""
            self._file(path, formats.get(name))
            self.progress(done, len(files))
        return self.report

    def _file(self, path: Path, fmt: formats.Format) -> None:
        records = 0
        try:
            with self.project.db.atomic():
                for record in fmt.read(path, self.read_options):
                    if self.cancel.is_set():
                        self.report.cancelled = True
                        return
                    records += 1
                    self._record(record, fmt.name, printable(path.name))
            if not records:      # never passed over in silence
                raise FormatError(_no_document(path, fmt))
        except FormatError as error:
            self.report.failed.append(self._outcome({"name": path.name, "reason": str(error)}))

    def _outcome(self, entry: dict) -> dict:
        """A report entry; a brat document's names its .txt as well as its .ann."""
        return {**entry, "text_file": self._text_file} if self._text_file else entry

    def _record(self, record: Annotated | RecordFailure, fmt: str, source: str) -> None:
        try:
            if isinstance(record, RecordFailure):
                raise RecordRejected(record.reason)
            split_spans(record)
            with self.project.db.atomic():  # a savepoint: all of the record or none
                self._store(record, fmt, source)
        except (RecordRejected, sqlite3.IntegrityError) as error:
            self.report.failed.append(self._outcome({"name": record.name, "reason": str(error)}))
            return
        except (TypeError, ValueError, OverflowError, RecursionError):
            self.report.failed.append(self._outcome({"name": record.name, "reason": UNSTORABLE}))
            return
        self.report.notes.extend({"name": record.name, "note": n} for n in record.notes)
        self.report.spans_rejected.extend(
            {"name": record.name, "span": span, "reason": reason}
            for span, reason in record.rejected)

    def _store(self, record: Annotated, fmt: str, source: str) -> None:
        spans = []
        for span in record.spans:    # a label that cannot be one rejects its span alone
            try:
                spans.append((span, self.labels.id(span.label)))
            except RecordRejected as error:
                record.rejected.append(
                    (f"[{span.start}, {span.end}, {span.label!r}]", str(error)))
        new = NewDocument(text=record.text, title=record.title or _title(record.text),
                          raw_text=record.text, source=source, meta=record.meta,
                          copy=self._copy(record.text))
        existing = self.hashes.get(new.content_hash)
        document_id = existing or self.project.insert_document(new)
        self.hashes[new.content_hash] = document_id
        added = self._insert_spans(document_id, record.text, spans)
        self._statuses(document_id, record.statuses)
        self.report.relations += insert_relations(self.project, document_id,
                                                  self.options.annotator, record,
                                                  self.relation_types)
        self.report.spans += added
        if existing:
            self.report.duplicates.append(self._outcome(
                {"name": record.name, "same_as": existing, "spans": added}))
        else:
            self.report.imported.append(self._outcome(
                {"name": record.name, "id": document_id, "title": new.title, "format": fmt,
                 "encoding": "", "damage": 0, "spans": added}))

    def _copy(self, text: str) -> int:
        """Which copy of its text the record is: always 1 unless repeated records are kept.

        The n-th record of a text in this import is the n-th copy, so importing the
        same dataset again finds each copy again instead of adding more."""
        if not self.options.keep_duplicates:
            return 1
        base = content_hash(text)
        self.copies[base] += 1
        return self.copies[base]

    def _insert_spans(self, document_id: int, text: str, spans: list) -> int:
        # Per annotator: bob's span where alice has the same one is bob's, or agreement is lost.
        have = set(self.project.db.execute(
            'SELECT start, "end", label_id FROM spans WHERE document_id = ? AND annotator = ?',
            [document_id, self.options.annotator]))
        rows = []
        for span, label_id in spans:
            if (span.start, span.end, label_id) in have:
                continue
            have.add((span.start, span.end, label_id))
            rows.append((document_id, span.start, span.end, label_id, self.options.annotator,
                         text[span.start:span.end], orjson.dumps(span.attributes or {}).decode(),
                         span.note))
        self.project.db.conn.executemany(
            'INSERT INTO spans (document_id, start, "end", label_id, annotator, origin, text, '
            "attributes, note) VALUES (?, ?, ?, ?, ?, 'imported', ?, ?, ?)", rows)
        return len(rows)

    def _statuses(self, document_id: int, statuses: dict) -> None:
        """The record's statuses; with ``covers`` (an import for a named annotator), the
        annotator's status is in progress when the record gives none, so that a record
        where they marked nothing still counts as theirs in adjudication (done stays the
        annotator's word: agreement compares done documents).  A status the project
        already holds is kept."""
        valid = {s.value for s in Status}
        given = {str(a): s for a, s in statuses.items() if s in valid}
        if self.options.covers:
            given.setdefault(self.options.annotator, Status.IN_PROGRESS.value)
        rows = [(document_id, a, s) for a, s in given.items()]
        self.project.db.conn.executemany(
            "INSERT OR IGNORE INTO document_status (document_id, annotator, status) "
            "VALUES (?, ?, ?)", rows)


def _no_document(path: Path, fmt: formats.Format) -> str:
    try:
        if path.is_file() and path.stat().st_size == 0:
            return "the file is empty"
    except OSError:
        pass
    if fmt.name == "conll":
        return "no document: the CoNLL file has no tokens (no TOKEN TAG lines)"
    return f"no document: the {fmt.description} file holds no records"


def _brat_text(path: Path) -> str:
    """The .txt beside a brat .ann, by name, when it is there."""
    txt = path.with_suffix(".txt")
    return printable(txt.name) if path.is_file() and txt.is_file() else ""


def _file_count(path: Path, format: str) -> int:
    """How many of the files given an annotated input stands for: a brat document is
    its .ann and its .txt, a brat folder every .ann and .txt it holds."""
    if format != "brat":
        return 1
    if path.is_dir():
        anns = list(path.rglob("*.ann"))
        return len(anns) + sum(ann.with_suffix(".txt").is_file() for ann in anns)
    return 1 + bool(_brat_text(path))


def _title(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")[:40]


def import_annotated(project_path: Path, files: list[tuple[Path, str]],
                     options: AnnotatedOptions = AnnotatedOptions(), *,
                     progress: Progress | None = None,
                     cancel: threading.Event | None = None) -> AnnotatedReport:
    """Open the project on this thread's own connection and import (file, format) pairs."""
    with Project.open(project_path) as project:
        return AnnotatedImporter(project, options, progress=progress, cancel=cancel).run(files)
