"""Where a number stands in a quotation, for the metric suggester: inside a short quotation
its quantity belongs to a slogan (the guidelines: “十大工程”, “15分钟政务服务圈” are slogans
as a whole).

Quotation marks are the Chinese pairs (“…” ‘…’ 「…」 『…』) and straight double quotes, which
some cleaned texts use; a straight quote opens when an even number of them precede it on its
line.
"""

from __future__ import annotations

import re

PAIRS = (("“", "”"), ("‘", "’"), ("「", "」"), ("『", "』"))
SHORT_QUOTE = 20
_ANY_OPEN = re.compile('[“‘「『"]')
_SENTENCE = re.compile("[。！？；：，,!?;:…]")


def _straight_open(text: str, start: int) -> int:
    """The offset of the straight quote that opens a quotation around ``start``, or -1."""
    line_start = text.rfind("\n", 0, start) + 1
    opened = text.rfind('"', max(line_start, start - SHORT_QUOTE), start)
    if opened < 0 or text.count('"', line_start, opened) % 2:
        return -1
    return opened


def quotation_around(text: str, start: int, end: int) -> tuple[int, int] | None:
    """(open, close) offsets of the marks of a quotation of at most SHORT_QUOTE characters
    around [start, end), or None."""
    if not _ANY_OPEN.search(text, max(0, start - SHORT_QUOTE), start):
        return None                      # the usual case: one scan of 20 characters in C
    for open_, close in (*PAIRS, ('"', '"')):
        if open_ == '"':
            opened = _straight_open(text, start)
        else:
            opened = text.rfind(open_, max(0, start - SHORT_QUOTE), start)
        if opened < 0 or text.find(close, opened + 1, start) >= 0:
            continue
        closed = text.find(close, end, opened + SHORT_QUOTE + 2)
        if closed >= 0:
            return opened, closed
    return None


def in_short_quote(text: str, start: int, end: int) -> bool:
    """Whether [start, end) lies inside a quotation of at most 20 characters (a slogan)."""
    return quotation_around(text, start, end) is not None


def in_a_slogan(text: str, start: int, end: int) -> bool:
    """Whether [start, end) lies inside a short quotation that reads as a slogan, not as
    speech: no sentence punctuation inside (“15分钟政务服务圈”, “黄金20条”)."""
    around = quotation_around(text, start, end)
    return around is not None and not _SENTENCE.search(text, around[0], around[1])
