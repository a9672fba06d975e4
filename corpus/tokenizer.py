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


class Tokenizer:
    def __init__(self, cache_dir: Path) -> None:
        self.cache_dir = Path(cache_dir)
        self._jieba = None  # jieba.Tokenizer, imported on first use (0.5 s)
        self._lock = threading.Lock()

    @property
    def ready(self) -> bool:
        return self._jieba is not None

    def initialize(self) -> "Tokenizer":
        """Build jieba's prefix dictionary; idempotent.

        jieba's own ``initialize`` loads a 9 MB marshal cache in one call that
        holds the GIL for 0.3–0.8 s, freezing the window if it runs beside it.
        Building the dictionary from jieba's word list takes about a second
        but gives the GIL back every few milliseconds, so the window stays live.
        ``tmp_dir`` still points at our cache folder: nothing goes to /tmp.
        """
        with self._lock:
            if self._jieba is None:
                import jieba

                jieba.setLogLevel(logging.WARNING)
                self.cache_dir.mkdir(parents=True, exist_ok=True)
                engine = jieba.Tokenizer()
                engine.tmp_dir = str(self.cache_dir)
                engine.cache_file = f"jieba-{jieba.__version__}.cache"
                with engine.get_dict_file() as words:
                    engine.FREQ, engine.total = engine.gen_pfdict(words)
                engine.initialized = True
                self._jieba = engine
        return self

    def tokens(self, text: str) -> list[tuple[int, int]]:
        """Word ranges ``[start, end)`` in code points covering ``text``."""
        engine = self.initialize()._jieba
        return [(start, end) for _word, start, end in engine.tokenize(text, HMM=True)]
