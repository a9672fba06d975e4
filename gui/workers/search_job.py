"""A corpus search in a worker thread: hits arrive in batches while it runs (the first
page at once), the count goes on past what the table shows, and Cancel stops it.

The worker opens the project file read-only on its own connection (SQLite connections
stay on the thread that made them); the window's connection is never shared.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from corpus.search import Hit
from gui.workers.tasks import run_task
from storage.project import Project
from storage.views.search import ProjectTokens, Search, SearchRequest
from storage.views.search_parallel import default_workers

FIRST_PAGE = 50         # hits sent as soon as they are found
BATCH_SECONDS = 0.15    # later hits are sent this often
SHOWN = 100_000         # hits the table holds; the count goes on


class SearchJob(QObject):
    hitsFound = Signal(list, int, int)   # new hits, hits so far, documents so far
    finished = Signal(int, int, bool)    # hits, documents, cancelled
    failed = Signal(object)

    def __init__(self, path: Path, request: SearchRequest, tokenizer=None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path, self.request, self.tokenizer = path, request, tokenizer
        self.cancel_event = threading.Event()
        self._lock = threading.Lock()
        self._pending: list[Hit] = []
        self._counts = (0, 0)
        self.tokens: ProjectTokens | None = None  # what the worker tokenized, to cache
        self.task = run_task(self._work, on_done=self._done, on_error=self.failed.emit,
                             on_progress=lambda _a, _b: self._deliver())

    def cancel(self) -> None:
        self.cancel_event.set()

    def _work(self, progress) -> tuple[int, int, bool]:
        with Project.open(self.path, readonly=True) as project:
            if self.tokenizer is not None:
                self.tokens = ProjectTokens(project, self.tokenizer, load_words=False)
            search = Search(project, self.request, self.tokens, workers=default_workers())
            total = documents = 0
            last_document, batch, sent_at = None, [], 0.0
            for hit in search.hits():
                if self.cancel_event.is_set():
                    break
                total += 1
                if hit.document_id != last_document:
                    documents, last_document = documents + 1, hit.document_id
                if total <= SHOWN:
                    batch.append(hit)
                now = time.monotonic()
                if total == FIRST_PAGE or now - sent_at > BATCH_SECONDS:
                    self._send(batch, total, documents, progress)
                    batch, sent_at = [], now
            self._send(batch, total, documents, progress)
        return total, documents, self.cancel_event.is_set()

    def _send(self, batch: list[Hit], total: int, documents: int, progress) -> None:
        with self._lock:
            self._pending.extend(batch)
            self._counts = (total, documents)
        progress(total, documents)

    def _deliver(self) -> None:
        """On the UI thread: hand over what the worker found since the last time."""
        with self._lock:
            batch, self._pending = self._pending, []
            total, documents = self._counts
        if batch or total:
            self.hitsFound.emit(batch, total, documents)

    def _done(self, result: tuple[int, int, bool]) -> None:
        self._deliver()
        self.finished.emit(*result)
