"""Agreement values: small cases computed by hand, and random layers checked against
scikit-learn's cohen_kappa_score and krippendorff.alpha."""

from __future__ import annotations

import random
from itertools import combinations

import numpy as np
import pytest

from corpus.team.agreement import AgreementError, AgreementInput, Layer, compute
from corpus.team.agreement_spans import SpanArrays, partial_matches
from tests.corpus import agreement_reference as ref

LABELS = ["PER", "ORG", "LOC"]


def make_input(layers, lengths, covered=None, labels=LABELS) -> AgreementInput:
    """``layers``: {annotator: {document index: [(start, end, label)]}}; ``covered``:
    {annotator: set of document indices} (default: every document)."""
    names = list(layers)
    table = np.ones((len(lengths), len(names)), dtype=bool)
    if covered is not None:
        for column, name in enumerate(names):
            table[:, column] = [d in covered[name] for d in range(len(lengths))]
    built = []
    for name in names:
        rows = [(d, s, e, labels.index(lab)) for d, spans in layers[name].items()
                for s, e, lab in spans]
        array = np.array(rows, dtype=np.int64).reshape(-1, 4)
        built.append(Layer(*(array[:, i].copy() for i in range(4))))
    return AgreementInput(annotators=names, labels=list(labels),
                          document_ids=np.arange(1, len(lengths) + 1),
                          lengths=np.array(lengths, dtype=np.int64), covered=table, layers=built)


def test_a_small_case_computed_by_hand():
    layers = {"alice": {0: [(0, 4, "ORG"), (6, 8, "PER")]},
              "bob": {0: [(0, 4, "ORG"), (5, 8, "PER")]}}
    result = compute(make_input(layers, [10]))
    pair = result.pairs[0]
    assert (pair.a, pair.b, pair.documents) == ("alice", "bob", 1)
    assert pair.span_f1.overall == 0.5
    assert pair.span_f1.labels == {"PER": 0.0, "ORG": 1.0}   # LOC: in neither layer
    assert pair.partial_f1.overall == 1.0
    # 9 of 10 characters agree; marginals ORG 4/4, O 4/3, PER 2/3: pe = 0.34.
    assert pair.kappa.overall == pytest.approx(28 / 33)
    assert pair.kappa.labels["PER"] == pytest.approx(14 / 19)
    assert pair.kappa.labels["ORG"] == 1.0
    # n = 20, n_c = 8, 7, 5, the coincidence diagonal sums to 18: 1 − 19·2 / 262.
    assert result.alpha.overall == pytest.approx(112 / 131)
    assert set(result.alpha.labels) == {"PER", "ORG"}
    assert result.confusions == []


def test_overlapping_labels_make_one_value_and_confusions_are_counted():
    layers = {"alice": {0: [(0, 4, "ORG"), (0, 2, "LOC")]},
              "bob": {0: [(0, 4, "LOC")]}}
    result = compute(make_input(layers, [6]))
    pair = result.pairs[0]
    # Values: alice LOC+ORG ×2, ORG ×2, O ×2; bob LOC ×4, O ×2 → 2 of 6 agree, and
    # only O is in both marginals: pe = 2·2 / 36.
    assert pair.kappa.overall == pytest.approx(ref.kappa(layers, "alice", "bob", [0], [6]))
    assert pair.kappa.overall == pytest.approx((2 / 6 - 4 / 36) / (1 - 4 / 36))
    # Characters 2 and 3: alice ORG (not LOC), bob LOC (not ORG).
    assert pair.confusions == [("ORG", "LOC", 2)]


def test_partial_matching_is_one_to_one_and_maximal():
    # a1 overlaps b1 and b2, a2 overlaps b2 only: the largest overlap first (a1-b2)
    # would leave one pair; two is possible.
    a = SpanArrays(np.array([0, 12]), np.array([10, 13]), np.array([0, 0]))
    b = SpanArrays(np.array([0, 2]), np.array([1, 13]), np.array([0, 0]))
    assert partial_matches(a, b, 1).tolist() == [2]
    # One long span over three short ones matches only one of them.
    a = SpanArrays(np.array([0]), np.array([10]), np.array([0]))
    b = SpanArrays(np.array([0, 3, 6]), np.array([2, 5, 9]), np.array([0, 0, 0]))
    assert partial_matches(a, b, 1).tolist() == [1]
    assert partial_matches(b, a, 1).tolist() == [1]


def brute_force_matching(a, b) -> int:
    """Maximum bipartite matching by augmenting paths (Kuhn), for the check below."""
    partner: dict[int, int] = {}

    def augment(i, seen):
        for j, (s, e) in enumerate(b):
            if j not in seen and s < a[i][1] and a[i][0] < e:
                seen.add(j)
                if j not in partner or augment(partner[j], seen):
                    partner[j] = i
                    return True
        return False
    return sum(augment(i, set()) for i in range(len(a)))


@pytest.mark.parametrize("seed", range(30))
def test_partial_matching_equals_a_maximum_bipartite_matching(seed):
    rng = random.Random(seed)

    def spans(count):
        out = []
        for _ in range(count):
            start = rng.randrange(40)
            out.append((start, start + rng.randrange(1, 8)))
        return out
    a, b = spans(rng.randrange(1, 12)), spans(rng.randrange(1, 12))
    arrays = [SpanArrays(np.array([s for s, _ in x]), np.array([e for _, e in x]),
                         np.zeros(len(x), dtype=np.int64)) for x in (a, b)]
    assert partial_matches(*arrays, 1).tolist() == [brute_force_matching(a, b)]


def random_layers(rng: random.Random, annotators, lengths):
    """A base layer perturbed per annotator: dropped, shifted, relabelled and extra
    spans, some overlapping."""
    base = {}
    for document, length in enumerate(lengths):
        spans = []
        for _ in range(rng.randrange(0, 6)):
            start = rng.randrange(length - 1)
            spans.append((start, min(length, start + rng.randrange(1, 6)), rng.choice(LABELS)))
        base[document] = spans
    layers = {}
    for name in annotators:
        layer = {}
        for document, spans in base.items():
            out = set()
            for start, end, label in spans:
                roll = rng.random()
                if roll < 0.15:
                    continue
                if roll < 0.3:
                    end = min(lengths[document], max(start + 1, end + rng.choice((-1, 1))))
                elif roll < 0.4:
                    label = rng.choice(LABELS)
                out.add((start, end, label))
            if rng.random() < 0.3:
                out.add((0, 2, rng.choice(LABELS)))
            layer[document] = sorted(out)
        layers[name] = layer
    return layers


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("all_documents", [True, False])
def test_random_layers_against_scikit_learn_and_krippendorff(seed, all_documents):
    rng = random.Random(seed)
    annotators = ["alice", "bob", "carol"]
    lengths = [rng.randrange(5, 40) for _ in range(12)]
    layers = random_layers(rng, annotators, lengths)
    if all_documents:
        covered = {name: set(range(len(lengths))) for name in annotators}
    else:
        covered = {name: {d for d in range(len(lengths)) if rng.random() < 0.7}
                   for name in annotators}
    result = compute(make_input(layers, lengths, covered))
    for pair, (a, b) in zip(result.pairs, combinations(annotators, 2)):
        common = sorted(covered[a] & covered[b])
        assert (pair.a, pair.b, pair.documents) == (a, b, len(common))
        assert pair.kappa.overall == pytest.approx(ref.kappa(layers, a, b, common, lengths),
                                                   abs=1e-9)
        assert pair.span_f1.overall == pytest.approx(ref.span_f1(layers, a, b, common))
        for label, value in pair.kappa.labels.items():
            assert value == pytest.approx(ref.kappa(layers, a, b, common, lengths, label),
                                          abs=1e-9)
            assert pair.span_f1.labels[label] == pytest.approx(
                ref.span_f1(layers, a, b, common, label))
    expected = ref.alpha(layers, annotators, covered, lengths)
    assert result.alpha.overall == pytest.approx(expected, abs=1e-9)
    for label, value in result.alpha.labels.items():
        assert value == pytest.approx(ref.alpha(layers, annotators, covered, lengths, label),
                                      abs=1e-9)


def test_undefined_values_are_none_and_nothing_in_common_is_an_error():
    same = {0: [(0, 3, "PER")]}
    result = compute(make_input({"a": same, "b": same}, [3]))
    assert result.pairs[0].kappa.overall is None        # every character PER for both
    assert result.alpha.overall is None
    assert result.pairs[0].span_f1.overall == 1.0
    empty = compute(make_input({"a": {}, "b": {}}, [5]))
    assert empty.pairs[0].span_f1.overall is None
    assert empty.pairs[0].kappa.overall is None and empty.pairs[0].kappa.labels == {}
    with pytest.raises(AgreementError, match="no document is marked done by two"):
        compute(make_input({"a": {}, "b": {}}, [5, 5], {"a": {0}, "b": {1}}))
    with pytest.raises(AgreementError, match="at least two annotators"):
        compute(make_input({"a": {}}, [5]))
