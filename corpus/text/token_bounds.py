"""Token boundaries of one text, for snapping selections and moving by token."""

from __future__ import annotations

from bisect import bisect_left, bisect_right


class TokenBounds:
    """Built from token end offsets (ascending, the last one = the text's length)."""

    def __init__(self, ends: list[int]) -> None:
        self.ends = list(ends)
        self.bounds = [0, *self.ends] if self.ends else [0]

    def __bool__(self) -> bool:
        return bool(self.ends)

    def token_at(self, offset: int) -> tuple[int, int]:
        """The token containing the character at ``offset``."""
        i = bisect_right(self.ends, offset)
        i = min(i, len(self.ends) - 1)
        return self.bounds[i], self.ends[i]

    def snap(self, start: int, end: int) -> tuple[int, int]:
        """Grow [start, end) to whole tokens (an empty range stays empty)."""
        if not self.ends or start >= end:
            return start, end
        return self.token_at(start)[0], self.token_at(end - 1)[1]

    def next_boundary(self, offset: int) -> int:
        i = bisect_right(self.bounds, offset)
        return self.bounds[i] if i < len(self.bounds) else self.bounds[-1]

    def previous_boundary(self, offset: int) -> int:
        i = bisect_left(self.bounds, offset)
        return self.bounds[i - 1] if i > 0 else 0

    def in_range(self, start: int, end: int) -> list[tuple[int, int, int]]:
        """(index, start, end) of every token overlapping [start, end)."""
        first = bisect_right(self.ends, start)
        out = []
        for i in range(first, len(self.ends)):
            if self.bounds[i] >= end:
                break
            out.append((i, self.bounds[i], self.ends[i]))
        return out
