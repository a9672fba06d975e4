"""Where relation arcs go on one line: the level of each run, how far apart the levels
are, and where each tag fits (gui/view/relation_arcs.py draws them).

Runs are stacked narrowest first, each a level above every narrower one it overlaps.
The room above a line holds ``room`` levels a full tag height apart; a line nesting
deeper gets its levels closer together in the same room (never under
:data:`MIN_PITCH` pixels), so every run keeps a height of its own.  A tag never covers
another tag of the line: it slides along its run to the nearest free place, or is left
out.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF

MIN_PITCH = 3.0         # pixels between two levels of a compact line, at least
GAP = 2.0               # pixels kept between two runs, or two tags, side by side


def levels(spans: list[tuple[float, float]]) -> list[int]:
    """The level (1 = lowest) of each run (x1, x2), given narrowest first."""
    placed: list[tuple[float, float, int]] = []
    for x1, x2 in spans:
        left, right = min(x1, x2), max(x1, x2)
        level = 1 + max((lv for a, b, lv in placed if a < right + GAP and left - GAP < b),
                        default=0)
        placed.append((left, right, level))
    return [level for *_x, level in placed]


def pitch(deepest: int, room: int, step: float) -> float:
    """Pixels between two levels on a line whose runs nest ``deepest`` levels, with
    ``room`` levels of ``step`` pixels kept above it (the top level's tag fills it)."""
    if deepest <= room:
        return step
    return max(MIN_PITCH, step * (room - 0.5) / (deepest - 0.5))


def place_tag(size: tuple[float, float], x1: float, x2: float, y: float,
              taken: list[QRectF]) -> QRectF | None:
    """A tag's box centred on the run from x1 to x2 at height ``y``: in the middle, else
    slid along the run to the nearest place where it covers none of ``taken`` (then it
    joins them); None when the run has no such place."""
    width, height = size
    left, right = min(x1, x2), max(x1, x2)
    middle = (left + right) / 2
    reach = max(0.0, (right - left - width) / 2)
    for shift in [0.0] + [d * sign for d in _steps(reach, width / 2) for sign in (1, -1)]:
        box = QRectF(middle + shift - width / 2, y - height / 2, width, height)
        if not any(box.intersects(other.adjusted(-GAP, 0, GAP, 0)) for other in taken):
            taken.append(box)
            return box
    return None


def _steps(reach: float, step: float) -> list[float]:
    """Distances from the middle a tag may slide to, ``step`` apart, up to ``reach``."""
    out, distance = [], step
    while distance < reach:
        out.append(distance)
        distance += step
    return out + ([reach] if reach > 0 else [])
