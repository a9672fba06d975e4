"""Spans of one layer that collide: an exact duplicate (the same start, end and label
twice; the fix deletes the copy) and spans of the same label that overlap
(``overlap``: nested or crossing, which no flat export can keep)."""

from __future__ import annotations

from corpus.checks.model import Finding, Fix, Mark, finding

DUPLICATE, OVERLAP = "duplicate", "overlap"


def collision_findings(marks: list[Mark]) -> list[Finding]:
    """``marks``: one layer of one document, in (start, end) order."""
    out = []
    seen: dict[tuple[int, int, str], Mark] = {}
    open_by_label: dict[str, list[Mark]] = {}      # spans of a label not yet ended
    for mark in marks:
        key = (mark.start, mark.end, mark.label)
        if key in seen:
            out.append(finding(DUPLICATE, mark, f"the same {mark.label} span is there twice",
                               Fix("delete"), first=seen[key].id))
            continue
        seen[key] = mark
        active = [m for m in open_by_label.get(mark.label, []) if m.end > mark.start]
        if active:
            other = active[0]
            out.append(finding(OVERLAP, mark,
                               f"overlaps the {mark.label} span {other.text} "
                               f"[{other.start}, {other.end})", None,
                               other=other.text, other_start=other.start,
                               other_end=other.end))
        active.append(mark)
        open_by_label[mark.label] = active
    return out
