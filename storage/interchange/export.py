"""Exporting a project: runs off the UI thread on its own read-only connection,
reports progress, can be cancelled, and never leaves a half-written file.

Everything is written into a hidden ``.NAME.partial`` folder beside the target
and moved into place only when the whole export succeeded.  Every span is
checked against ``text[start:end]`` before it is written; a mismatch stops the
export.  Flat formats get their overlapping spans resolved by a policy
(longest, priority, or fail with a conflict report).
"""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

import orjson

from corpus import formats
from corpus.document import Document
from corpus.formats import overlap
from corpus.formats.model import ExportError, FormatError, WriteOptions
from storage.interchange.export_select import (
    Selection,
    one_of,
    select_documents,
    span_query,
    spans_by_document,
    split,
)
from storage.project import Project
from storage.interchange.relations_export import RelationCursor

Progress = Callable[[int, int], None]
CONFLICTS_KEPT = 50


class ExportCancelled(Exception):
    """The user cancelled; the target file was left as it was."""


class ExportFailed(Exception):
    """The export could not be written; the message says why."""


@dataclass(frozen=True)
class ExportOptions:
    format: str = "doccano"
    write: WriteOptions = WriteOptions()
    selection: Selection = Selection()
    split: tuple[float, float, float] | None = None   # train/dev/test ratios
    seed: int = 0
    overlap: str = "longest"                          # longest | priority | fail


@dataclass
class ExportResult:
    path: Path
    documents: int = 0
    spans: int = 0
    relations: int = 0                                    # of the documents written
    files: list[Path] = field(default_factory=list)
    splits: dict[str, int] = field(default_factory=dict)  # documents per split
    conflicts: list[str] = field(default_factory=list)    # spans dropped by the policy
    conflict_count: int = 0
    report: dict = field(default_factory=dict)            # the format's own (word BIO)


def export(project_path: Path, out_path: Path, options: ExportOptions = ExportOptions(), *,
           progress: Progress | None = None,
           cancel: threading.Event | None = None) -> ExportResult:
    out_path = Path(out_path)
    staging = out_path.with_name(f".{out_path.name}.partial")
    shutil.rmtree(staging, ignore_errors=True)
    try:
        staging.mkdir(parents=True)
        with Project.open(project_path, readonly=True) as project:
            result = _Export(project, out_path, staging, options, progress, cancel).run()
        result.files = _move_into_place(staging, out_path.parent)
    except (ExportError, FormatError, ValueError) as error:
        raise ExportFailed(str(error)) from None
    except OSError as error:
        raise ExportFailed(f"{out_path}: {error.strerror or error}") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return result


def export_jsonl(project_path: Path, out_path: Path, *, progress: Progress | None = None,
                 cancel: threading.Event | None = None) -> ExportResult:
    """doccano-style JSONL (code points, end-exclusive) of every document."""
    return export(project_path, out_path, ExportOptions(), progress=progress, cancel=cancel)


class _Export:
    def __init__(self, project: Project, out_path: Path, staging: Path, options: ExportOptions,
                 progress: Progress | None, cancel: threading.Event | None) -> None:
        self.project, self.options = project, options
        self.format = formats.get(options.format)
        self.write_options = _with_labels(options.write, project)
        self.progress = progress or (lambda done, total: None)
        self.cancel = cancel or threading.Event()
        self.result = ExportResult(out_path)
        self.targets = _targets(staging, out_path, self.format, options.split is not None)
        self.writers: dict[str, object] = {}

    def run(self) -> ExportResult:
        project, selection = self.project, self.options.selection
        statuses = project.statuses_by_document()
        every = project.document_ids()
        ids = select_documents(every, statuses, selection)
        parts = split(ids, self.options.split, self.options.seed) if self.options.split else {}
        try:
            for name, target in self.targets.items():
                self.writers[name] = self.format.open_writer(target, self.write_options)
            chosen = ids if len(ids) < len(every) else None   # then only their rows are read
            self._write_all(ids, chosen, statuses, parts)
        finally:
            for writer in self.writers.values():
                writer.close()
        if self.options.overlap == "fail" and self.result.conflict_count:
            raise ExportError(overlap.conflict_message(self._conflicts))
        for target in {t for t in self.targets.values()}:
            self.format.write_sidecars(target, self.write_options)
        self.result.report = _format_report(self.writers)
        return self.result

    def _write_all(self, ids: list[int], chosen: list[int] | None, statuses: dict,
                   parts: dict[int, str]) -> None:
        wanted = set(ids)
        details = self.format.details and self.write_options.attributes
        sql, params = span_query(self.options.selection, details, chosen)
        names = dict(self.project.db.execute("SELECT id, name FROM labels"))
        spans = spans_by_document(self.project.db.execute(sql, params), names)
        relations = RelationCursor(self.project.db, self.options.selection, chosen,
                                   self.format.relations)
        pending = next(spans, None)
        step, done = max(1, len(ids) // 200), 0
        self._conflicts: list[overlap.Conflict] = []
        for document in self._documents(chosen):
            while pending is not None and pending[0] < document.id:
                pending = next(spans, None)
            if document.id not in wanted:
                continue
            if self.cancel.is_set():
                raise ExportCancelled()
            own = pending[1] if pending is not None and pending[0] == document.id else []
            linked = relations.of(document.id)
            if not details:          # --no-attributes: relation notes and attributes too
                linked = [r._replace(note="", attributes=None) for r in linked]
            self._write(document, own, statuses.get(document.id, {}), parts.get(document.id),
                        linked)
            done += 1
            if done % step == 0 or done == len(ids):
                self.progress(done, len(ids))

    def _documents(self, chosen: list[int] | None):
        where, params = one_of("id", chosen)
        condition = f"WHERE {where[0]} " if where else ""
        rows = self.project.db.execute(
            "SELECT id, title, text, source, meta, content_hash FROM documents "
            f"{condition}ORDER BY id", params)
        keep_note = self.write_options.attributes
        for row in rows:
            meta = orjson.loads(row[4])
            if not keep_note:
                meta.pop("note", None)      # --no-attributes: the document's note too
            yield Document(row[0], row[1], row[2], "", row[3], meta, row[5])

    def _write(self, document: Document, spans: list, statuses: dict, part: str | None,
               relations: list) -> None:
        text = document.text
        for span in spans:
            if text[span.start:span.end] != span.text or span.end > len(text):
                raise ExportError(f"document {document.id} ({document.title}): span "
                                  f"[{span.start}, {span.end}) {span.label} covers "
                                  f"{text[span.start:span.end]!r}, not {span.text!r}")
        if self.format.flat:
            spans = self._resolve(document.id, spans)
        meta = {"status": statuses} if part is None else {"status": statuses, "split": part}
        writer = self.writers[part or ""]
        if self.format.relations:
            writer.write(document, spans, meta, relations)
            self.result.relations += len(relations)
        else:
            writer.write(document, spans, meta)
        self.result.documents += 1
        self.result.spans += len(spans)
        if part is not None:
            self.result.splits[part] = self.result.splits.get(part, 0) + 1

    def _resolve(self, document_id: int, spans: list) -> list:
        policy = "longest" if self.options.overlap == "fail" else self.options.overlap
        kept, conflicts = overlap.resolve(document_id, spans, policy, self.write_options.labels)
        if conflicts:
            self.result.conflict_count += len(conflicts)
            room = CONFLICTS_KEPT - len(self._conflicts)
            self._conflicts += conflicts[:max(room, 0)]
            self.result.conflicts = [c.describe() for c in self._conflicts]
        return kept


def _with_labels(options: WriteOptions, project: Project) -> WriteOptions:
    return replace(options,
                   labels=options.labels or tuple(label.name for label in project.scheme()),
                   relation_types=options.relation_types or tuple(project.relation_types()))


def _targets(staging: Path, out_path: Path, fmt, by_split: bool) -> dict[str, Path]:
    """Split name ("" without a split) → the path its writer writes, inside ``staging``."""
    if not by_split:
        return {"": staging / out_path.name}
    if not fmt.suffix:  # a folder: one subfolder per split
        return {name: staging / out_path.name / name for name in ("train", "dev", "test")}
    stem = out_path.name[:-len(out_path.suffix)] if out_path.suffix else out_path.name
    suffix = out_path.suffix or fmt.suffix
    return {name: staging / f"{stem}.{name}{suffix}" for name in ("train", "dev", "test")}


def _format_report(writers: dict) -> dict:
    report: dict = {}
    for writer in writers.values():
        for key, value in getattr(writer, "report", dict)().items():
            if isinstance(value, int) and not isinstance(value, bool):
                report[key] = report.get(key, 0) + value
            elif isinstance(value, list):
                report[key] = (report.get(key, []) + value)[:5]
            else:
                report[key] = value
    return report


def _move_into_place(staging: Path, folder: Path) -> list[Path]:
    """Move each finished file (or folder) from ``staging`` over its target."""
    moved = []
    for entry in sorted(staging.iterdir()):
        target = folder / entry.name
        if entry.is_file():
            with entry.open("rb") as handle:
                os.fsync(handle.fileno())
            os.replace(entry, target)
        else:
            old = folder / f".{entry.name}.old"
            shutil.rmtree(old, ignore_errors=True)
            if target.exists():
                os.replace(target, old)
            os.replace(entry, target)
            shutil.rmtree(old, ignore_errors=True)
        moved.append(target)
    return moved
