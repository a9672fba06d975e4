"""The Simplified shadow of a text: the same text through OpenCC's Traditional→Simplified
conversion, of the same length, so that every offset found in the shadow is an offset in
the text.

Everything that reads Chinese by rule or dictionary (jieba's tokenizer and tagger, the
metric, slogan and entity suggesters) reads the shadow, so it needs its word lists in one
script only; what it finds is cut from the original text at the same offsets.  A line
whose conversion changes its length (OpenCC's phrase tables can) stays as it is.
"""

from __future__ import annotations

import threading
from functools import lru_cache

_local = threading.local()


def _converter():
    converter = getattr(_local, "converter", None)
    if converter is None:       # one per thread: nothing is shared between workers
        import opencc

        converter = _local.converter = opencc.OpenCC("t2s")
    return converter


@lru_cache(maxsize=8)
def simplified_shadow(text: str) -> str:
    """``text`` in Simplified characters, of the same length (see the module docstring).

    Cached for the last few texts: the suggesters of one document share one conversion."""
    converter = _converter()
    converted = converter.convert(text)
    if len(converted) == len(text):
        return converted
    out = []
    for line in text.split("\n"):
        simple = converter.convert(line)
        out.append(simple if len(simple) == len(line) else line)
    return "\n".join(out)
