"""Importing files into a project: read, clean, de-duplicate, store.

Each article (a file, or one record of a CSV/JSONL/JSON file) is stored by one
INSERT, so a failure leaves nothing of it behind while the rest goes on.
Articles are committed in batches of about a quarter second: a thousand
fsyncs a second would cap the import far below what reading and cleaning can
do, and an interrupted import loses at most the last batch, which importing
the same files again restores (identical texts are never stored twice).
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from corpus.article import ImportFailure, RawArticle
from corpus.cleaning import clean
from corpus.readers import expand_inputs, read_path
from storage import connection
from storage.errors import ProjectError
from storage.project import Project

Progress = Callable[[int, int], None]
BATCH_SECONDS = 0.25
MAX_BYTES = 8 * 1024 * 1024


@dataclass(frozen=True)
class ImportOptions:
    encoding: str | None = None     # force a codec instead of detecting one
    text_field: str | None = None   # the text column of CSV/TSV/JSONL/JSON records
    format: str | None = None       # force a format instead of detecting one
    max_bytes: int = MAX_BYTES


@dataclass
class ImportReport:
    imported: list[dict] = field(default_factory=list)    # name, id, title, format, encoding
    duplicates: list[dict] = field(default_factory=list)  # name, same_as
    failed: list[dict] = field(default_factory=list)      # name, reason
    files: int = 0
    cancelled: bool = False

    @property
    def ok(self) -> bool:
        return not self.failed

    def to_dict(self) -> dict:
        return asdict(self)

    def summary(self) -> str:
        text = (f"imported {len(self.imported)}, skipped as duplicate {len(self.duplicates)}, "
                f"failed {len(self.failed)} ({self.files} files)")
        return text + (" — cancelled" if self.cancelled else "")


class Importer:
    def __init__(self, project: Project, options: ImportOptions = ImportOptions(), *,
                 progress: Progress | None = None,
                 cancel: threading.Event | None = None) -> None:
        self.project, self.options = project, options
        self.progress = progress or (lambda done, total: None)
        self.cancel = cancel or threading.Event()
        self.report = ImportReport()
        self._hashes: dict[str, int] = {}

    def run(self, inputs: list[str | Path]) -> ImportReport:
        paths, missing = expand_inputs([str(i) for i in inputs])
        self.report.failed += [{"name": f.name, "reason": f.reason} for f in missing]
        self.report.files = len(paths)
        self._hashes = self.project.content_hashes()
        done = 0
        try:
            while done < len(paths) and not self.cancel.is_set():
                done = self._batch(paths, done)
        except sqlite3.Error as error:  # the disk filled up, the file got locked …
            raise connection.translate(self.project.path, error) from None
        self.report.cancelled = done < len(paths)
        return self.report

    def _batch(self, paths: list[Path], done: int) -> int:
        """Import files until the batch's time is up; commit them together."""
        deadline = time.monotonic() + BATCH_SECONDS
        with self.project.db.atomic():
            while done < len(paths) and not self.cancel.is_set():
                self._file(paths[done])
                done += 1
                self.progress(done, len(paths))
                if time.monotonic() > deadline:
                    break
        return done

    def _file(self, path: Path) -> None:
        items = read_path(path, encoding=self.options.encoding,
                          text_field=self.options.text_field, format=self.options.format,
                          max_bytes=self.options.max_bytes)
        for item in items:
            if isinstance(item, ImportFailure):
                self.report.failed.append({"name": item.name, "reason": item.reason})
            else:
                self._article(item)

    def _article(self, article: RawArticle) -> None:
        try:
            document = clean(article)
        except ValueError as error:  # an article the cleaner refuses (e.g. nothing left)
            self.report.failed.append({"name": article.name, "reason": str(error)})
            return
        except Exception as error:  # a bug must not cost the user the rest of the batch
            reason = f"could not be cleaned ({type(error).__name__}: {error})"
            self.report.failed.append({"name": article.name, "reason": reason})
            return
        same = self._hashes.get(document.content_hash)
        if same is not None:
            self.report.duplicates.append({"name": article.name, "same_as": same})
            return
        document_id = self.project.insert_document(document)  # one statement: all or nothing
        self._hashes[document.content_hash] = document_id
        self.report.imported.append({
            "name": article.name, "id": document_id, "title": document.title,
            "format": article.format, "encoding": article.encoding,
            "damage": len(document.meta.get("damage", [])),
        })


def import_files(project_path: Path, inputs: list[str | Path],
                 options: ImportOptions = ImportOptions(), *, progress: Progress | None = None,
                 cancel: threading.Event | None = None) -> ImportReport:
    """Open the project on this thread's own connection and import into it."""
    with Project.open(project_path) as project:
        return Importer(project, options, progress=progress, cancel=cancel).run(inputs)


__all__ = ["ImportOptions", "ImportReport", "Importer", "import_files", "ProjectError"]
