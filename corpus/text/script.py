"""Which script a document is written in: Traditional or Simplified Chinese.

A Simplified text is its own OpenCC Traditional→Simplified (t2s) conversion; a
Traditional one differs from it in about a third of its Han characters (the seed
articles 002 and 004: 32 % and 39 %).  Reading the first few thousand characters is
enough, and costs well under a millisecond."""

from __future__ import annotations

from corpus.text.shadow import simplified_shadow

SAMPLE = 4000            # characters read from the start of the text
TRADITIONAL_SHARE = 0.05  # of its Han characters that t2s changes
MIN_CHANGED = 3           # a quotation of a few Traditional characters is not enough


def _is_han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf"


def is_traditional(text: str) -> bool:
    """Whether ``text`` is mostly Traditional Chinese (judged on its first SAMPLE
    characters)."""
    sample = text[:SAMPLE]
    han = sum(map(_is_han, sample))
    if not han:
        return False
    converted = simplified_shadow(sample)      # the same length, line by line
    changed = sum(a != b for a, b in zip(sample, converted))
    return changed >= MIN_CHANGED and changed >= TRADITIONAL_SHARE * han
