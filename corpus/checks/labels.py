"""The same string with different labels, over the whole corpus.

``label-conflict``: within one annotator's layer, a string marked with two or more
labels (德州 LOC 12 times, ORG once).  Each span of a minority label is a finding whose
fix relabels it to the layer's majority label; when no label has a majority, every
span of the string is a finding and there is no fix.

``layer-conflict``: the layers disagree — each layer is consistent for the string but
their labels differ (alice: ORG, bob: LOC).  The label of most layers wins; the spans
of the other layers are findings with that fix, and with a tie each layer's spans are.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from corpus.checks.model import Finding, Fix, Mark, finding

LABEL_CONFLICT, LAYER_CONFLICT = "label-conflict", "layer-conflict"


def majority(counts: Counter) -> str | None:
    """The label with more votes than any other, or None on a tie."""
    ranked = counts.most_common(2)
    if len(ranked) == 1 or ranked[0][1] > ranked[1][1]:
        return ranked[0][0]
    return None


def _tally(counts: Counter) -> str:
    return ", ".join(f"{label} ×{n}" for label, n in sorted(counts.items(),
                                                           key=lambda kv: (-kv[1], kv[0])))


def label_counts(marks: Iterable[Mark]) -> dict[str, dict[str, Counter]]:
    """text → annotator → Counter of labels."""
    out: dict[str, dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))
    for mark in marks:
        out[mark.text][mark.annotator][mark.label] += 1
    return out


def conflict_findings(marks: list[Mark], counts: dict[str, dict[str, Counter]] | None = None
                      ) -> list[Finding]:
    counts = label_counts(marks) if counts is None else counts
    verdicts = {}                       # (text, annotator) → (check, winner, details)
    for text, layers in counts.items():
        winners = {}
        for annotator, labels in layers.items():
            if len(labels) > 1:
                verdicts[(text, annotator)] = (LABEL_CONFLICT, majority(labels),
                                               f"{text} is labelled {_tally(labels)} in "
                                               f"{annotator or 'this'} layer", labels)
            winners[annotator] = majority(labels)
        _layer_verdicts(text, layers, winners, verdicts)
    out = []
    for mark in marks:
        verdict = verdicts.get((mark.text, mark.annotator))
        if verdict is None:
            continue
        check, winner, details, tally = verdict
        if check == LAYER_CONFLICT and mark.label != majority(counts[mark.text][mark.annotator]):
            continue                   # a minority span of its own layer: label-conflict's
        if winner is not None and mark.label == winner:
            continue
        fix = Fix("relabel", label=winner) if winner is not None else None
        out.append(finding(check, mark, details, fix, labels=dict(tally), majority=winner))
    return out


def _layer_verdicts(text: str, layers: dict[str, Counter], winners: dict[str, str | None],
                    verdicts: dict) -> None:
    decided = {a: w for a, w in winners.items() if w is not None}
    votes = Counter(decided.values())
    if len(votes) < 2:
        return
    winner = majority(votes)
    tally = ", ".join(f"{a or '—'}: {w}" for a, w in sorted(decided.items()))
    for annotator, label in decided.items():
        if label != winner and (text, annotator) not in verdicts:
            verdicts[(text, annotator)] = (LAYER_CONFLICT, winner,
                                           f"the layers label {text} differently ({tally})",
                                           votes)
