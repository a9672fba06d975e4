"""Character-level agreement: Cohen's κ per pair and Krippendorff's nominal α.

Every character of the compared documents is one item.  Its value in an annotator's
layer is the set of labels whose spans cover it (a bit mask), or none (``O``); per
label the value is binary (inside a span of that label or not).

The work is vectorised over characters: each annotator's layer becomes one mask
array over the concatenated documents, the distinct masks become small codes, and
each pair of annotators gives one joint histogram of codes per *coverage group*
(documents covered by the same set of annotators).  κ, α, the per-label values and
the confused label pairs all follow from those small histograms, with integer
arithmetic, so an undefined value (no variation) is exactly that: ``None``.
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np

MAX_LABELS = 64


def coverage_masks(starts: np.ndarray, ends: np.ndarray, labels: np.ndarray,
                   total: int, label_count: int) -> np.ndarray:
    """One annotator's layer as a bit mask per character: bit ``l`` is set where a span
    of label ``l`` covers it.  ``starts``/``ends`` are global offsets (documents laid
    end to end)."""
    if label_count > MAX_LABELS:
        raise ValueError(f"agreement compares at most {MAX_LABELS} labels at once")
    dtype = next(t for t in (np.uint8, np.uint16, np.uint32, np.uint64)
                 if np.iinfo(t).bits >= label_count)
    mask = np.zeros(total, dtype=dtype)
    for label in range(label_count):
        chosen = labels == label
        if chosen.any():
            mask[_ranges(starts[chosen], ends[chosen])] |= dtype(1 << label)
    return mask


def _ranges(starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """Every index of the ranges [start, end), concatenated (no Python loop)."""
    lengths = ends - starts
    total = int(lengths.sum())
    if total == 0:
        return np.zeros(0, dtype=np.int64)
    shift = np.repeat(starts - np.cumsum(lengths) + lengths, lengths)
    return np.arange(total, dtype=np.int64) + shift


def value_codes(masks: list[np.ndarray]) -> tuple[list[np.ndarray], np.ndarray]:
    """The masks as codes 0..K-1 over their distinct values, and those values."""
    bits = masks[0].dtype.itemsize * 8
    if bits <= 16:
        present = np.zeros(1 << bits, dtype=bool)
        for mask in masks:
            present |= np.bincount(mask, minlength=1 << bits) > 0
        values = np.flatnonzero(present).astype(np.uint64)
        lookup = np.zeros(1 << bits, dtype=np.int32)
        lookup[values.astype(np.int64)] = np.arange(len(values), dtype=np.int32)
        return [lookup[mask] for mask in masks], values
    values, inverse = np.unique(np.concatenate(masks), return_inverse=True)
    inverse = inverse.astype(np.int32).reshape(len(masks), -1)
    return list(inverse), values.astype(np.uint64)


def joint_histograms(a: np.ndarray, b: np.ndarray, groups: np.ndarray,
                     group_count: int, k: int) -> np.ndarray:
    """(group, code in a, code in b) → number of characters: shape (G, K, K)."""
    key = groups * (k * k) + a.astype(np.int64) * k + b
    return np.bincount(key, minlength=group_count * k * k).reshape(group_count, k, k)


def kappa(table: np.ndarray) -> float | None:
    """Cohen's κ from a K×K contingency table (each annotator's own marginals)."""
    total = int(table.sum())
    agree = int(np.trace(table))
    chance = sum(int(r) * int(c) for r, c in zip(table.sum(axis=1), table.sum(axis=0)))
    denominator = total * total - chance
    if denominator == 0:
        return None
    return (total * agree - chance) / denominator


def binary_table(table: np.ndarray, inside: np.ndarray) -> np.ndarray:
    """Collapse a K×K table to 2×2 for one label: ``inside[k]`` tells whether value
    ``k`` contains the label."""
    rows = np.stack([table[~inside].sum(axis=0), table[inside].sum(axis=0)])
    return np.stack([rows[:, ~inside].sum(axis=1), rows[:, inside].sum(axis=1)], axis=1)


def label_bits(values: np.ndarray, label_count: int) -> np.ndarray:
    """(K, L) bool: does value k contain label l."""
    shifts = np.arange(label_count, dtype=np.uint64)
    return ((values[:, None] >> shifts[None, :]) & np.uint64(1)).astype(bool)


class AlphaSums:
    """Krippendorff's nominal α, accumulated from joint histograms.

    For a unit (character) coded by ``m`` annotators, with ``n_uc`` of them giving
    value ``c``, the coincidence matrix gains ``n_uc (n_uc - 1) / (m - 1)`` on its
    diagonal at ``c``; ``Σ_u n_uc (n_uc - 1) = 2 Σ_{i<j} #(v_i = v_j = c)``, so the
    diagonals of the pairs' joint histograms are all that α needs besides the
    marginals.  Units with fewer than two values never enter."""

    def __init__(self, k: int) -> None:
        self.diagonal = [Fraction(0)] * k
        self.marginal = [0] * k

    def add_group(self, tables: list[np.ndarray], marginals: list[np.ndarray],
                  coders: int) -> None:
        """The pairs' tables and the coders' value counts of one coverage group."""
        if coders < 2:
            return
        weight = Fraction(2, coders - 1)
        for table in tables:
            for c, count in enumerate(np.diagonal(table)):
                self.diagonal[c] += weight * int(count)
        for counts in marginals:
            for c, count in enumerate(counts):
                self.marginal[c] += int(count)

    def alpha(self) -> float | None:
        n = sum(self.marginal)
        expected = n * n - sum(c * c for c in self.marginal)
        if n < 2 or expected == 0:
            return None
        return float(1 - Fraction(n - 1) * (n - sum(self.diagonal)) / expected)


def confusions(table: np.ndarray, bits: np.ndarray) -> np.ndarray:
    """(L, L): characters where one annotator has label x (not y) and the other has
    y (not x), either way round; symmetric, zero diagonal."""
    count = bits.shape[1]
    out = np.zeros((count, count), dtype=np.int64)
    table = table.astype(np.int64)
    for x in range(count):
        for y in range(x + 1, count):
            only_x = (bits[:, x] & ~bits[:, y]).astype(np.int64)
            only_y = (bits[:, y] & ~bits[:, x]).astype(np.int64)
            out[x, y] = out[y, x] = only_x @ table @ only_y + only_y @ table @ only_x
    return out
