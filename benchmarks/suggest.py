"""Suggester benchmark: characters per second of the rule suggesters over a corpus.

Run from the repo root:  python benchmarks/suggest.py [--quick]

The corpus is the five seed articles cleaned by the import path, repeated
(x200, --quick x20).  The entity suggester (jieba's tagger) runs once over the
five seeds.  Each suggester runs over every document; the baseline is
one pass of a trivial regex (``\\d+``) over the same texts, so the ratio shows
what the rules cost beyond scanning.

The tagger's output is cached in the project: the five seeds go into a project,
and the tags of each are timed computed (and stored) and then read back from the
cache (entity suggestions included).  Precision and recall are measured on the
hand-annotated gold: metrics and slogans on seeds 000 and 001, entities on seed 004
(tests/fixtures/gold/).
The last line printed is one JSON object.
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

from corpus.preparing import prepare
from corpus.resources import seeds_dir
from corpus.suggest.entities import from_pos
from corpus.suggest.evaluate import scores
from corpus.suggest.registry import RULES, make
from corpus.text.tokenizer import Tokenizer

GOLD = REPO / "tests" / "fixtures" / "gold"
ENTITY_GOLD = GOLD / "entities_004.json"


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


def pos_cache(tokenizer: Tokenizer, texts: list[str], folder: Path) -> dict:
    """Milliseconds per seed for its entity suggestions: tagged by jieba (and stored),
    then from the tags cached in a project."""
    from corpus.document import NewDocument
    from storage.project import Project

    tagged, cached = [], []
    with Project.create(folder / "bench.hanmark") as project:
        for i, text in enumerate(texts):
            document = project.add_document(NewDocument(
                text=text, title=str(i), raw_text=text, source=f"{i}.txt", meta={}))
            for times in (tagged, cached):
                start = time.perf_counter()
                from_pos(text, project.pos_tags(document, tokenizer))
                times.append((time.perf_counter() - start) * 1000)
    return {"pos_seed_ms": round(statistics.median(tagged), 1),
            "pos_cached_seed_ms": round(statistics.median(cached), 2),
            "pos_cache_speedup": round(statistics.median(tagged) / statistics.median(cached))}


def entity_gold(entities) -> dict[str, tuple[float, float]]:
    """Precision and recall of the entity suggester on the hand-annotated seed."""
    gold = json.loads(ENTITY_GOLD.read_text(encoding="utf-8"))
    text = prepare(seeds_dir() / gold["seed"])[0].document.text
    found = {(s.start, s.end, s.label) for s in entities.suggest(text)}
    result = scores({(s, e, label) for s, e, label, _t in gold["spans"]}, found,
                    [(s, e) for s, e, _reason in gold["ignore"]])
    return {label: (score.precision, score.recall) for label, score in result.items()}


def rule_gold(suggesters: dict) -> dict[str, tuple[float, float]]:
    """Precision and recall of the metric and slogan suggesters over their hand-annotated
    seeds (tests/fixtures/gold/{metrics,slogans}_*.json), all files of a kind together."""
    out = {}
    for name in ("metrics", "slogans"):
        hits = found_count = expected_count = 0
        for path in sorted(GOLD.glob(f"{name}_*.json")):
            gold = json.loads(path.read_text(encoding="utf-8"))
            text = prepare(seeds_dir() / gold["seed"])[0].document.text
            expected = {(start, end) for start, end, _t in gold["spans"]}
            found = {(x.start, x.end) for x in suggesters[name].suggest(text)}
            hits += len(expected & found)
            found_count, expected_count = found_count + len(found), expected_count + len(expected)
        out[name] = (hits / found_count if found_count else 0.0, hits / expected_count)
    return out


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
    quality = rule_gold(suggesters)
    print("  on the hand-annotated gold (seeds 000, 001): " + ", ".join(
        f"{name} P={p:.2f} R={r:.2f}" for name, (p, r) in quality.items()))
    import tempfile

    with tempfile.TemporaryDirectory() as cache:  # jieba's tagger: ~3,000 characters/s
        tokenizer = Tokenizer(Path(cache)).initialize()
        entities = make("entities", tokenizer)
        sample = texts[:5]
        pos = chars_per_s(entities.suggest, sample, 1)
        print(f"  entities   {pos:14,.0f} characters/s   (jieba part-of-speech tagging)")
        cached = pos_cache(tokenizer, sample, Path(cache))
        gold = entity_gold(entities)
    print(f"  entities per seed: {cached['pos_seed_ms']:,.0f} ms tagged (tagger loaded), "
          f"{cached['pos_cached_seed_ms']:,.1f} ms from the project's cache (medians)")
    print("  entities on the seed 004 gold: " + ", ".join(
        f"{label} P={p:.2f} R={r:.2f}" for label, (p, r) in gold.items()))
    print(json.dumps({"bench": "suggest", "rule_chars_per_s": round(rule),
                      "pos_chars_per_s": round(pos), **cached,
                      **{f"{name}_{kind}": round(value, 3)
                         for name, pair in quality.items()
                         for kind, value in zip(("precision", "recall"), pair)},
                      "entity_precision": round(gold["all"][0], 3),
                      "entity_recall": round(gold["all"][1], 3),
                      **{k: round(v) for k, v in figures.items()},
                      "baseline_regex_chars_per_s": round(baseline),
                      "ratio_to_baseline": round(rule / baseline, 3)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
