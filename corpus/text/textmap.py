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
All offsets are code points, end-exclusive.  Segments are plain tuples
``(start, length, source_start, source_end, copied)`` (``copied`` 1 or 0, as stored)
because a damaged article has thousands of them and the import must stay fast.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import cached_property
from itertools import accumulate, compress, cycle
from typing import NamedTuple

import orjson

START, LENGTH, SOURCE_START, SOURCE_END, COPIED = range(5)


class Segment(NamedTuple):
    """A readable view of one segment (the map itself stores plain tuples)."""

    start: int          # in the derived text
    length: int         # in the derived text
    source_start: int
    source_end: int
    copied: bool

    @property
    def end(self) -> int:
        return self.start + self.length


class TextMap:
    def __init__(self, segments: list[tuple], source_length: int) -> None:
        self._segments = segments
        self.source_length = source_length

    @cached_property
    def _starts(self) -> list[int]:
        return [s[START] for s in self._segments]

    def __getattr__(self, name: str):
        # A map that crossed a process boundary holds its stored JSON until it is read.
        if name == "_segments":
            self._segments = self.from_json(orjson.loads(self._json), self.source_length)._segments
            return self._segments
        raise AttributeError(name)

    def __reduce__(self):
        """Pickle as the JSON it is stored as: an import's workers send every map to the
        process that stores it, which then needs the JSON, not thousands of tuples."""
        return _from_json_text, (self.json_text(), self.source_length)

    # -- building ------------------------------------------------------------------
    @classmethod
    def identity(cls, length: int) -> TextMap:
        return cls([(0, length, 0, length, 1)] if length else [], length)

    @classmethod
    def from_edits(cls, source: str, edits: list[tuple[int, int, str]]) -> tuple[str, TextMap]:
        """Apply sorted, non-overlapping edits ``(start, end, replacement)`` to ``source``:
        the text between them is copied, each replacement (possibly "") emitted for its range."""
        if not edits:
            return source, cls.identity(len(source))
        starts, ends, texts = zip(*edits)
        pieces = [source[a:b] for a, b in zip((0, *ends), (*starts, len(source)))]
        return cls.from_split(pieces, [end - start for start, end in zip(starts, ends)], texts)

    @classmethod
    def from_split(cls, pieces: list[str], removed: list[int],
                   replacements: list[str]) -> tuple[str, TextMap]:
        """The text and map of a source that reads ``pieces[0]``, then ``removed[0]``
        characters, then ``pieces[1]`` … where each removed range becomes its replacement
        (possibly "").  What ``re.split`` returns, turned into a map column by column
        (C-level zips and sums, no loop of appends): a damaged article has hundreds of
        edits, and this runs once per imported article.
        """
        parts = [""] * (2 * len(pieces) - 1)
        parts[::2], parts[1::2] = pieces, replacements
        source_lengths = list(map(len, parts))
        source_lengths[1::2] = removed
        sources = list(accumulate(source_lengths, initial=0))
        lengths = list(map(len, parts))
        segments = list(compress(zip(accumulate(lengths, initial=0), lengths, sources,
                                     sources[1:], cycle((1, 0))), lengths))
        return "".join(parts), cls(segments, sources[-1])

    # -- reading -------------------------------------------------------------------
    @property
    def length(self) -> int:
        last = self._segments[-1] if self._segments else None
        return last[START] + last[LENGTH] if last else 0

    @property
    def segments(self) -> list[Segment]:
        return [Segment(a, b, c, d, bool(e)) for a, b, c, d, e in self._segments]

    @property
    def is_identity(self) -> bool:
        if not self._segments:
            return self.source_length == 0
        first = self._segments[0]
        return (len(self._segments) == 1 and first[COPIED] and first[SOURCE_START] == 0
                and first[LENGTH] == self.source_length == first[SOURCE_END])

    def _find(self, offset: int) -> tuple:
        return self._segments[bisect_right(self._starts, offset) - 1]

    def _segment(self, offset: int) -> Segment:
        a, b, c, d, e = self._find(offset)
        return Segment(a, b, c, d, bool(e))

    def to_source(self, offset: int) -> int:
        """Source offset of the derived character at ``offset`` (or of the end)."""
        if not 0 <= offset <= self.length:
            raise IndexError(f"offset {offset} outside 0..{self.length}")
        if offset == self.length:
            return self._segments[-1][SOURCE_END] if self._segments else 0
        start, _length, source_start, _end, copied = self._find(offset)
        return source_start + offset - start if copied else source_start

    def source_range(self, start: int, end: int) -> tuple[int, int]:
        """The source range that the derived range [start, end) came from."""
        if start >= end:
            position = self.to_source(start)
            return position, position
        last = self._find(end - 1)
        source_end = last[SOURCE_START] + end - last[START] if last[COPIED] else last[SOURCE_END]
        return self.to_source(start), source_end

    # -- composing -------------------------------------------------------------------
    def then(self, inner: TextMap) -> TextMap:
        """Compose: ``self`` maps A → B and ``inner`` maps B → C; the result maps A → C."""
        if self.source_length != inner.length:
            raise ValueError(f"cannot compose: this map's source has {self.source_length} "
                             f"characters, the inner map's text {inner.length}")
        if inner.is_identity:
            return TextMap(self._segments, inner.source_length)
        if self.is_identity:
            return inner
        out: list[tuple] = []
        for segment in self._segments:
            if segment[COPIED]:
                _compose_copy(out, segment, inner)
            else:
                low, high = inner.source_range(segment[SOURCE_START], segment[SOURCE_END])
                _append(out, (segment[START], segment[LENGTH], low, high, 0))
        return TextMap(out, inner.source_length)

    # -- storing -----------------------------------------------------------------------
    def to_json(self) -> list[list[int]]:
        return [list(segment) for segment in self._segments]

    def json_text(self) -> str:
        """The map as stored in a project (``to_json`` as a JSON string)."""
        if "_json" not in self.__dict__:    # the tuples are ints already: orjson writes them
            self._json = orjson.dumps(self._segments).decode("utf-8")
        return self._json

    @classmethod
    def from_json(cls, data: list[list[int]], source_length: int) -> TextMap:
        return cls([(a, b, c, d, int(e)) for a, b, c, d, e in data], source_length)


def _from_json_text(json_text: str, source_length: int) -> TextMap:
    tmap = TextMap.__new__(TextMap)
    tmap._json, tmap.source_length = json_text, source_length
    return tmap


def _compose_copy(out: list[tuple], segment: tuple, inner: TextMap) -> None:
    """Split a copy segment of A → B at the segment boundaries of B → C.

    The inner segments it covers are shifted as a slice; only the first and the
    last can be cut, and only the first can join the segment before it.
    """
    a_start, length, b, _b_end, _copied = segment
    b_end = b + length
    first = bisect_right(inner._starts, b) - 1
    last = bisect_left(inner._starts, b_end)
    shift = a_start - b
    pieces = [(start + shift, size, source, source_end, copied)
              for start, size, source, source_end, copied in inner._segments[first:last]]
    pieces[0] = _cut_front(pieces[0], a_start)
    pieces[-1] = _cut_back(pieces[-1], a_start + length)
    _append(out, pieces[0])
    out.extend(pieces[1:])


def _cut_front(piece: tuple, start: int) -> tuple:
    cut = start - piece[START]
    if cut <= 0:
        return piece
    source = piece[SOURCE_START] + cut if piece[COPIED] else piece[SOURCE_START]
    return (start, piece[LENGTH] - cut, source, piece[SOURCE_END], piece[COPIED])


def _cut_back(piece: tuple, end: int) -> tuple:
    length = end - piece[START]
    if length >= piece[LENGTH]:
        return piece
    source_end = piece[SOURCE_START] + length if piece[COPIED] else piece[SOURCE_END]
    return (piece[START], length, piece[SOURCE_START], source_end, piece[COPIED])


def _append(out: list[tuple], segment: tuple) -> None:
    """Add a segment, merging it into the previous one when they continue each other."""
    if not segment[LENGTH]:
        return
    if out:
        last = out[-1]
        if (last[COPIED] and segment[COPIED] and last[START] + last[LENGTH] == segment[START]
                and last[SOURCE_END] == segment[SOURCE_START]):
            out[-1] = (last[START], last[LENGTH] + segment[LENGTH], last[SOURCE_START],
                       segment[SOURCE_END], 1)
            return
    out.append(segment)


class TextMapBuilder:
    """Builds a derived text and its map piece by piece, left to right."""

    def __init__(self, source: str) -> None:
        self.source = source
        self._parts: list[str] = []
        self._segments: list[tuple] = []
        self._length = 0

    def copy(self, start: int, end: int) -> None:
        """Append ``source[start:end]`` unchanged."""
        if end > start:
            self._parts.append(self.source[start:end])
            _append(self._segments, (self._length, end - start, start, end, 1))
            self._length += end - start

    def emit(self, text: str, start: int, end: int) -> None:
        """Append ``text`` standing for ``source[start:end]`` (which may be empty)."""
        if text:
            self._parts.append(text)
            _append(self._segments, (self._length, len(text), start, end, 0))
            self._length += len(text)

    def build(self) -> tuple[str, TextMap]:
        return "".join(self._parts), TextMap(self._segments, len(self.source))
