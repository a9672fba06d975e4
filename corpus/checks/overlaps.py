"""Spans of one layer that collide: an exact duplicate (the same start, end and label
twice; the fix deletes the copy) and spans of the same label that overlap
(``overlap``: nested or crossing, which no flat export can keep)."""

from __future__ import annotations

from corpus.checks.model import Finding, Fix, Mark, finding

DUPLICATE, OVERLAP = "duplicate", "overlap"


def collision_findings(marks: list[Mark]) -> list[Finding]:
    """``marks``: one layer of one document, in (start, end) order."""
    out = []
    here: tuple[int, int] | None = None
    at_here: dict[str, Mark] = {}       # the spans at the current range, by label
    reaching: dict[str, Mark] = {}      # per label, the span seen so far that ends last
    for mark in marks:
        if (mark.start, mark.end) != here:
            here, at_here = (mark.start, mark.end), {}
        first = at_here.get(mark.label)
        if first is not None:
            out.append(finding(DUPLICATE, mark, f"the same {mark.label} span is there twice",
                               Fix("delete"), first=first.id))
            continue
        at_here[mark.label] = mark
        other = reaching.get(mark.label)
        if other is not None and other.end > mark.start:
            out.append(finding(OVERLAP, mark,
                               f"overlaps the {mark.label} span {other.text} "
                               f"[{other.start}, {other.end})", None,
                               other=other.text, other_start=other.start,
                               other_end=other.end))
        if other is None or mark.end > other.end:
            reaching[mark.label] = mark
    return out
