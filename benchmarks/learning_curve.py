"""The CRF's learning curve on the hand-annotated gold articles (benchmarks/gold/).

Run from the repo root:  python benchmarks/learning_curve.py [--quick]

Documents are the paragraphs of the gold articles (dev and test: the CRF is not what the
rules were tuned on).  Whole articles are held out (a quarter of them, seeded), so no
held-out paragraph has a sibling in training; the model is trained on the first 1, 2, 5,
10 and 20 paragraphs of a shuffle of the rest and scored per label on the held-out ones
(exact spans), averaged over three shuffles (--quick: one).  The baseline is the rule
suggesters' F1 on the same held-out paragraphs.  The last line printed is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from corpus.suggest.gold import parse  # noqa: E402
from corpus.suggest.learning_curve import SIZES, _scores, learning_curve  # noqa: E402
from corpus.suggest.settings import SuggestSettings, rule_suggesters  # noqa: E402

GOLD = REPO / "benchmarks" / "gold"


def paragraphs(path: Path) -> list[tuple[str, list[tuple[int, int, str]]]]:
    text, spans = parse(path.read_text(encoding="utf-8"))
    out, start = [], 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip():
            inside = [(s.start - start, s.end - start, s.label) for s in spans
                      if not s.optional and start <= s.start and s.end <= end]
            out.append((line, inside))
        start = end + 1
    return out


def rules_f1(held_out) -> float:
    gold, found = set(), set()
    for i, (text, spans) in enumerate(held_out):
        gold |= {(i, s, e, label) for s, e, label in spans}
        for suggester in rule_suggesters(SuggestSettings()):
            found |= {(i, s.start, s.end, s.label) for s in suggester.suggest(text)}
    labels = sorted({x[3] for x in gold})
    gold = {x for x in gold if x[3] in ("METRIC", "SLOGAN")}
    return round(_scores(gold, {x for x in found if x[3] in ("METRIC", "SLOGAN")}, labels)[0], 3)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    articles = sorted(GOLD.glob("*/*.txt"))
    random.Random(7).shuffle(articles)
    held = articles[:max(1, len(articles) // 4)]
    pool = [p for a in articles if a not in held for p in paragraphs(a)]
    held_out = [p for a in held for p in paragraphs(a)]
    started = time.perf_counter()
    curve = learning_curve(pool, held_out, SIZES, repeats=1 if args.quick else 3)
    seconds = round(time.perf_counter() - started, 1)
    labels = sorted(curve[-1].labels)
    print(f"training pool {len(pool)} paragraphs, held out {len(held_out)} paragraphs "
          f"of {len(held)} articles")
    print("docs  " + "".join(f"{label:>8}" for label in labels) + f"{'all':>8}")
    for point in curve:
        print(f"{point.documents:>4}  " + "".join(f"{point.labels[label]:>8.3f}"
                                                   for label in labels) + f"{point.f1:>8.3f}")
    baseline = rules_f1(held_out)
    print(f"rule suggesters on the same held-out paragraphs (METRIC+SLOGAN F1): {baseline}")
    print(json.dumps({"curve": [{"documents": p.documents, "f1": p.f1, "labels": p.labels}
                                for p in curve], "rules_metric_slogan_f1": baseline,
                      "pool": len(pool), "held_out": len(held_out), "seconds": seconds}))


if __name__ == "__main__":
    main()
