"""The tokenizer in a process of its own.

jieba is pure Python: importing it holds the GIL for half a second and
tokenizing runs at about 100,000 characters a second, so a 1,000,000-character
document would compete with the window for ten seconds.  In a separate process
it competes with nothing.  :class:`ProcessTokenizer` has the interface of
:class:`corpus.text.tokenizer.Tokenizer`; each call waits for the child, so the
caller (one worker thread) keeps jieba's calls in order.  If the child cannot
start, it carries on in-process.
"""

from __future__ import annotations

import logging
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import get_context
from pathlib import Path

from corpus.text.tokenizer import DOMAIN_DICTIONARY, Tokenizer, ranges

_CHILD: Tokenizer | None = None  # the tokenizer inside the child process
log = logging.getLogger(__name__)


def _start_child(cache_dir: str, domain: str | None) -> None:
    global _CHILD
    _CHILD = Tokenizer(Path(cache_dir), Path(domain) if domain else None)


def _call(method: str, *args):
    result = getattr(_CHILD, method)(*args)
    return None if result is _CHILD else result


class ProcessTokenizer:
    def __init__(self, cache_dir: Path, domain: Path | None = DOMAIN_DICTIONARY) -> None:
        self._local = Tokenizer(cache_dir, domain)  # the key, and the fallback
        self.key = self._local.key
        self.in_process = False
        self._ready = False
        self._pool = ProcessPoolExecutor(
            max_workers=1, mp_context=get_context("spawn"), initializer=_start_child,
            initargs=(str(cache_dir), str(domain) if domain else None))

    @property
    def ready(self) -> bool:
        return self._ready or self._local.ready

    def _run(self, method: str, *args):
        if not self.in_process:
            try:
                return self._pool.submit(_call, method, *args).result()
            except BrokenProcessPool as error:  # e.g. an embedded interpreter that cannot spawn
                log.warning("tokenizer process unavailable (%s); tokenizing in-process", error)
                self.in_process = True
        return getattr(self._local, method)(*args)

    def initialize(self) -> "ProcessTokenizer":
        self._run("initialize")
        self._ready = True
        return self

    def add_word(self, word: str) -> None:
        self._run("add_word", word)

    def remove_word(self, word: str) -> None:
        self._run("remove_word", word)

    def token_ends(self, text: str) -> list[int]:
        return self._run("token_ends", text)

    def pos(self, text: str) -> list[tuple[int, int, str]]:
        return self._run("pos", text)

    def tokens(self, text: str) -> list[tuple[int, int]]:
        return ranges(self.token_ends(text))

    def close(self) -> None:
        """Stop the child without waiting for work in progress (the app is quitting)."""
        self._pool.shutdown(wait=False, cancel_futures=True)
