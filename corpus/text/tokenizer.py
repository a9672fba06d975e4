"""Tokens: jieba word ranges, derived from a document's text and never stored as truth.

The tokenizer owns its own ``jieba.Tokenizer`` (jieba's global one writes its
cache to the shared temp folder); it loads the domain dictionary shipped in
``resources/dictionaries/`` and a project's own words.  Traditional text is
tokenized through an OpenCC Traditional→Simplified shadow of the same length,
so offsets map back one to one.  Initialising takes about a second: call
:meth:`Tokenizer.initialize` from a worker, never the UI thread, and keep all
calls on that one worker (jieba's dictionary edits are not thread-safe).
"""

from __future__ import annotations

import hashlib
import logging
import re
import threading
from pathlib import Path

from corpus.resources import resource_path
from corpus.text.shadow import simplified_shadow

TOKENIZER_VERSION = "jieba-0.42.1/opencc-t2s/1"
DOMAIN_DICTIONARY = resource_path("dictionaries", "domain.txt")
_DICTIONARY_LINE = re.compile(r"^\S+ \d+ [a-z]+$")  # anything else jieba reads as one junk word


def project_word(text: str) -> str | None:
    """``text`` as a word for the project's dictionary (trimmed), or None when it cannot
    be one: empty, or with spaces inside (jieba's dictionary lines are space-separated)."""
    word = text.strip()
    return word if word and not any(char.isspace() for char in word) else None


class DictionaryError(ValueError):
    """A dictionary line jieba would misread."""


def check_dictionary(path: Path) -> list[str]:
    """The lines of a jieba dictionary file, each checked to be ``word freq tag``."""
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    lines = [line for line in lines if line]
    bad = [line for line in lines if not _DICTIONARY_LINE.match(line)]
    if bad:
        raise DictionaryError(f"{path.name}: not 'word freq tag': {bad[:3]}")
    return lines


class Tokenizer:
    def __init__(self, cache_dir: Path, domain: Path | None = DOMAIN_DICTIONARY) -> None:
        self.cache_dir = Path(cache_dir)
        self.domain = domain
        self._jieba = None  # jieba.Tokenizer, imported on first use (0.5 s)
        self._pos = None
        self._lock = threading.Lock()
        self._domain_lines = check_dictionary(domain) if domain else []
        self.key = TOKENIZER_VERSION + ":" + hashlib.sha1(
            "\n".join(self._domain_lines).encode("utf-8")).hexdigest()[:12]

    @property
    def ready(self) -> bool:
        return self._jieba is not None

    def initialize(self) -> "Tokenizer":
        """Build jieba's prefix dictionary and load the domain words; idempotent.

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
                for line in self._domain_lines:
                    word, freq, tag = line.split(" ")
                    engine.add_word(word, int(freq), tag)
                self._jieba = engine
        return self

    def add_word(self, word: str) -> None:
        """A project's own word (the annotator's user dictionary).  Text is tokenized
        through its Simplified shadow, so a Traditional word is added in that form."""
        self.initialize()._jieba.add_word(self.shadow(word))

    def remove_word(self, word: str) -> None:
        self.initialize()._jieba.del_word(self.shadow(word))

    def shadow(self, text: str) -> str:
        """The Simplified shadow of ``text``, of the same length (corpus.text.shadow)."""
        return simplified_shadow(text)

    def token_ends(self, text: str) -> list[int]:
        """The end offset of every token (code points, ascending; the last is len(text))."""
        engine = self.initialize()._jieba
        shadow = self.shadow(text)
        return [end for _word, _start, end in engine.tokenize(shadow, HMM=True)]

    def pos(self, text: str) -> list[tuple[int, int, str]]:
        """``(start, end, flag)`` for every word, from jieba's part-of-speech tagger on the
        Simplified shadow.  About 3,000 characters/s: never on the UI thread."""
        self.initialize()
        if self._pos is None:
            import jieba.posseg

            self._pos = jieba.posseg.POSTokenizer(self._jieba)
        out, position = [], 0
        for pair in self._pos.cut(self.shadow(text)):
            out.append((position, position + len(pair.word), pair.flag))
            position += len(pair.word)
        return out

    def tokens(self, text: str) -> list[tuple[int, int]]:
        """Word ranges ``[start, end)`` covering ``text``."""
        return ranges(self.token_ends(text))


def ranges(ends: list[int]) -> list[tuple[int, int]]:
    """Token ends → ``[start, end)`` ranges."""
    return list(zip([0, *ends[:-1]], ends))
