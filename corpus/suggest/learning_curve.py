"""The model's learning curve: how well the CRF suggests after training on 1, 2, 5, 10 and
20 done documents, measured per label on documents it never saw.

Used by benchmarks/learning_curve.py (on the gold articles) and by the model dialog (on
the project's own done documents, in the background).  Scores are exact (start, end,
label) matches; each size is trained on the first documents of a seeded shuffle of the
training pool, and several shuffles are averaged so that one lucky document does not
make the curve.
"""

from __future__ import annotations

import random
import tempfile
from dataclasses import dataclass
from pathlib import Path

from corpus.suggest.crf import CrfModel

SIZES = (1, 2, 5, 10, 20)
Example = tuple[str, list[tuple[int, int, str]]]


@dataclass(frozen=True)
class CurvePoint:
    documents: int
    f1: float                       # micro-averaged over the labels
    labels: dict[str, float]        # per label (the labels of the held-out gold)


def split(examples: list[Example], share: float = 0.25, seed: int = 0
          ) -> tuple[list[Example], list[Example]]:
    """(training pool, held out): a seeded ``share`` of the documents held out (at least one)."""
    order = list(range(len(examples)))
    random.Random(seed).shuffle(order)
    count = max(1, round(len(examples) * share)) if len(examples) > 1 else 0
    held = set(order[:count])
    return ([e for i, e in enumerate(examples) if i not in held],
            [e for i, e in enumerate(examples) if i in held])


def sizes_for(pool: int, sizes=SIZES) -> list[int]:
    """The sizes the pool allows, and the whole pool when it lies between two of them."""
    out = [size for size in sizes if size <= pool]
    return out + [pool] if pool and pool not in out and pool < max(sizes) else out


def _scores(gold: set, found: set, labels: list[str]) -> tuple[float, dict[str, float]]:
    def f1(g: set, f: set) -> float:
        hits = len(g & f)
        return 2 * hits / (len(g) + len(f)) if g or f else 0.0
    per = {label: f1({x for x in gold if x[3] == label}, {x for x in found if x[3] == label})
           for label in labels}
    return f1(gold, found), per


def evaluate(model: CrfModel, held_out: list[Example], labels: list[str]
             ) -> tuple[float, dict[str, float]]:
    gold = {(i, s, e, label) for i, (_t, spans) in enumerate(held_out) for s, e, label in spans}
    found = {(i, s.start, s.end, s.label) for i, (text, _spans) in enumerate(held_out)
             for s in model.suggest(text)}
    return _scores(gold, found, labels)


def learning_curve(pool: list[Example], held_out: list[Example], sizes=SIZES, repeats: int = 3,
                   seed: int = 0, progress=None) -> list[CurvePoint]:
    """F1 on ``held_out`` after training on ``size`` documents of ``pool``, per size."""
    labels = sorted({label for _t, spans in held_out for _s, _e, label in spans})
    points = []
    steps, done = len(sizes_for(len(pool), sizes)) * repeats, 0
    with tempfile.TemporaryDirectory(prefix="hanmark-curve-") as folder:
        for size in sizes_for(len(pool), sizes):
            overall, per = [], {label: [] for label in labels}
            for repeat in range(repeats):
                order = list(pool)
                random.Random(seed * 1000 + repeat).shuffle(order)
                model = CrfModel(Path(folder))
                if model.train(order[:size]):
                    score, by_label = evaluate(model, held_out, labels)
                else:
                    score, by_label = 0.0, dict.fromkeys(labels, 0.0)
                overall.append(score)
                for label in labels:
                    per[label].append(by_label[label])
                done += 1
                if progress is not None:
                    progress(done, steps)
            points.append(CurvePoint(size, _mean(overall),
                                     {label: _mean(values) for label, values in per.items()}))
    return points


def _mean(values: list[float]) -> float:
    return round(sum(values) / len(values), 3) if values else 0.0
