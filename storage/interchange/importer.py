"""Importing files into a project: read, clean, de-duplicate, store.

Each article (a file, or one record of a CSV/JSONL/JSON file) is stored by one
INSERT, so a failure leaves nothing of it behind while the rest goes on.
Articles are committed in batches of about a quarter second: a thousand fsyncs
a second would cap the import far below what reading and cleaning can do, and
an interrupted import loses at most the last batch, which importing the same
files again restores (identical texts are never stored twice).

Reading and cleaning (corpus.preparing) are pure; a large import runs them in
worker processes, in order, while this process stores what they return.
"""

from __future__ import annotations

import gc
import os
import sqlite3
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from itertools import repeat
from multiprocessing import get_context
from pathlib import Path

from corpus import formats
from corpus.preparing import ImportOptions, Prepared, prepare
from corpus.readers import display_names, expand_inputs
from storage import connection
from storage.project import Project

Progress = Callable[[int, int], None]
BATCH_SECONDS = 0.25
UNSTORABLE = ("holds a value the project file cannot store (text that is not valid "
              "Unicode, a number past 64 bits, or metadata nested too deeply)")
PARALLEL_FROM = 200   # files; fewer are not worth starting worker processes for
CHUNK = 16            # files handed to a worker at a time


@dataclass
class ImportReport:
    imported: list[dict] = field(default_factory=list)    # name, id, title, format, encoding
    duplicates: list[dict] = field(default_factory=list)  # name, same_as
    failed: list[dict] = field(default_factory=list)      # name, reason
    skipped: list[dict] = field(default_factory=list)     # name, reason (not an error)
    files: int = 0
    cancelled: bool = False

    @property
    def ok(self) -> bool:
        return not self.failed

    def to_dict(self) -> dict:
        return asdict(self)

    def summary(self) -> str:
        text = (f"imported {len(self.imported)}, skipped as duplicate {len(self.duplicates)}, "
                f"failed {len(self.failed)}"
                + (f", skipped {len(self.skipped)}" if self.skipped else "")
                + f" ({self.files + len(self.skipped)} files)")
        return text + (" — cancelled" if self.cancelled else "")


@contextmanager
def prepared_files(paths: list[Path], options: ImportOptions,
                   workers: int | None = None) -> Iterator[Iterable[list[Prepared]]]:
    """Each file's prepared articles, in order; in worker processes for large imports."""
    workers = workers if workers is not None else (os.cpu_count() or 1)
    names = display_names(paths)
    if len(paths) < PARALLEL_FROM or workers < 2:
        yield (prepare(path, options, name) for path, name in zip(paths, names))
        return
    stream = _in_workers(paths, names, options, workers)
    try:
        yield stream
    finally:
        stream.close()  # stops the workers when the import ends early (cancel, full disk)


def _in_workers(paths: list[Path], names: list[str], options: ImportOptions,
                workers: int) -> Iterator[list[Prepared]]:
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=get_context(_start_method()),
                               initializer=_worker_started)
    done = 0
    try:
        for result in pool.map(prepare, paths, repeat(options), names, chunksize=CHUNK):
            yield result
            done += 1
    except BrokenProcessPool:  # workers could not start here (an embedded interpreter …)
        yield from (prepare(path, options, name)
                    for path, name in zip(paths[done:], names[done:]))
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _start_method() -> str:
    """fork where it is safe: on Linux, in a process without Qt (``hanmark import``), the
    workers start at once with everything imported.  spawn elsewhere: beside Qt's
    threads fork would copy them half-alive, and macOS forbids it in GUI processes."""
    if sys.platform.startswith("linux") and not any(
            name == "PySide6" or name.startswith("PySide6.") for name in sys.modules):
        return "fork"
    return "spawn"


def _worker_started() -> None:
    # Cleaning allocates millions of short-lived tuples and strings and makes no
    # cycles; Python's collector, run every 700 allocations, cost ~10% of a worker.
    gc.freeze()
    gc.set_threshold(100_000, 20, 100)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The storing process keeps every report row until the end; each collection of
    the oldest generation walked all of them again (~15% of a large import)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class Importer:
    def __init__(self, project: Project, options: ImportOptions = ImportOptions(), *,
                 progress: Progress | None = None, cancel: threading.Event | None = None,
                 workers: int | None = None) -> None:
        self.project, self.options, self.workers = project, options, workers
        self.progress = progress or (lambda done, total: None)
        self.cancel = cancel or threading.Event()
        self.report = ImportReport()
        self.annotated: list[tuple[Path, str]] = []   # files found to hold spans: not stored here
        self._hashes: dict[str, int] = {}
        self._paths: list[Path] = []

    def run(self, inputs: list[str | Path]) -> ImportReport:
        """Import the files, folders and glob patterns named."""
        return self.run_paths(*expand_inputs([str(i) for i in inputs]))

    def run_paths(self, paths: list[Path], missing: list = ()) -> ImportReport:
        """Import files already found; ``missing`` (ImportFailure) are reported as failed."""
        self.report.failed += [{"name": f.name, "reason": f.reason} for f in missing
                               if not f.skipped]
        self.report.skipped += [{"name": f.name, "reason": f.reason} for f in missing
                                if f.skipped]
        self.report.files = len(paths)
        self._paths = paths
        self._hashes = self.project.content_hashes()
        done = 0
        try:
            with _collector_paused(), prepared_files(paths, self.options, self.workers) as stream:
                files = iter(stream)
                while done < len(paths) and not self.cancel.is_set():
                    done = self._batch(files, done, len(paths))
        except sqlite3.Error as error:  # the disk filled up, the file got locked …
            raise connection.translate(self.project.path, error) from None
        self.report.cancelled = done < len(paths)
        return self.report

    def _batch(self, files: Iterator[list[Prepared]], done: int, total: int) -> int:
        """Store files until the batch's time is up; commit them together."""
        deadline = time.monotonic() + BATCH_SECONDS
        with self.project.db.atomic():
            while done < total and not self.cancel.is_set():
                for prepared in next(files):
                    if prepared.annotated:
                        self._hand_over(self._paths[done], prepared.annotated)
                    else:
                        self._store(prepared)
                done += 1
                self.progress(done, total)
                if time.monotonic() > deadline:
                    break
        return done

    def _hand_over(self, path: Path, format: str) -> None:
        """An annotated file goes to the annotated importer, which counts it itself."""
        self.annotated.append((formats.annotated_file(path, format), format))
        self.report.files -= 1

    def _store(self, prepared: Prepared) -> None:
        document = prepared.document
        if document is None:
            self.report.failed.append({"name": prepared.name, "reason": prepared.reason})
            return
        same = self._hashes.get(document.content_hash)
        if same is not None:
            self.report.duplicates.append({"name": prepared.name, "same_as": same})
            return
        try:
            document_id = self.project.insert_document(document)  # one statement: all or none
        except (TypeError, ValueError, OverflowError, RecursionError):
            self.report.failed.append({"name": prepared.name, "reason": UNSTORABLE})
            return
        self._hashes[document.content_hash] = document_id
        self.report.imported.append({
            "name": prepared.name, "id": document_id, "title": document.title,
            "format": prepared.format, "encoding": prepared.encoding,
            "damage": len(document.meta.get("damage", [])),
        })


def import_files(project_path: Path, inputs: list[str | Path],
                 options: ImportOptions = ImportOptions(), *, progress: Progress | None = None,
                 cancel: threading.Event | None = None, workers: int | None = None
                 ) -> ImportReport:
    """Open the project on this thread's own connection and import into it."""
    with Project.open(project_path) as project:
        return Importer(project, options, progress=progress, cancel=cancel,
                        workers=workers).run(inputs)


__all__ = ["ImportOptions", "ImportReport", "Importer", "import_files"]
