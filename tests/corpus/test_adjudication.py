"""Adjudication of one document: majority spans, decided candidates, conflicts."""

from corpus.team.adjudication import adjudicate, candidates, default_min_agree, group_conflicts

ORG, LOC = "ORG", "LOC"


def test_the_default_k_is_more_than_half():
    assert [default_min_agree(n) for n in (1, 2, 3, 4, 5)] == [1, 2, 2, 3, 3]


def test_candidates_list_who_has_each_exact_span():
    found = candidates({"bob": [(0, 3, ORG)], "alice": [(0, 3, ORG), (0, 3, LOC)]})
    assert [(c.key, c.annotators) for c in found] == [((0, 3, LOC), ("alice",)),
                                                      ((0, 3, ORG), ("alice", "bob"))]


def test_majority_spans_are_agreed_and_the_rest_conflict():
    layers = {"a": [(0, 3, ORG), (5, 7, LOC)], "b": [(0, 3, ORG), (5, 8, LOC)],
              "c": [(0, 3, LOC), (10, 12, ORG)]}
    outcome = adjudicate(layers)
    assert [c.key for c in outcome.agreed] == [(0, 3, ORG)]
    groups = [[c.key for c in conflict.candidates] for conflict in outcome.conflicts]
    assert groups == [[(0, 3, LOC)], [(5, 7, LOC), (5, 8, LOC)], [(10, 12, ORG)]]
    assert outcome.conflicts[1].annotators() == ["a", "b"]


def test_an_annotator_with_an_empty_layer_raises_the_bar():
    outcome = adjudicate({"a": [(0, 3, ORG)], "b": [(0, 3, ORG)], "c": [], "d": []})
    assert outcome.agreed == [] and len(outcome.conflicts) == 1       # K = 3 of 4
    assert [c.key for c in adjudicate({"a": [(0, 3, ORG)], "b": [(0, 3, ORG)], "c": [],
                                       "d": []}, min_agree=2).agreed] == [(0, 3, ORG)]


def test_gold_and_rejections_settle_candidates_for_good():
    layers = {"a": [(0, 3, ORG), (5, 7, LOC)], "b": [(0, 3, ORG)]}
    outcome = adjudicate(layers, gold=[(0, 4, ORG)], rejected=[(5, 7, LOC)])
    assert outcome.agreed == [] and outcome.conflicts == []
    assert sorted(c.key for c in outcome.decided) == [(0, 3, ORG), (5, 7, LOC)]
    other_label = adjudicate(layers, gold=[(0, 3, LOC)])   # a LOC in gold decides no ORG
    assert [c.key for c in other_label.agreed] == [(0, 3, ORG)]


def test_conflicts_chain_through_overlaps():
    open_ = candidates({"a": [(0, 4, ORG), (3, 6, LOC), (9, 10, ORG)]})
    assert [(c.start, c.end, len(c.candidates)) for c in group_conflicts(open_)] == \
        [(0, 6, 2), (9, 10, 1)]


def test_a_variant_of_an_agreed_span_is_settled_by_it_on_the_first_run_too():
    layers = {"a": [(0, 4, ORG)], "b": [(0, 4, ORG)], "c": [(0, 3, ORG), (0, 3, LOC)]}
    first = adjudicate(layers)
    assert [c.key for c in first.agreed] == [(0, 4, ORG)]
    assert [c.key for c in first.decided] == [(0, 3, ORG)]          # same label, overlapping
    assert [[c.key for c in g.candidates] for g in first.conflicts] == [[(0, 3, LOC)]]
    again = adjudicate(layers, gold=[c.key for c in first.agreed])
    assert again.conflicts == first.conflicts and again.agreed == []
