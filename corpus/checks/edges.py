"""Span edges: a span that cuts through a token (``token-cut``), or that starts or ends
with white space or punctuation (``edge``; the fix trims it).

Punctuation that belongs to what is marked stays allowed at an edge: the percent and
per-mille signs (86.72%), a sign before a digit (-5%), and a bracket or quotation mark
whose partner is inside the span (国家发展和改革委员会（发改委）).  A span wrapped in
quotation marks as a whole (“严真细实快”) is trimmed to what they quote.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from corpus.checks.model import Finding, Fix, Mark, finding
from corpus.checks.tokens import WORD, DocumentTokens, plausible_cut

TOKEN_CUT, EDGE = "token-cut", "edge"
PAIRS = dict(zip("“‘「『《〈（([{【〔\"'", "”’」』》〉）)]}】〕\"'"))
_CLOSING = {close: open_ for open_, close in PAIRS.items()}
_ALLOWED = frozenset("%％‰")
_SIGNS = frozenset("-－+＋")


def is_punctuation(char: str) -> bool:
    return unicodedata.category(char).startswith("P")


# Every character of the BMP that may make an edge loose (white space, punctuation), so
# that the usual span, with letters at both ends, costs two set look-ups; a character
# beyond the BMP is asked for itself.
_LOOSE = frozenset(c for c in map(chr, range(0x10000))
                   if c.isspace() or unicodedata.category(c).startswith("P"))


def _maybe_loose(char: str) -> bool:
    return char in _LOOSE or (char > "\uffff" and is_punctuation(char))


def _loose_start(text: str, start: int, end: int) -> bool:
    """Whether the character at ``start`` should not begin the span [start, end)."""
    char = text[start]
    if char.isspace():
        return True
    if not is_punctuation(char) or char in _ALLOWED:
        return False
    if char in _SIGNS and start + 1 < end and text[start + 1].isdigit():
        return False
    if char in PAIRS:       # its partner inside, and not the span's own last character
        partner = text.find(PAIRS[char], start + 1, end)
        return partner < 0 or partner == end - 1
    return True


def _loose_end(text: str, start: int, end: int) -> bool:
    char = text[end - 1]
    if char.isspace():
        return True
    if not is_punctuation(char) or char in _ALLOWED:
        return False
    if char in _CLOSING:
        partner = text.rfind(_CLOSING[char], start, end - 1)
        return partner < 0 or partner == start
    return True


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) without the white space and stray punctuation at its edges."""
    while start < end and (_loose_start(text, start, end) or (
            text[start] in PAIRS and text[end - 1] == PAIRS[text[start]])):
        start += 1
    while end > start and _loose_end(text, start, end):
        end -= 1
    return start, end


def edge_findings(text: str, marks: list[Mark]) -> list[Finding]:
    out = []
    for mark in marks:
        if not (_maybe_loose(mark.text[0]) or _maybe_loose(mark.text[-1])):
            continue
        bad_start = _loose_start(text, mark.start, mark.end)
        bad_end = _loose_end(text, mark.start, mark.end)
        if not (bad_start or bad_end):
            continue
        start, end = trimmed(text, mark.start, mark.end)
        fix = Fix("trim", start=start, end=end) if start < end else None
        where = [f"starts with {_describe(text[mark.start])}"] if bad_start else []
        where += [f"ends with {_describe(text[mark.end - 1])}"] if bad_end else []
        out.append(finding(EDGE, mark, " and ".join(where), fix,
                           start_char=text[mark.start] if bad_start else "",
                           end_char=text[mark.end - 1] if bad_end else ""))
    return out


def _describe(char: str) -> str:
    return "white space" if char.isspace() else f"“{char}”"


def token_cut_findings(text: str, marks: list[Mark], tokens: DocumentTokens,
                       is_word: Callable[[str], bool]) -> list[Finding]:
    """Spans whose start or end falls inside a token, unless a word inside the token
    begins or ends there (德州 of 德州市 is a fine span; 书 of 书记 is not)."""
    out = []
    for mark in marks:
        cuts = []
        for offset in (mark.start, mark.end):
            if not (0 < offset < len(text) and text[offset - 1] in WORD
                    and text[offset] in WORD):
                continue                # a boundary, whatever the tokens
            token = tokens.token_at(offset)
            if token is not None and not plausible_cut(text, token, offset, is_word):
                cuts.append(token)
        if cuts:
            words = "、".join(text[a:b] for a, b in dict.fromkeys(cuts))
            out.append(finding(TOKEN_CUT, mark, f"cuts through the word {words}", None,
                               words=words))
    return out
