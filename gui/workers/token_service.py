"""Tokens for the view: from the project's cache, or computed by jieba on its own
single worker thread (jieba is not thread-safe) and cached for next time."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from PySide6.QtCore import QObject, QThreadPool, Signal

from corpus.text.tokenizer import Tokenizer
from gui.workers.tasks import run_task
from storage.errors import ProjectError
from storage.project import Project

PREPARE_TAGS_LIMIT = 20_000   # characters: about two seconds of jieba's tagger


class TokenService(QObject):
    ready = Signal(bool, str)          # initialised (or not, and why)
    tokensReady = Signal(int, list)    # document id, token ends
    progress = Signal(int, int)        # documents re-tokenized after a dictionary change

    def __init__(self, tokenizer: Tokenizer, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tokenizer = tokenizer
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)  # every jieba call on one thread, in order
        self.project: Project | None = None

    def _run(self, work: Callable[[], object], on_done: Callable[[object], None]) -> None:
        run_task(lambda _progress: work(), on_done=on_done, on_error=self._failed,
                 pool=self.pool)   # a bound slot: dropped with the service, a lambda is not

    def _failed(self, error: BaseException) -> None:
        self.ready.emit(False, str(error))

    def _started(self, _result) -> None:
        self.ready.emit(True, "")

    def start(self) -> None:
        self._run(self.tokenizer.initialize, self._started)

    def set_project(self, project: Project) -> None:
        """Use ``project``'s cache and its own words."""
        self.project = project
        words = project.user_words()
        self._run(lambda: [self.tokenizer.add_word(w) for w in words], lambda _r: None)

    def request(self, document_id: int, text: str) -> None:
        """Emit ``tokensReady`` for the document: at once from the cache, else when computed."""
        project = self.project
        if project is None:
            return
        cached = project.cached_tokens(document_id, self.tokenizer.key)
        if cached is not None:
            self.tokensReady.emit(document_id, cached)
            return
        revision = project.words_revision
        self._run(lambda: self.tokenizer.token_ends(text),
                  lambda ends: self._computed(project, document_id, ends, revision))

    def _computed(self, project: Project, document_id: int, ends: list[int],
                  revision: int) -> None:
        if project is not self.project:
            return  # the window moved on to another project
        project.store_tokens(document_id, self.tokenizer.key, ends, revision)
        self.tokensReady.emit(document_id, ends)

    def entities(self, document_id: int, text: str, on_done: Callable[[int, list], None]) -> None:
        """Entity suggestions from jieba's tags: the project's cached ones, else the tagger's
        (in the tokenizer's worker), which are then cached.  ``on_done`` gets the suggestions
        on the UI thread."""
        from corpus.suggest.entities import from_pos

        project = self.project
        if project is None:
            return
        cached = project.cached_pos(document_id, self.tokenizer.key)
        revision = project.words_revision

        def work():
            tags = cached if cached is not None else self.tokenizer.pos(text)
            return tags, from_pos(text, tags)

        def done(result) -> None:
            tags, found = result
            if cached is None:
                self._keep_tags(project, document_id, tags, revision)
            on_done(document_id, found)

        self._run(work, done)

    def prepare_tags(self, document_id: int, text: str) -> None:
        """Tag a just-opened document in the background, after its tokens, so that its
        entity suggestions come from the cache when asked for.  Long documents are left
        to the Suggest command: jieba tags ~10,000 characters a second, and the worker
        serves every tokenizing request in turn."""
        project = self.project
        if (project is None or len(text) > PREPARE_TAGS_LIMIT
                or project.cached_pos(document_id, self.tokenizer.key) is not None):
            return
        revision = project.words_revision
        self._run(lambda: self.tokenizer.pos(text),
                  lambda tags: self._keep_tags(project, document_id, tags, revision))

    def _keep_tags(self, project: Project, document_id: int, tags: list, revision: int) -> None:
        """Cache tags in ``project`` if the window still shows it; a cache that cannot be
        written (a read-only or locked file) is simply not kept."""
        if project is not self.project:
            return
        try:
            project.store_pos(document_id, self.tokenizer.key, tags, revision)
        except (ProjectError, sqlite3.Error):
            pass

    def change_word(self, word: str, add: bool, current: int | None) -> list[int]:
        """Add or remove a user word; the documents containing it are tokenized again
        in the background (the current one first). Returns those documents."""
        project = self.project
        affected = project.change_word(word, add)
        change = self.tokenizer.add_word if add else self.tokenizer.remove_word
        self._run(lambda: change(word), lambda _r: None)
        ordered = sorted(affected, key=lambda d: d != current)
        for done, document_id in enumerate(ordered, start=1):
            text = project.text_of(document_id)
            revision = project.words_revision
            self._run(lambda t=text: self.tokenizer.token_ends(t),
                      lambda ends, d=document_id, n=done, r=revision: (
                          self._computed(project, d, ends, r),
                          self.progress.emit(n, len(ordered))))
        return ordered
