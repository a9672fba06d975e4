"""Span-level agreement between two layers: exact matches and partial matches.

Spans are given as arrays of global offsets (the compared documents laid end to end),
so spans of different documents never overlap, and a label index.

* **Exact**: a match is a span equal in (start, end, label); counted as a multiset,
  so a span one layer holds twice matches at most twice.
* **Partial**: same label and overlapping ranges, matched one to one.  The number of
  matches is the *largest* possible number of one-to-one pairs (a maximum matching of
  the overlap graph, which is unique in size whatever pairs are chosen).  It is found
  exactly: a pair of spans that overlap only each other is matched at once
  (vectorised); the rest, per label, by the greedy rule that is optimal for intervals:
  take the spans of the first layer by increasing end, and match each to the
  not-yet-matched overlapping span of the other layer that ends first.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import NamedTuple

import numpy as np


class SpanArrays(NamedTuple):
    starts: np.ndarray   # int64, global offsets
    ends: np.ndarray
    labels: np.ndarray   # int64 label index

    def take(self, chosen: np.ndarray) -> "SpanArrays":
        return SpanArrays(self.starts[chosen], self.ends[chosen], self.labels[chosen])

    def __len__(self) -> int:
        return len(self.starts)


def label_sizes(spans: SpanArrays, label_count: int) -> np.ndarray:
    return np.bincount(spans.labels, minlength=label_count)


def exact_matches(a: SpanArrays, b: SpanArrays, label_count: int) -> np.ndarray:
    """Matches per label: Σ over distinct (start, end, label) of min(count in a, in b)."""
    out = np.zeros(label_count, dtype=np.int64)
    if not len(a) or not len(b):
        return out
    keys_a, keys_b = _keys(a, b, label_count)
    axis = None if keys_a.ndim == 1 else 0
    unique_a, count_a = np.unique(keys_a, return_counts=True, axis=axis)
    unique_b, count_b = np.unique(keys_b, return_counts=True, axis=axis)
    if unique_a.ndim == 1:
        _, ia, ib = np.intersect1d(unique_a, unique_b, assume_unique=True, return_indices=True)
        labels = unique_a[ia] % label_count
    else:  # offsets too large for one int64 key: rows (label, start, end)
        common = {tuple(row): i for i, row in enumerate(unique_a.tolist())}
        pairs = [(common[tuple(row)], j) for j, row in enumerate(unique_b.tolist())
                 if tuple(row) in common]
        ia = np.array([p[0] for p in pairs], dtype=np.int64)
        ib = np.array([p[1] for p in pairs], dtype=np.int64)
        labels = unique_a[ia, 0] if len(ia) else ia
    np.add.at(out, labels, np.minimum(count_a[ia], count_b[ib]))
    return out


def _keys(a: SpanArrays, b: SpanArrays, label_count: int) -> tuple[np.ndarray, np.ndarray]:
    width = int(max(a.ends.max(), b.ends.max())) + 1
    if width * width * label_count < 2 ** 62:
        return tuple(((s.starts * width + s.ends) * label_count + s.labels)  # type: ignore
                     for s in (a, b))
    return tuple(np.stack([s.labels, s.starts, s.ends], axis=1) for s in (a, b))  # type: ignore


def partial_matches(a: SpanArrays, b: SpanArrays, label_count: int) -> np.ndarray:
    """Partial matches per label (maximum one-to-one matching of overlapping spans)."""
    out = np.zeros(label_count, dtype=np.int64)
    for label in range(label_count):
        la, lb = a.take(a.labels == label), b.take(b.labels == label)
        if len(la) and len(lb):
            out[label] = _matching(la.starts, la.ends, lb.starts, lb.ends)
    return out


def _degrees(starts, ends, other_starts_sorted, other_ends_sorted) -> np.ndarray:
    """How many of the other spans overlap each span: those starting before its end,
    less those ending at or before its start (which all start before its end too)."""
    return (np.searchsorted(other_starts_sorted, ends, side="left")
            - np.searchsorted(other_ends_sorted, starts, side="right"))


def _matching(a_start, a_end, b_start, b_end) -> int:
    order = np.argsort(b_start, kind="stable")
    b_start, b_end = b_start[order], b_end[order]
    b_end_sorted = np.sort(b_end)
    a_degree = _degrees(a_start, a_end, b_start, b_end_sorted)
    b_degree = _degrees(b_start, b_end, np.sort(a_start), np.sort(a_end))
    # The other span starting last before a's end: a's partner when a has only one.
    partner = np.searchsorted(b_start, a_end, side="left") - 1
    safe = np.maximum(partner, 0)
    single = (a_degree == 1) & (partner >= 0) & (b_end[safe] > a_start) & (b_degree[safe] == 1)
    easy_b = np.zeros(len(b_start), dtype=bool)
    easy_b[safe[single]] = True
    rest_a = ~single & (a_degree > 0)
    rest_b = ~easy_b & (b_degree > 0)
    return int(single.sum()) + _greedy(a_start[rest_a], a_end[rest_a],
                                       b_start[rest_b], b_end[rest_b])


def _greedy(a_start, a_end, b_start, b_end) -> int:
    """Maximum matching of overlapping intervals: a by increasing end, each to the
    unmatched overlapping b that ends first.  Only the spans in tangled groups of
    overlaps get here, usually few."""
    if not len(a_start) or not len(b_start):
        return 0
    order = np.lexsort((b_start, b_end))
    b_start, b_end = b_start[order].tolist(), b_end[order].tolist()
    taken = [False] * len(b_end)
    longest = max(e - s for s, e in zip(b_start, b_end))
    matched = 0
    for index in np.lexsort((a_start, a_end)).tolist():
        start, end = int(a_start[index]), int(a_end[index])
        position = bisect_right(b_end, start)  # the first b ending after a's start
        # From there on every b ending at or after end + longest starts at or after end.
        while position < len(b_end) and b_end[position] < end + longest:
            if not taken[position] and b_start[position] < end:
                taken[position] = True
                matched += 1
                break
            position += 1
    return matched
