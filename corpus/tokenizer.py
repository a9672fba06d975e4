"""Tokens: jieba word ranges, derived from a document's text and never stored as truth.

The tokenizer owns its own ``jieba.Tokenizer`` whose dictionary cache lives in
the app's cache folder (jieba's global one writes to the shared temp folder and
never checks the cache's freshness).  Initialising takes seconds the first
time: call :meth:`Tokenizer.initialize` from a worker, never the UI thread, and
keep all calls on that one worker (jieba's dictionary edits are not thread-safe).
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

import jieba

TOKENIZER_VERSION = f"jieba-{jieba.__version__}/1"


class Tokenizer:
    def __init__(self, cache_dir: Path) -> None:
        self.cache_dir = Path(cache_dir)
        self._jieba: jieba.Tokenizer | None = None
        self._lock = threading.Lock()

    @property
    def ready(self) -> bool:
        return self._jieba is not None

    def initialize(self) -> "Tokenizer":
        """Load (or build and cache) jieba's prefix dictionary; idempotent."""
        with self._lock:
            if self._jieba is None:
                jieba.setLogLevel(logging.WARNING)
                self.cache_dir.mkdir(parents=True, exist_ok=True)
                engine = jieba.Tokenizer()
                engine.tmp_dir = str(self.cache_dir)
                engine.cache_file = f"jieba-{jieba.__version__}.cache"
                engine.initialize()
                self._jieba = engine
        return self

    def tokens(self, text: str) -> list[tuple[int, int]]:
        """Word ranges ``[start, end)`` in code points covering ``text``."""
        engine = self.initialize()._jieba
        return [(start, end) for _word, start, end in engine.tokenize(text, HMM=True)]
