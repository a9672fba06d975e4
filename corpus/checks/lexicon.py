"""The words a token may be cut after or before (jieba's dictionary, the domain
dictionary and a project's own words), for telling a deliberate cut (德州|市) from a
careless one (书|记).  Loaded once per process, on first use (≈ 0.2 s)."""

from __future__ import annotations

import os
from collections.abc import Iterable
from functools import lru_cache

from corpus.text.tokenizer import DOMAIN_DICTIONARY


@lru_cache(maxsize=1)
def dictionary_words() -> frozenset[str]:
    import jieba

    words = set()
    for path in (os.path.join(os.path.dirname(jieba.__file__), "dict.txt"), DOMAIN_DICTIONARY):
        with open(path, encoding="utf-8") as lines:
            words.update(w for w in (line.split(" ", 1)[0].strip() for line in lines)
                         if len(w) > 1)
    return frozenset(words)


@lru_cache(maxsize=1)
def _simplify():
    import opencc

    return opencc.OpenCC("t2s").convert


class Lexicon:
    """``is_word(text)``: in a dictionary, or the project's words; Traditional text is
    looked up in its Simplified form, as the tokenizer does."""

    def __init__(self, project_words: Iterable[str] = ()) -> None:
        self.extra = frozenset(project_words)
        self._words: frozenset[str] | None = None

    def is_word(self, text: str) -> bool:
        if self._words is None:
            self._words = dictionary_words()
        if text in self._words or text in self.extra:
            return True
        simple = _simplify()(text)
        return simple != text and (simple in self._words or simple in self.extra)
