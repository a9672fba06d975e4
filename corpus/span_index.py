"""The spans of one document, kept sorted, updated one span at a time.

A long document carries tens of thousands of spans; an edit must cost what
the edit touches, not what the document holds, so nothing here re-sorts or
re-reads the whole set.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from corpus.span import Span


def _key(span: Span) -> tuple[int, int, int]:
    return (span.start, span.end, span.id or 0)


class SpanIndex:
    def __init__(self, spans: list[Span] | None = None) -> None:
        self._spans = sorted(spans or [], key=_key)
        self._keys = [_key(s) for s in self._spans]
        self._longest = max((s.length for s in self._spans), default=0)
        self._by_id = {s.id: s for s in self._spans if s.id}   # get() without a scan

    def __len__(self) -> int:
        return len(self._spans)

    def __iter__(self):
        return iter(self._spans)

    def __getitem__(self, index: int) -> Span:
        return self._spans[index]

    def list(self) -> list[Span]:
        return list(self._spans)

    def position(self, span: Span) -> int:
        """Where ``span`` is (or would be) in the sorted order."""
        return bisect_left(self._keys, _key(span))

    def add(self, span: Span) -> int:
        position = self.position(span)
        self._spans.insert(position, span)
        self._keys.insert(position, _key(span))
        self._longest = max(self._longest, span.length)
        if span.id:
            self._by_id[span.id] = span
        return position

    def remove(self, span: Span) -> int | None:
        """Remove the span with ``span``'s id (looked up by its offsets); its old position."""
        position = self.position(span)
        if position < len(self._spans) and self._spans[position].id == span.id:
            del self._spans[position], self._keys[position]
            self._by_id.pop(span.id, None)
            return position
        return None

    def get(self, span_id: int | None) -> Span | None:
        return self._by_id.get(span_id) if span_id else None

    def containing(self, offset: int) -> list[Span]:
        """Every span with start <= offset < end."""
        right = bisect_right(self._keys, (offset, float("inf"), 0))
        out = []
        for i in range(right - 1, -1, -1):
            span = self._spans[i]
            if span.start < offset - self._longest:
                break
            if span.end > offset:
                out.append(span)
        return out

    def overlapping(self, start: int, end: int) -> list[Span]:
        """Every span sharing a character with [start, end), in order: what a drawing of
        that range needs, looked up by bisection (a screen of a long document costs what
        is on it)."""
        lo = bisect_left(self._keys, (start - self._longest, -1, -1))
        hi = bisect_left(self._keys, (end, -1, -1))
        return [s for s in self._spans[lo:hi] if s.end > start]

    def innermost(self, offset: int) -> Span | None:
        hits = self.containing(offset)
        return min(hits, key=lambda s: (s.length, s.start)) if hits else None

    def starting_in(self, start: int, end: int) -> list[Span]:
        """Every span whose start lies in [start, end) (what a screen of text shows)."""
        first = bisect_left(self._keys, (start, -1, -1))
        last = bisect_left(self._keys, (end, -1, -1), lo=first)
        return self._spans[first:last]

    def after(self, offset: int) -> Span | None:
        """The first span starting after ``offset`` (Tab)."""
        i = bisect_right(self._keys, (offset, float("inf"), 0))
        return self._spans[i] if i < len(self._spans) else None

    def before(self, offset: int) -> Span | None:
        """The last span starting before ``offset`` (Shift+Tab)."""
        i = bisect_left(self._keys, (offset, -1, -1))
        return self._spans[i - 1] if i > 0 else None


__all__ = ["SpanIndex"]
