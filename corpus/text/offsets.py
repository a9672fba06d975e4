"""The one conversion between Qt's UTF-16 positions and Python code points.

Hanmark stores and exports offsets in code points (``str`` indices).  Qt's text
classes count UTF-16 code units, so every character outside the Basic
Multilingual Plane (𠮷 U+20BB7, 😀, CJK Extension B) shifts all later Qt
positions by one.  Every widget converts through an :class:`OffsetMap`; no
other module does this arithmetic.
"""

from __future__ import annotations

import re
from bisect import bisect_left

_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


class OffsetMap:
    """Converts positions for one text; O(log k) per lookup, k = astral characters."""

    __slots__ = ("_astral_cp", "_astral_u16", "_length")

    def __init__(self, text: str) -> None:
        self._astral_cp = [m.start() for m in _ASTRAL.finditer(text)]
        # UTF-16 start of the i-th astral character: each earlier one adds a unit.
        self._astral_u16 = [cp + i for i, cp in enumerate(self._astral_cp)]
        self._length = len(text)

    @property
    def has_astral(self) -> bool:
        return bool(self._astral_cp)

    @property
    def length(self) -> int:
        """Length of the text in code points."""
        return self._length

    @property
    def utf16_length(self) -> int:
        return self._length + len(self._astral_cp)

    def to_utf16(self, codepoint: int) -> int:
        """Code-point offset → UTF-16 offset."""
        if not 0 <= codepoint <= self._length:
            raise IndexError(f"code point offset {codepoint} outside 0..{self._length}")
        if not self._astral_cp:
            return codepoint
        return codepoint + bisect_left(self._astral_cp, codepoint)

    def from_utf16(self, unit: int) -> int:
        """UTF-16 offset → code-point offset.

        A position between the two halves of a surrogate pair is not a
        character boundary; it snaps back to the start of that character.
        """
        if not 0 <= unit <= self.utf16_length:
            raise IndexError(f"UTF-16 offset {unit} outside 0..{self.utf16_length}")
        if not self._astral_u16:
            return unit
        # Astral characters that start strictly before `unit`.
        before = bisect_left(self._astral_u16, unit)
        if before and self._astral_u16[before - 1] + 1 == unit:
            return self._astral_cp[before - 1]  # inside a surrogate pair
        return unit - before

    def range_to_utf16(self, start: int, end: int) -> tuple[int, int]:
        return self.to_utf16(start), self.to_utf16(end)

    def range_from_utf16(self, start: int, end: int) -> tuple[int, int]:
        """A UTF-16 range → code points; an end inside a pair grows to cover it."""
        cp_start = self.from_utf16(start)
        cp_end = self.from_utf16(end)
        if cp_end < self._length and self.to_utf16(cp_end) < end:
            cp_end += 1
        return cp_start, cp_end



def utf16_length(text: str) -> int:
    """Length of ``text`` in UTF-16 code units."""
    return len(text) + sum(1 for _ in _ASTRAL.finditer(text))


__all__ = ["OffsetMap", "utf16_length"]
