"""Agreement benchmark: ``hanmark agreement``'s path over 10,000 documents × ~3,000
characters × 3 annotators, against a raw numpy floor measured in the same run.

Run from the repo root:  python benchmarks/agreement.py [--quick] [--docs N] [--repeat R]

The project is generated directly: synthetic articles (benchmarks/synthetic.py), a base
layer of ``--spans`` spans per document at random places, and per annotator a copy of
it perturbed (10% dropped, 15% with a moved boundary, 5% relabelled, 5% extra spans);
every annotator marks every document done.  Each timed run is what the command does
without printing: open the project read-only, read the layers and statuses
(storage.team.agreement_data), compute every pair and α (corpus.team.agreement) and dump the JSON.
The floor is the bare κ arithmetic on pre-built arrays: for each pair, one
``np.bincount`` of the joint value codes of every character (what any vectorised
character-level κ must at least do).  The last line printed is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import articles  # noqa: E402  (benchmarks/synthetic.py)

from corpus.document import NewDocument  # noqa: E402
from corpus.team.agreement import compute  # noqa: E402
from storage.project import Project  # noqa: E402
from storage.team.agreement_data import AgreementRequest, read_input  # noqa: E402

LABELS = ("PER", "ORG", "LOC", "POST", "METRIC", "SLOGAN")
ANNOTATORS = ("alice", "bob", "carol")


def build(path: Path, docs: int, chars: int, per_document: int) -> tuple[int, int]:
    rng = random.Random(5)
    with Project.create(path) as project:
        label_ids = dict(project.db.execute("SELECT name, id FROM labels").fetchall())
        spans, statuses, total = [], [], 0
        with project.db.atomic():
            for _name, text in articles(docs, target_chars=chars):
                document_id = project.insert_document(NewDocument(text=text, title=text[:20]))
                total += len(text)
                base = base_layer(rng, text, per_document)
                for annotator in ANNOTATORS:
                    for start, end, label in perturbed(rng, base, len(text)):
                        spans.append((document_id, start, end, label_ids[label], annotator,
                                      text[start:end]))
                    statuses.append((document_id, annotator))
            project.db.conn.executemany(
                'INSERT INTO spans (document_id, start, "end", label_id, annotator, text) '
                "VALUES (?, ?, ?, ?, ?, ?)", spans)
            project.db.conn.executemany(
                "INSERT INTO document_status (document_id, annotator, status) "
                "VALUES (?, ?, 'done')", statuses)
    return len(spans), total


def base_layer(rng: random.Random, text: str, count: int) -> list[tuple[int, int, str]]:
    slot = max(1, len(text) // count)
    out = []
    for i in range(count):
        start = i * slot + rng.randrange(0, max(1, slot - 8))
        if start + 2 <= len(text):
            out.append((start, min(len(text), start + rng.randrange(2, 7)), rng.choice(LABELS)))
    return out


def perturbed(rng: random.Random, base, length: int) -> set[tuple[int, int, str]]:
    out = set()
    for start, end, label in base:
        roll = rng.random()
        if roll < 0.10:
            continue
        if roll < 0.25:
            end = min(length, max(start + 1, end + rng.choice((-2, -1, 1, 2))))
        elif roll < 0.30:
            label = rng.choice(LABELS)
        out.add((start, end, label))
        if rng.random() < 0.05 and end + 3 < length:
            out.add((end, end + 3, rng.choice(LABELS)))
    return out


def run(path: Path, all_documents: bool) -> tuple[float, dict]:
    began = time.perf_counter()
    with Project.open(path, readonly=True) as project:
        data = read_input(project, AgreementRequest(all_documents=all_documents))
    result = compute(data).to_json()
    json.dumps(result)
    return time.perf_counter() - began, result


def numpy_floor(total: int, repeat: int) -> float:
    """Per pair one bincount of joint codes over every character (pre-built arrays)."""
    rng = np.random.default_rng(0)
    codes = [rng.integers(0, 8, total, dtype=np.int32) for _ in ANNOTATORS]
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        for a, b in ((0, 1), (0, 2), (1, 2)):
            np.bincount(codes[a] * 8 + codes[b], minlength=64)
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="500 documents, 2 runs")
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--chars", type=int, default=3_000)
    parser.add_argument("--spans", type=int, default=40, help="base spans per document")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    docs, repeat = (500, 2) if args.quick else (args.docs, args.repeat)
    with tempfile.TemporaryDirectory(prefix="hanmark-agreement-bench-") as folder:
        path = Path(folder) / "bench.hanmark"
        began = time.perf_counter()
        span_count, total = build(path, docs, args.chars, args.spans)
        print(f"built {docs} documents, {total:,} characters, {span_count:,} spans of "
              f"{len(ANNOTATORS)} annotators in {time.perf_counter() - began:.1f} s")
        figures = {}
        for mode, all_documents in (("done", False), ("all", True)):
            times = []
            for _ in range(repeat):
                seconds, result = run(path, all_documents)
                times.append(seconds)
            figures[mode] = statistics.median(times)
            kappa = result["pairs"][0]["kappa"]["overall"]
            print(f"agreement ({mode}): median {figures[mode]:.2f} s, max {max(times):.2f} s "
                  f"over {repeat} runs; alice–bob kappa {kappa:.3f}, "
                  f"alpha {result['alpha']['overall']:.3f}")
        floor = numpy_floor(total, max(repeat, 3))
        print(f"numpy floor (3 joint bincounts over {total:,} characters): {floor:.3f} s")
    seconds = figures["done"]
    print(json.dumps({"bench": "agreement", "documents": docs, "characters": total,
                      "spans": span_count, "seconds": round(seconds, 3),
                      "all_seconds": round(figures["all"], 3),
                      "numpy_floor_seconds": round(floor, 4),
                      "ratio_to_numpy_floor": round(seconds / floor, 1)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
