"""Flat formats (CoNLL, word BIO, Hugging Face, spaCy) hold no overlapping spans.

Policies: ``longest`` keeps the longest of overlapping spans (ties: the earlier,
then the label listed first), ``priority`` keeps the span whose label is listed
first (ties: the longer), ``fail`` stops the export with a conflict report.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from corpus.formats.model import ExportError

POLICIES = ("longest", "priority", "fail")
EXAMPLES = 5


@dataclass(frozen=True)
class Conflict:
    document_id: int
    kept: tuple[int, int, str]
    dropped: tuple[int, int, str]

    def describe(self) -> str:
        (ks, ke, kl), (ds, de, dl) = self.kept, self.dropped
        return f"document {self.document_id}: [{ds}, {de}) {dl} overlaps [{ks}, {ke}) {kl}"


def has_overlap(spans) -> bool:
    """Whether any two spans overlap, or (for spans not sorted by start) whether a span
    starts before one listed earlier ends: False means sorted and flat."""
    reach = -1
    for span in spans:
        if span.start < reach:
            return True
        reach = max(reach, span.end)
    return False


def resolve(document_id: int, spans: list, policy: str,
            labels: tuple[str, ...] = ()) -> tuple[list, list[Conflict]]:
    """The spans a flat format can hold (sorted by start) and what was dropped for each."""
    if not has_overlap(spans):   # the usual case: already sorted and flat
        return list(spans), []
    ordered = sorted(spans, key=lambda s: (s.start, s.end))
    if not has_overlap(ordered):
        return ordered, []
    if policy not in POLICIES:
        raise ValueError(f"unknown overlap policy {policy!r} (known: {', '.join(POLICIES)})")
    rank = {label: i for i, label in enumerate(labels)}

    def key(span) -> tuple:
        length, order = -(span.end - span.start), rank.get(span.label, len(rank))
        return (order, length, span.start) if policy == "priority" else (length, span.start, order)

    kept = _Kept()
    conflicts: list[Conflict] = []
    for span in sorted(ordered, key=key):
        rival = kept.rival(span.start, span.end)
        if rival is None:
            kept.add(span)
        else:
            conflicts.append(Conflict(document_id, (rival.start, rival.end, rival.label),
                                      (span.start, span.end, span.label)))
    if policy == "fail":
        raise ExportError(conflict_message(conflicts))
    return kept.spans, conflicts


class _Kept:
    """The spans kept so far: disjoint, so sorted by start they are sorted by end too,
    and the first one ending after a start is the only candidate rival (a bisection,
    not a scan: 20,000 nested spans must not cost 20,000² comparisons)."""

    def __init__(self) -> None:
        self.spans: list = []
        self._ends: list[int] = []

    def rival(self, start: int, end: int):
        """The leftmost kept span overlapping [start, end), or None."""
        i = bisect_right(self._ends, start)
        if i < len(self.spans) and self.spans[i].start < end:
            return self.spans[i]
        return None

    def add(self, span) -> None:
        i = bisect_right(self._ends, span.start)
        self.spans.insert(i, span)
        self._ends.insert(i, span.end)


def conflict_message(conflicts: list[Conflict]) -> str:
    shown = "; ".join(c.describe() for c in conflicts[:EXAMPLES])
    more = f" (and {len(conflicts) - EXAMPLES} more)" if len(conflicts) > EXAMPLES else ""
    return (f"overlapping spans cannot be written to a flat format: {shown}{more}; "
            "choose the overlap policy 'longest' or 'priority'")
