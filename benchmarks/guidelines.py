"""Suggestions against the annotation guidelines: precision, recall and F1 per label on
hand-annotated articles written in the style of the seeds (benchmarks/gold/).

Run from the repo root:  python benchmarks/guidelines.py [--set dev|test|both]

* ``dev/``  — the development set: the suggesters are tuned on it;
* ``test/`` — the untouched set: never tuned on; its figures are the honest ones.

Each file is inline markup (corpus/suggest/gold.py): ``{德州市纪委监委|ORG}``; ``LABEL?``
marks a span the guidelines leave optional, and a LOC inside a gold ORG is optional too
(guidelines, ORG): a suggestion equal to an optional span is neither right nor wrong.
Matching is exact (start, end, label).  Every suggester runs as ``hanmark suggest`` runs it
over a project holding the set's articles (the default settings; a slogan quoted in one
article echoes in the others; entities from jieba's tagger), and the figures are given for
all articles and separately for Simplified and Traditional ones.  The baseline is the
evaluation itself with the gold given as suggestions (1.0 everywhere), so a broken scorer
shows.  The last line printed is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from corpus.suggest.entities import from_pos  # noqa: E402
from corpus.suggest.gold import GoldSpan, parse  # noqa: E402
from corpus.suggest.settings import SuggestSettings, rule_suggesters  # noqa: E402
from corpus.text.tokenizer import Tokenizer  # noqa: E402

GOLD = REPO / "benchmarks" / "gold"
LABELS = ("METRIC", "SLOGAN", "PER", "ORG", "LOC", "POST")
ENTITIES = ("PER", "ORG", "LOC", "POST")


def articles(name: str) -> list[tuple[str, str, list[GoldSpan]]]:
    out = []
    for path in sorted((GOLD / name).glob("*.txt")):
        text, spans = parse(path.read_text(encoding="utf-8"))
        out.append((path.stem, text, spans))
    return out


def corpus_suggesters(texts: list[str]) -> list:
    """The rule suggesters as ``hanmark suggest`` makes them for a project holding
    ``texts``: the slogans any article quotes echo in the others."""
    plain = rule_suggesters(SuggestSettings())
    slogans = next(s for s in plain if s.name == "slogans")
    quoted = set().union(*(slogans.echoing(text) for text in texts))
    return rule_suggesters(SuggestSettings(), sorted(quoted))


def suggest(text: str, tokenizer: Tokenizer, suggesters: list) -> set[tuple[int, int, str]]:
    found = set()
    for suggester in suggesters:
        found |= {(s.start, s.end, s.label) for s in suggester.suggest(text)}
    found |= {(s.start, s.end, s.label) for s in from_pos(text, tokenizer.pos(text))}
    return found


def optional(spans: list[GoldSpan]) -> set[tuple[int, int, str]]:
    return {(s.start, s.end, s.label) for s in spans if s.optional}


def ignored(found: tuple[int, int, str], spans: list[GoldSpan]) -> bool:
    """A suggestion the guidelines leave open: an optional gold span, or a LOC inside an ORG."""
    start, end, label = found
    if found in optional(spans):
        return True
    return label == "LOC" and any(s.label == "ORG" and s.start <= start and end <= s.end
                                  and (s.start, s.end) != (start, end) for s in spans)


def count(results, keep) -> dict[str, dict]:
    """Hits, gold and found per label over the articles ``keep`` accepts."""
    totals: dict[str, dict] = defaultdict(lambda: {"hits": 0, "gold": 0, "found": 0})
    for name, text, spans, found, traditional in results:
        if not keep(traditional):
            continue
        gold = {(s.start, s.end, s.label) for s in spans if not s.optional}
        found = {f for f in found if f in gold or not ignored(f, spans)}
        for label in LABELS:
            g = {x for x in gold if x[2] == label}
            f = {x for x in found if x[2] == label}
            totals[label]["hits"] += len(g & f)
            totals[label]["gold"] += len(g)
            totals[label]["found"] += len(f)
    merged = {"hits": 0, "gold": 0, "found": 0}
    for label in ENTITIES:
        for key in merged:
            merged[key] += totals[label][key]
    totals["ENTITIES"] = merged
    return {label: _prf(**values) for label, values in totals.items()}


def _prf(hits: int, gold: int, found: int) -> dict:
    precision = hits / found if found else None
    recall = hits / gold if gold else None
    f1 = (2 * precision * recall / (precision + recall)
          if precision and recall else (0.0 if gold and found else None))
    return {"precision": _r(precision), "recall": _r(recall), "f1": _r(f1),
            "gold": gold, "found": found, "hits": hits}


def _r(value):
    return None if value is None else round(value, 3)


def evaluate(name: str, tokenizer: Tokenizer, *, perfect: bool = False) -> dict:
    results = []
    chosen = articles(name)
    suggesters = corpus_suggesters([text for _stem, text, _spans in chosen])
    for stem, text, spans in chosen:
        found = ({(s.start, s.end, s.label) for s in spans if not s.optional} if perfect
                 else suggest(text, tokenizer, suggesters))
        results.append((stem, text, spans, found, tokenizer.shadow(text) != text))
    return {"all": count(results, lambda t: True),
            "simplified": count(results, lambda t: not t),
            "traditional": count(results, lambda t: t),
            "articles": len(results), "traditional_articles": sum(r[4] for r in results)}


def show(name: str, figures: dict) -> None:
    print(f"\n== {name}: {figures['articles']} articles "
          f"({figures['traditional_articles']} Traditional)")
    print(f"{'label':<9}{'script':<13}{'P':>7}{'R':>7}{'F1':>7}{'gold':>6}{'found':>7}")
    for label in (*LABELS, "ENTITIES"):
        for script in ("all", "simplified", "traditional"):
            row = figures[script][label]
            if not row["gold"] and not row["found"]:
                continue
            cells = [("-" if row[k] is None else f"{row[k]:.3f}")
                     for k in ("precision", "recall", "f1")]
            print(f"{label:<9}{script:<13}{cells[0]:>7}{cells[1]:>7}{cells[2]:>7}"
                  f"{row['gold']:>6}{row['found']:>7}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=("dev", "test", "both"), default="both")
    args = parser.parse_args()
    names = ("dev", "test") if args.set == "both" else (args.set,)
    with tempfile.TemporaryDirectory() as cache:
        tokenizer = Tokenizer(Path(cache))
        started = time.perf_counter()
        tokenizer.initialize()
        out = {"baseline_perfect": evaluate(names[0], tokenizer, perfect=True)["all"]
               ["ENTITIES"]["f1"]}
        for name in names:
            if not any((GOLD / name).glob("*.txt")):
                print(f"\n== {name}: no articles")
                continue
            figures = evaluate(name, tokenizer)
            show(name, figures)
            out[name] = figures
        out["seconds"] = round(time.perf_counter() - started, 1)
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main()
