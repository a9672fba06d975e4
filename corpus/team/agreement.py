"""Inter-annotator agreement over annotators' layers (pure computation, numpy).

The input is every chosen annotator's layer over the candidate documents and which
documents each annotator *covers* (marked done, or every document under ``--all``).
A pair is compared on the documents both cover; Krippendorff's α takes every
character of every document covered by at least two annotators, the characters of a
document an annotator does not cover being missing values.  See agreement_chars and
agreement_spans for the metrics; undefined values are ``None``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from itertools import combinations

import numpy as np

from corpus.team import agreement_chars as chars
from corpus.team import agreement_spans as spans
from corpus.team.agreement_spans import SpanArrays

CONFUSIONS_SHOWN = 5


class AgreementError(ValueError):
    """Nothing to compare (too few annotators, no documents in common), or a name the
    project does not have; one line.  ``code`` lets the window say it in its language:
    annotators, unknown_annotator, unknown_label, no_documents, no_common, too_large."""

    def __init__(self, message: str, code: str = "") -> None:
        super().__init__(message)
        self.code = code


@dataclass
class Layer:
    """One annotator's spans: document index (into the input's documents), offsets in
    the document, label index (into the input's labels)."""
    documents: np.ndarray
    starts: np.ndarray
    ends: np.ndarray
    labels: np.ndarray


@dataclass
class AgreementInput:
    annotators: list[str]
    labels: list[str]
    document_ids: np.ndarray   # the candidate documents, in order
    lengths: np.ndarray        # their lengths in code points
    covered: np.ndarray        # bool (documents, annotators)
    layers: list[Layer]


@dataclass
class Scores:
    overall: float | None
    labels: dict[str, float | None]

    def to_json(self) -> dict:
        return {"overall": self.overall, "labels": self.labels}


@dataclass
class PairResult:
    a: str
    b: str
    documents: int
    span_f1: Scores
    partial_f1: Scores
    kappa: Scores
    confusions: list[tuple[str, str, int]] = field(default_factory=list)

    def to_json(self) -> dict:
        return {"a": self.a, "b": self.b, "documents": self.documents,
                "span_f1": self.span_f1.to_json(), "partial_f1": self.partial_f1.to_json(),
                "kappa": self.kappa.to_json()}


@dataclass
class Agreement:
    annotators: list[str]
    documents: int
    pairs: list[PairResult]
    alpha: Scores
    confusions: list[tuple[str, str, int]]   # over all pairs, most characters first

    def to_json(self) -> dict:
        return {"annotators": self.annotators, "documents": self.documents,
                "pairs": [pair.to_json() for pair in self.pairs],
                "alpha": self.alpha.to_json()}


def figure(value: float | None) -> str:
    """A score as the table and the window show it; an undefined one as a dash."""
    return "—" if value is None else f"{value:.3f}"


def compute(data: AgreementInput) -> Agreement:
    """Every pair's span F1, partial F1 and κ, and α over all annotators."""
    if len(data.annotators) < 2:
        raise AgreementError("agreement needs at least two annotators", "annotators")
    if not len(data.document_ids):
        raise AgreementError("there are no documents to compare", "no_documents")
    data = _used_labels(data)
    count = len(data.labels)
    offsets = np.concatenate([[0], np.cumsum(data.lengths)]).astype(np.int64)
    layers = [_global(layer, offsets) for layer in data.layers]
    groups, group_coders = _coverage_groups(data.covered)
    char_groups = np.repeat(groups, data.lengths)
    if count > chars.MAX_LABELS:
        raise AgreementError(f"agreement compares at most {chars.MAX_LABELS} labels at once; "
                             "choose some with --labels", "too_large")
    masks = [chars.coverage_masks(s.starts, s.ends, s.labels, int(offsets[-1]), count)
             for s in layers]
    codes, values = chars.value_codes(masks)
    del masks
    bits = chars.label_bits(values, count)
    k = len(values)
    alpha = _AlphaParts(k, bits, data.labels)
    pairs, total_confusion = [], np.zeros((count, count), dtype=np.int64)
    for i, j in combinations(range(len(data.annotators)), 2):
        tables = chars.joint_histograms(codes[i], codes[j], char_groups, len(group_coders), k)
        both = group_coders[:, i] & group_coders[:, j]
        alpha.add_pair(tables, both, i, j)
        table = tables[both].sum(axis=0)
        in_pair = data.covered[:, i] & data.covered[:, j]
        pair = _pair(data, layers[i], layers[j], in_pair, table, bits, i, j)
        pairs.append(pair)
        total_confusion += chars.confusions(table, bits)
    _check_common(data, pairs)
    return Agreement(annotators=list(data.annotators),
                     documents=int((data.covered.sum(axis=1) >= 2).sum()),
                     pairs=pairs, alpha=alpha.scores(group_coders),
                     confusions=_top_confusions(total_confusion, data.labels))


def _used_labels(data: AgreementInput) -> AgreementInput:
    """Only the labels some layer uses (the others are left out of every result)."""
    used = np.unique(np.concatenate([layer.labels for layer in data.layers])).astype(np.int64)
    if len(used) == len(data.labels):
        return data
    new_index = np.full(len(data.labels), -1, dtype=np.int64)
    new_index[used] = np.arange(len(used))
    layers = [Layer(layer.documents, layer.starts, layer.ends, new_index[layer.labels])
              for layer in data.layers]
    return replace(data, labels=[data.labels[i] for i in used.tolist()], layers=layers)


def _global(layer: Layer, offsets: np.ndarray) -> SpanArrays:
    base = offsets[layer.documents]
    return SpanArrays(base + layer.starts, base + layer.ends, layer.labels.astype(np.int64))


def _coverage_groups(covered: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each document's group (documents covered by the same annotators) and each
    group's coverage row."""
    if not len(covered):
        return np.zeros(0, dtype=np.int64), np.zeros((0, covered.shape[1]), dtype=bool)
    rows, inverse = np.unique(covered, axis=0, return_inverse=True)
    return inverse.reshape(-1).astype(np.int64), rows


def _pair(data: AgreementInput, a: SpanArrays, b: SpanArrays, in_pair: np.ndarray,
          table: np.ndarray, bits: np.ndarray, i: int, j: int) -> PairResult:
    count = len(data.labels)
    a = a.take(in_pair[data.layers[i].documents])
    b = b.take(in_pair[data.layers[j].documents])
    sizes = spans.label_sizes(a, count) + spans.label_sizes(b, count)
    present = [index for index in range(count) if sizes[index] > 0]
    names = [data.labels[index] for index in present]
    exact = spans.exact_matches(a, b, count)
    partial = spans.partial_matches(a, b, count)
    total = int(sizes.sum())
    kappas = {name: chars.kappa(chars.binary_table(table, bits[:, index]))
              for name, index in zip(names, present)}
    return PairResult(
        a=data.annotators[i], b=data.annotators[j], documents=int(in_pair.sum()),
        span_f1=_f1_scores(exact, sizes, present, names, total),
        partial_f1=_f1_scores(partial, sizes, present, names, total),
        kappa=Scores(chars.kappa(table) if table.sum() else None, kappas),
        confusions=_top_confusions(chars.confusions(table, bits), data.labels))


def _f1_scores(matches: np.ndarray, sizes: np.ndarray, present: list[int],
               names: list[str], total: int) -> Scores:
    """F1 = 2·matches / (|A| + |B|) per label; overall micro-averaged over labels."""
    labels = {name: 2 * int(matches[index]) / int(sizes[index])
              for name, index in zip(names, present)}
    return Scores(None if total == 0 else 2 * int(matches.sum()) / total, labels)


class _AlphaParts:
    """α overall and per label, from the pairs' joint histograms per coverage group."""

    def __init__(self, k: int, bits: np.ndarray, labels: list[str]) -> None:
        self.k, self.bits, self.labels = k, bits, labels
        self.tables: dict[int, list[np.ndarray]] = {}
        self.marginals: dict[int, dict[int, np.ndarray]] = {}

    def add_pair(self, tables: np.ndarray, both: np.ndarray, i: int, j: int) -> None:
        for group in np.flatnonzero(both).tolist():
            table = tables[group]
            self.tables.setdefault(group, []).append(table)
            marginals = self.marginals.setdefault(group, {})
            marginals.setdefault(i, table.sum(axis=1))
            marginals.setdefault(j, table.sum(axis=0))

    def scores(self, group_coders: np.ndarray) -> Scores:
        overall = self._alpha(group_coders, lambda table: table)
        labels = {}
        for index, name in enumerate(self.labels):
            inside = self.bits[:, index]
            if not any(t[:, inside].sum() + t[inside].sum() for ts in self.tables.values()
                       for t in ts):
                continue  # no span of this label in any compared layer
            labels[name] = self._alpha(group_coders,
                                       lambda table: chars.binary_table(table, inside))
        return Scores(overall, labels)

    def _alpha(self, group_coders: np.ndarray, view) -> float | None:
        sums = None
        for group, tables in self.tables.items():
            viewed = [view(table) for table in tables]
            if sums is None:
                sums = chars.AlphaSums(len(viewed[0]))
            # A coder's value counts as a diagonal table, so the same view applies.
            marginals = [view(np.diag(m)).diagonal() for m in self.marginals[group].values()]
            sums.add_group(viewed, marginals, int(group_coders[group].sum()))
        return None if sums is None else sums.alpha()


def _top_confusions(matrix: np.ndarray, labels: list[str]) -> list[tuple[str, str, int]]:
    found = [(labels[x], labels[y], int(matrix[x, y]))
             for x in range(len(labels)) for y in range(x + 1, len(labels)) if matrix[x, y]]
    return sorted(found, key=lambda item: -item[2])[:CONFUSIONS_SHOWN]


def _check_common(data: AgreementInput, pairs: list[PairResult]) -> None:
    if not any(pair.documents for pair in pairs):
        raise AgreementError("no document is marked done by two of the annotators: mark "
                             "documents done, or use --all to compare every document",
                             "no_common")
