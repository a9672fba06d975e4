"""Adjudication: what enough annotators agree on goes to the gold layer; the rest is a
conflict for the curator.

A *candidate* is one exact (start, end, label) with the annotators whose layer has it.
A candidate held by at least K of the annotators who cover the document is *agreed*.
A candidate is *decided* when the gold layer already has a span of the same label
overlapping it (the curator accepted it, or adjusted it) or when the curator
rejected it: decided candidates are never written again, so re-running keeps every
decision the curator made.  A candidate overlapping an agreed one of the same label is
decided as well (by the span this run writes), so the first run lists the same
conflicts as every later one.  The candidates that are neither agreed nor decided are
*open*; open candidates that overlap one another form one *conflict*, listed with
the competing spans and who has each.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property

Key = tuple[int, int, str]          # start, end, label
GOLD = "gold"


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    label: str
    annotators: tuple[str, ...]     # sorted: who has exactly this span

    @cached_property
    def key(self) -> Key:       # asked for thousands of times per settle
        return (self.start, self.end, self.label)

    @property
    def support(self) -> int:
        return len(self.annotators)


@dataclass(frozen=True)
class Conflict:
    """Open candidates that overlap one another, from ``start`` to ``end``."""

    start: int
    end: int
    candidates: tuple[Candidate, ...]

    def annotators(self) -> list[str]:
        return sorted({name for c in self.candidates for name in c.annotators})


@dataclass
class Outcome:
    agreed: list[Candidate] = field(default_factory=list)     # to be written to gold
    decided: list[Candidate] = field(default_factory=list)    # already settled in gold
    conflicts: list[Conflict] = field(default_factory=list)


def default_min_agree(covering: int) -> int:
    """More than half of the annotators who cover the document."""
    return covering // 2 + 1


def candidates(layers: Mapping[str, Iterable[Key]]) -> list[Candidate]:
    """Every distinct (start, end, label) of the layers, with who has it, in text order."""
    holders: dict[Key, set[str]] = {}
    for annotator, keys in layers.items():
        for key in keys:
            holders.setdefault(tuple(key), set()).add(annotator)
    return [Candidate(*key, tuple(sorted(names))) for key, names in sorted(holders.items())]


class _GoldIndex:
    """Gold spans by label, for 'is there a gold span of this label overlapping [s, e)?'."""

    def __init__(self, gold: Iterable[Key]) -> None:
        self._by_label: dict[str, list[tuple[int, int]]] = {}
        for start, end, label in gold:
            self._by_label.setdefault(label, []).append((start, end))
        self._longest = {label: max(e - s for s, e in ranges) for label, ranges in
                         self._by_label.items()}
        for ranges in self._by_label.values():
            ranges.sort()

    def overlaps(self, start: int, end: int, label: str) -> bool:
        ranges = self._by_label.get(label)
        if not ranges:
            return False
        i = bisect_left(ranges, (start - self._longest[label], -1))
        while i < len(ranges) and ranges[i][0] < end:
            if ranges[i][1] > start:
                return True
            i += 1
        return False


def adjudicate(layers: Mapping[str, Iterable[Key]], *, gold: Iterable[Key] = (),
               rejected: Iterable[Key] = (), min_agree: int | None = None) -> Outcome:
    """Settle one document.  ``layers`` holds the compared annotators who cover it (an
    annotator with an empty layer still counts towards the default K)."""
    return settle(candidates(layers), len(layers), gold=gold, rejected=rejected,
                  min_agree=min_agree)


def settle(found: list[Candidate], covering: int, *, gold: Iterable[Key] = (),
           rejected: Iterable[Key] = (), min_agree: int | None = None) -> Outcome:
    """:func:`adjudicate` on candidates already gathered (a curator's window gathers them
    once per document and settles them again after every decision)."""
    k = min_agree if min_agree is not None else default_min_agree(covering)
    index, refused = _GoldIndex(gold), {tuple(key) for key in rejected}
    outcome, open_ = Outcome(), []
    for candidate in found:
        if candidate.key in refused or index.overlaps(*candidate.key):
            outcome.decided.append(candidate)
        elif candidate.support >= k:
            outcome.agreed.append(candidate)
        else:
            open_.append(candidate)
    written = _GoldIndex(c.key for c in outcome.agreed)
    for candidate in open_:          # settled by the span this run writes, as on a re-run
        if written.overlaps(*candidate.key):
            outcome.decided.append(candidate)
    outcome.conflicts = group_conflicts([c for c in open_ if not written.overlaps(*c.key)])
    return outcome


def group_conflicts(open_: list[Candidate]) -> list[Conflict]:
    """Candidates (sorted by start) that overlap, directly or through one another, group."""
    groups: list[list[Candidate]] = []
    reach = -1
    for candidate in sorted(open_, key=lambda c: (c.start, c.end, c.label)):
        if groups and candidate.start < reach:
            groups[-1].append(candidate)
        else:
            groups.append([candidate])
        reach = max(reach, candidate.end) if len(groups[-1]) > 1 else candidate.end
    return [Conflict(min(c.start for c in g), max(c.end for c in g), tuple(g)) for g in groups]
