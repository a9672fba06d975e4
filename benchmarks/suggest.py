"""Suggester benchmark: characters per second of the rule suggesters over a corpus.

Run from the repo root:  python benchmarks/suggest.py [--quick]

The corpus is the five seed articles cleaned by the import path, repeated
(x200, --quick x20).  The entity suggester (jieba's tagger) runs once over the
five seeds.  Each suggester runs over every document; the baseline is
one pass of a trivial regex (``\\d+``) over the same texts, so the ratio shows
what the rules cost beyond scanning.  The last line printed is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from corpus.preparing import prepare  # noqa: E402
from corpus.resources import seeds_dir  # noqa: E402
from corpus.suggest.registry import RULES, make  # noqa: E402
from corpus.tokenizer import Tokenizer  # noqa: E402


def corpus(copies: int) -> list[str]:
    texts = [prepare(path)[0].document.text for path in sorted(seeds_dir().iterdir())]
    return texts * copies


def chars_per_s(run, texts: list[str], repeat: int) -> float:
    total = sum(map(len, texts))
    rates = []
    for _ in range(repeat):
        start = time.perf_counter()
        for text in texts:
            run(text)
        rates.append(total / (time.perf_counter() - start))
    return statistics.median(rates)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    texts = corpus(20 if args.quick else 200)
    repeat = 3 if args.quick else 5
    print(f"suggest benchmark: {len(texts)} documents, {sum(map(len, texts)):,} characters")
    digits = re.compile(r"\d+")
    baseline = chars_per_s(lambda t: list(digits.finditer(t)), texts, repeat)
    figures = {}
    suggesters = {name: make(name) for name in RULES}
    for name, suggester in suggesters.items():
        figures[f"{name}_chars_per_s"] = chars_per_s(suggester.suggest, texts, repeat)
        print(f"  {name:<10} {figures[f'{name}_chars_per_s']:14,.0f} characters/s")
    rule = chars_per_s(lambda t: [s.suggest(t) for s in suggesters.values()], texts, repeat)
    print(f"  all rules  {rule:14,.0f} characters/s   (baseline regex {baseline:,.0f})")
    import tempfile

    with tempfile.TemporaryDirectory() as cache:  # jieba's tagger: ~3,000 characters/s
        entities = make("entities", Tokenizer(Path(cache)).initialize())
        sample = texts[:5]
        pos = chars_per_s(entities.suggest, sample, 1)
    print(f"  entities   {pos:14,.0f} characters/s   (jieba part-of-speech tagging)")
    print(json.dumps({"bench": "suggest", "rule_chars_per_s": round(rule),
                      "pos_chars_per_s": round(pos),
                      **{k: round(v) for k, v in figures.items()},
                      "baseline_regex_chars_per_s": round(baseline),
                      "ratio_to_baseline": round(rule / baseline, 3)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
