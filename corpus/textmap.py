"""Where each character of a derived text came from in its source text.

Cleaning turns a raw article into the document text in several passes (markup
removed, artefacts dropped, lines moved to metadata).  Each pass builds a
:class:`TextMap` from its output back to its input; the maps compose, so every
character of the stored text maps back to a raw offset and cleaning stays
auditable (DESIGN.md, contract 2).

A map is a list of segments over the derived text.  A *copy* segment holds
characters taken unchanged from the source, one to one.  An *emit* segment
holds text that stands for a source range without being a copy of it: ``\\n``
for ``\\r\\n`` or ``<p>``, ``&`` for ``&amp;``, a damage marker for ``?qǐng)``.
All offsets are code points, end-exclusive.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Segment:
    start: int          # in the derived text
    length: int         # in the derived text
    source_start: int
    source_end: int
    copied: bool

    @property
    def end(self) -> int:
        return self.start + self.length


class TextMap:
    def __init__(self, segments: list[Segment], source_length: int) -> None:
        self.segments = segments
        self.source_length = source_length
        self._starts = [s.start for s in segments]

    @property
    def length(self) -> int:
        return self.segments[-1].end if self.segments else 0

    @classmethod
    def identity(cls, length: int) -> "TextMap":
        return cls([Segment(0, length, 0, length, True)] if length else [], length)

    def _segment(self, offset: int) -> Segment:
        return self.segments[bisect_right(self._starts, offset) - 1]

    def to_source(self, offset: int) -> int:
        """Source offset of the derived character at ``offset`` (or of the end)."""
        if not 0 <= offset <= self.length:
            raise IndexError(f"offset {offset} outside 0..{self.length}")
        if offset == self.length:
            return self.segments[-1].source_end if self.segments else 0
        segment = self._segment(offset)
        if segment.copied:
            return segment.source_start + offset - segment.start
        return segment.source_start

    def source_range(self, start: int, end: int) -> tuple[int, int]:
        """The source range that the derived range [start, end) came from."""
        if start >= end:
            position = self.to_source(start)
            return position, position
        last = self._segment(end - 1)
        if last.copied:
            source_end = last.source_start + end - last.start
        else:
            source_end = last.source_end
        return self.to_source(start), source_end

    def then(self, inner: "TextMap") -> "TextMap":
        """Compose: ``self`` maps A → B and ``inner`` maps B → C; the result maps A → C."""
        out: list[Segment] = []
        for segment in self.segments:
            if not segment.copied:
                lo, hi = inner.source_range(segment.source_start, segment.source_end)
                _append(out, Segment(segment.start, segment.length, lo, hi, False))
                continue
            _compose_copy(out, segment, inner)
        return TextMap(out, inner.source_length)

    def to_json(self) -> list[list[int]]:
        return [[s.start, s.length, s.source_start, s.source_end, int(s.copied)]
                for s in self.segments]

    @classmethod
    def from_json(cls, data: list[list[int]], source_length: int) -> "TextMap":
        return cls([Segment(a, b, c, d, bool(e)) for a, b, c, d, e in data], source_length)


def _compose_copy(out: list[Segment], segment: Segment, inner: TextMap) -> None:
    """Split a copy segment of A → B at the segment boundaries of B → C."""
    b = segment.source_start
    b_end = segment.source_start + segment.length
    while b < b_end:
        piece = inner._segment(b)
        stop = min(b_end, piece.end)
        a_start = segment.start + (b - segment.source_start)
        if piece.copied:
            c = piece.source_start + b - piece.start
            _append(out, Segment(a_start, stop - b, c, c + stop - b, True))
        else:
            _append(out, Segment(a_start, stop - b, piece.source_start, piece.source_end, False))
        b = stop


def _append(out: list[Segment], segment: Segment) -> None:
    """Add a segment, merging it into the previous one when they continue each other."""
    if segment.length == 0:
        return
    if out:
        last = out[-1]
        if (last.copied and segment.copied and last.end == segment.start
                and last.source_end == segment.source_start):
            out[-1] = Segment(last.start, last.length + segment.length, last.source_start,
                              segment.source_end, True)
            return
    out.append(segment)


class TextMapBuilder:
    """Builds a derived text and its map piece by piece, left to right."""

    def __init__(self, source: str) -> None:
        self.source = source
        self._parts: list[str] = []
        self._segments: list[Segment] = []
        self._length = 0

    def copy(self, start: int, end: int) -> None:
        """Append ``source[start:end]`` unchanged."""
        if end > start:
            self._parts.append(self.source[start:end])
            _append(self._segments, Segment(self._length, end - start, start, end, True))
            self._length += end - start

    def emit(self, text: str, start: int, end: int) -> None:
        """Append ``text`` standing for ``source[start:end]`` (which may be empty)."""
        if text:
            self._parts.append(text)
            _append(self._segments, Segment(self._length, len(text), start, end, False))
            self._length += len(text)

    def build(self) -> tuple[str, TextMap]:
        return "".join(self._parts), TextMap(self._segments, len(self.source))
