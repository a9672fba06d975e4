"""Curating settles again only around a change, and must agree with settling the whole
document from scratch after every decision."""

import random

from corpus.team.adjudication import candidates, settle
from corpus.team.curating import OPEN, REJECTED, Curating

LABELS = ("PER", "ORG", "LOC")


def random_layers(rng, names=("a", "b", "c"), spans=60, length=400):
    layers = {name: set() for name in names}
    for _ in range(spans):
        start = rng.randrange(length - 8)
        key = (start, start + rng.randrange(1, 8), rng.choice(LABELS))
        for name in rng.sample(names, rng.randint(1, len(names))):
            layers[name].add(key)
    return layers


def expected(found, covering, gold, rejected):
    outcome = settle(found, covering, gold=gold, rejected=rejected)
    states = {c.key: "agreed" for c in outcome.agreed}
    states |= {c.key: REJECTED if c.key in rejected else "settled" for c in outcome.decided}
    states |= {c.key: OPEN for conflict in outcome.conflicts for c in conflict.candidates}
    return states, outcome.conflicts


def test_settling_around_each_change_equals_settling_everything():
    rng = random.Random(11)
    for _round in range(30):
        layers = random_layers(rng)
        found = candidates(layers)
        gold = {c.key for c in settle(found, 3).agreed}
        rejected = set()
        curating = Curating(found, 3, lambda s, e: [k for k in gold if k[0] < e and k[1] > s],
                            rejected)
        for _step in range(25):
            move = rng.random()
            open_ = curating.open()
            if move < 0.35 and open_:
                key = rng.choice(open_).key
                gold.add(key)
            elif move < 0.6 and open_:
                key = rng.choice(open_).key
                rejected.add(key)
            elif move < 0.8 and gold:
                key = rng.choice(sorted(gold))
                gold.discard(key)
            elif rejected:
                key = rng.choice(sorted(rejected))
                rejected.discard(key)
            else:
                start = rng.randrange(390)
                key = (start, start + 3, rng.choice(LABELS))
                gold.add(key)
            curating.update([key[:2]], rejected)
            states, conflicts = expected(found, 3, gold, rejected)
            assert curating.states == states
            assert curating.conflicts == conflicts


def test_an_update_settles_only_the_stretch_around_the_change():
    layers = {"a": {(0, 2, "PER"), (10, 14, "ORG"), (50, 52, "LOC")},
              "b": {(1, 3, "ORG"), (12, 16, "ORG")}}
    found = candidates(layers)
    curating = Curating(found, 2, lambda s, e: [], set())
    assert curating.update([(12, 13)], set()) == (10, 16)      # both ORG spans overlap there
    assert curating.update([(30, 31)], set()) == (30, 31)      # nothing there
