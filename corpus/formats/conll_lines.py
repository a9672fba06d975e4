"""CoNLL character lines: escaping a token, and writing documents one character per line.

White space and the backslash cannot stand on a line of their own, so they are
escaped: ``\\n`` newline, ``\\t`` tab, ``\\r`` carriage return, ``\\s`` space,
``\\\\`` backslash, ``\\uXXXX`` any other white space.

:func:`reference_lines` says what a document's lines are, one character at a
time.  :func:`documents_lines` writes the same bytes for many documents at once
about ten times faster (export's target is 100,000 spans a second): the lines
outside spans are cut from one string made in C, and Python only touches the
spans and the few places where a blank line goes.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from corpus.formats import tags as tagging

DOCSTART = "-DOCSTART-"
ENDERS = "。！？"
SPECIAL = re.compile(r"[\s\\]")
_ESCAPES = {"\n": "\\n", "\t": "\\t", "\r": "\\r", " ": "\\s", "\\": "\\\\"}
_UNESCAPE = re.compile(r"\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)")
_NAMED = {"n": "\n", "t": "\t", "r": "\r", "s": " ", "\\": "\\"}


def escape(token: str) -> str:
    if SPECIAL.search(token) is None:
        return token
    return "".join(_ESCAPES.get(c) or (f"\\u{ord(c):04x}" if c.isspace() else c) for c in token)


def unescape(token: str) -> str:
    if "\\" not in token:
        return token
    return _UNESCAPE.sub(lambda m: _NAMED.get(m.group(1)) or chr(int(m.group(1)[1:], 16)), token)


def reference_lines(text: str, spans, scheme: str = "bio", sentences: bool = False) -> str:
    """One document's lines, ``CHAR TAG`` for each character, then a blank line; with
    ``sentences`` a ``-DOCSTART- O`` line first and a blank line after each 。！？
    outside spans.  ``spans`` sorted and not overlapping."""
    tags = tagging.encode(len(text), [(s.start, s.end, s.label) for s in spans], scheme)
    out = [f"{DOCSTART} O\n\n"] if sentences else []
    for char, tag in zip(text, tags):
        out.append(f"{escape(char)} {tag}\n")
        if sentences and tag == tagging.OUTSIDE and char in ENDERS:
            out.append("\n")
    out.append("\n")
    return "".join(out)


def documents_lines(documents: list[tuple[str, list]], scheme: str = "bio",
                    sentences: bool = False) -> bytes:
    """:func:`reference_lines` of each (text, spans) pair, in UTF-8, joined.

    The texts are joined into one and each character that needs escaping is
    replaced by a stand-in (:func:`_stand_ins`), giving ``marked``.  Then
    ``marked.replace("", " O\\n")`` puts ``" O\\n"`` after every character (and
    one before the first), so the lines of characters ``[a, b)`` outside spans
    are its slice ``[4a + 3, 4b + 3)``.  The spans' lines, the blank lines and
    the -DOCSTART- lines go between those slices; the escapes go into the bytes.
    """
    stand_ins = _stand_ins("".join(text for text, _ in documents))
    if stand_ins is None:   # too many kinds of character to escape: one at a time
        return b"".join(_one_by_one(text, spans, scheme, sentences) for text, spans in documents)
    marked, undo = stand_ins
    lines = _Lines(marked, scheme, _sentence_breaks(marked) if sentences else None)
    for text, spans in documents:
        lines.add(len(text), spans)
    data = "".join(lines.parts).encode()
    for stand_in, escaped in undo:
        data = data.replace(stand_in, escaped)
    return data


def _one_by_one(text: str, spans, scheme: str, sentences: bool) -> bytes:
    if _stand_ins(text) is None:
        return reference_lines(text, spans, scheme, sentences).encode()
    return documents_lines([(text, spans)], scheme, sentences)


class _Lines:
    """The pieces of the lines of documents that follow each other in ``marked``."""

    def __init__(self, marked: str, scheme: str, breaks: list[int] | None) -> None:
        self.marked, self.scheme, self.breaks = marked, scheme, breaks
        self.plain = marked.replace("", " O\n")
        self.parts: list[str] = []
        self.base = 0   # where the next document starts in ``marked``

    def add(self, length: int, spans) -> None:
        """The next document: ``length`` characters, ``spans`` sorted and flat."""
        marked, plain, base, parts = self.marked, self.plain, self.base, self.parts
        breaks, scheme = self.breaks, self.scheme
        if breaks is not None:
            parts.append(f"{DOCSTART} O\n\n")
        cut = 4 * base + 3   # where in ``plain`` the next outside line starts
        for span in spans:
            start, end = base + span.start, base + span.end
            stop = 4 * start + 3
            parts += (plain[cut:stop] if breaks is None else self._broken(cut, stop),
                      _span_template(end - start, span.label, scheme) % tuple(marked[start:end]))
            cut = 4 * end + 3
        self.base = base + length
        stop = 4 * self.base + 3
        parts += (plain[cut:stop] if breaks is None else self._broken(cut, stop), "\n")

    def _broken(self, cut: int, stop: int) -> str:
        """``plain[cut:stop]`` with a blank line at each sentence break inside (a break
        at ``cut`` ends a span's last line: it belongs to the span)."""
        pieces = []
        for at in self.breaks[bisect_right(self.breaks, cut):bisect_right(self.breaks, stop)]:
            pieces += (self.plain[cut:at], "\n")
            cut = at
        pieces.append(self.plain[cut:stop])
        return "".join(pieces)


@lru_cache(maxsize=4096)
def _span_template(length: int, label: str, scheme: str) -> str:
    """``"%s B-L\\n%s I-L\\n..."``: a span's lines with its characters left out."""
    label = label.replace("%", "%%")
    return "".join(f"%s {tag}\n" for tag in tagging.span_tags(length, label, scheme))


def _sentence_breaks(marked: str) -> list[int]:
    """Where in ``plain`` the line of each 。！？ ends: a blank line may go there."""
    found = []
    for char in ENDERS:
        at = marked.find(char)
        while at >= 0:
            found.append(4 * at + 7)
            at = marked.find(char, at + 1)
    return sorted(found)


# Control characters that are not white space: one byte in UTF-8, never part of another
# character's bytes, so each can stand in for a character to escape and be swapped back.
# Not U+0000: ``str.find`` looks for it in CJK text without memchr, ten times slower.
_STAND_INS = "".join(map(chr, [*range(0x01, 0x09), *range(0x0E, 0x1C)]))
_COMMON = " \n\r\t\\"


def _stand_ins(text: str) -> tuple[str, list[tuple[bytes, bytes]]] | None:
    """``text`` with every white space character and backslash replaced by a control
    character it does not hold, and the (stand-in, escape) pairs in UTF-8; None when
    there are not enough free control characters."""
    free = (char for char in _STAND_INS if char not in text)
    marked, undo = _swap(text, [char for char in _COMMON if char in text], free, [])
    if marked is not None and _has_white_space(marked):   # U+3000, U+00A0, ...
        marked, undo = _swap(marked, sorted(set(SPECIAL.findall(marked))), free, undo)
    return None if marked is None else (marked, undo)


def _swap(marked: str, chars, free, undo: list) -> tuple[str | None, list]:
    for char in chars:
        stand_in = next(free, None)
        if stand_in is None:
            return None, undo
        marked = marked.replace(char, stand_in)
        undo.append((stand_in.encode(), _escaped(char)))
    return marked, undo


@lru_cache(maxsize=256)
def _escaped(char: str) -> bytes:
    return escape(char).encode()


def _has_white_space(text: str) -> bool:
    """Whether ``text`` holds any white space; ``split`` stops at the first in the middle,
    and (stripping the ends) finds none at either end."""
    return text[:1].isspace() or text[-1:].isspace() or len(text.split(None, 1)) > 1
