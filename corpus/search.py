"""Finding a pattern in a text, and the concordance line (KWIC) of each hit.

A pattern is plain text or a regular expression (Python ``re``).  Hits never
overlap and never are empty; they are found left to right, as ``str.count`` and
``re.finditer`` count them.  In whole-words mode a hit must start and end on
token boundaries; a misplaced match is tried again one character later, so an
aligned hit that overlaps a misplaced one is still found.  Offsets are code
points, end-exclusive.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field

from corpus.suggest.occurrences import find_occurrences

CONTEXT = 20  # characters of context on each side, by default


class PatternError(ValueError):
    """A pattern that cannot be searched for: the message says why, and where."""


@dataclass(frozen=True)
class Hit:
    document_id: int
    start: int
    end: int
    left: str
    text: str
    right: str
    labels: tuple[str, ...] = ()

    def to_json(self) -> dict:
        return {"document": self.document_id, "start": self.start, "end": self.end,
                "left": self.left, "hit": self.text, "right": self.right,
                "labels": list(self.labels)}


@dataclass(frozen=True)
class Matcher:
    """A compiled pattern: ``Matcher.build("局")``, ``Matcher.build(r"\\d+%", regex=True)``."""

    pattern: str
    regex: bool = False
    compiled: re.Pattern | None = field(default=None, compare=False)

    @classmethod
    def build(cls, pattern: str, regex: bool = False) -> Matcher:
        if not pattern:
            raise PatternError("the search pattern is empty")
        if not regex:
            return cls(pattern)
        try:
            compiled = re.compile(pattern)
        except re.error as error:
            raise PatternError(regex_problem(pattern, error)) from None
        return cls(pattern, True, compiled)

    @property
    def literal(self) -> str | None:
        """The plain text every hit equals (None for a regular expression)."""
        return None if self.regex else self.pattern

    def hits(self, text: str, bounds: Collection[int] | None = None) -> Iterator[tuple[int, int]]:
        """``(start, end)`` of every hit in ``text``; with ``bounds`` (token boundaries,
        0 and len(text) included) only hits that start and end on one."""
        if bounds is None:
            return self._all(text)
        return self._aligned(text, bounds)

    def _all(self, text: str) -> Iterator[tuple[int, int]]:
        if self.compiled is not None:
            return ((m.start(), m.end()) for m in self.compiled.finditer(text)
                    if m.end() > m.start())
        size = len(self.pattern)   # the same left-to-right scan as Label All Occurrences
        return ((start, start + size) for start in find_occurrences(text, self.pattern))

    def _aligned(self, text: str, bounds: Collection[int]) -> Iterator[tuple[int, int]]:
        search = self._search_from()
        position = 0
        while position <= len(text):
            found = search(text, position)
            if found is None:
                return
            start, end = found
            if end > start and start in bounds and end in bounds:
                yield start, end
                position = end
            else:
                position = start + 1

    def _search_from(self) -> Callable[[str, int], tuple[int, int] | None]:
        if self.compiled is not None:
            compiled = self.compiled

            def search(text: str, position: int) -> tuple[int, int] | None:
                match = compiled.search(text, position)
                return None if match is None else (match.start(), match.end())
            return search
        needle = self.pattern

        def find(text: str, position: int) -> tuple[int, int] | None:
            start = text.find(needle, position)
            return None if start < 0 else (start, start + len(needle))
        return find


def regex_problem(pattern: str, error: re.error) -> str:
    """``re``'s complaint in words, on one line, with the place marked in the pattern."""
    position = error.pos if error.pos is not None else len(pattern)
    return (f"bad regular expression at position {position}: {error.msg} "
            f"(here: {pattern[:position]}▶{pattern[position:]})")


def token_bounds(ends: list[int]) -> frozenset[int]:
    """Every token boundary of a text from its token ends (0 included)."""
    return frozenset([0, *ends])


def concordance(document_id: int, text: str, start: int, end: int, width: int = CONTEXT,
                labels: tuple[str, ...] = ()) -> Hit:
    return Hit(document_id, start, end, text[max(0, start - width):start], text[start:end],
               text[end:end + width], labels)


class Covering:
    """The labels of the spans that contain a range (``start <= s.start``, ``e.end <= end``),
    from ``(start, end, label)`` triples of one document."""

    def __init__(self, spans: list[tuple[int, int, str]]) -> None:
        self.spans = sorted(spans)
        self.starts = [s[0] for s in self.spans]

    def labels(self, start: int, end: int) -> tuple[str, ...]:
        upto = bisect_right(self.starts, start)
        return tuple(sorted({label for s, e, label in self.spans[:upto] if e >= end}))


def one_line(text: str) -> str:
    """Context shown on one line: line breaks as a return symbol, tabs as spaces."""
    return text.replace("\r", "").replace("\n", "⏎").replace("\t", " ")


SORT_KEYS: dict[str, Callable[[Hit], tuple]] = {
    # the left context is read backwards from the hit: sort by its reversed string
    "left": lambda h: (h.left[::-1], h.document_id, h.start),
    "right": lambda h: (h.right, h.document_id, h.start),
    "hit": lambda h: (h.text, h.document_id, h.start),
    "document": lambda h: (h.document_id, h.start),
    "label": lambda h: (h.labels == (), h.labels, h.document_id, h.start),
}
