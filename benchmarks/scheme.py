"""Scheme-change benchmark: renaming a label and merging it into another on a project where
it has 100,000 spans over three annotators (5% of them duplicates of the merge target's
spans, which the merge removes), each undone again; beside the raw floor, a bare
SQLite ``UPDATE spans SET label_id`` of the same rows on the same file.

Run from the repo root:  python benchmarks/scheme.py [--quick] [--spans N] [--repeat R]

Figures (medians over the repeats, p95 beside them): rename_s and merge_s (the counts
shown beforehand, the change in one transaction, what undo needs), undo_rename_s and
undo_merge_s, raw_update_s, and merge_ratio_to_raw.  The last line printed is one JSON
object.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import articles  # noqa: E402  (benchmarks/synthetic.py)

from corpus.document import NewDocument  # noqa: E402
from storage.scheme import scheme_changes as sc  # noqa: E402
from storage.project import Project  # noqa: E402

ANNOTATORS = ("a1", "a2", "a3")
SPANS_PER_DOCUMENT = 50
DUPLICATE_SHARE = 0.05


def build(path: Path, spans: int) -> int:
    """A project whose LOC label has ``spans`` spans (and ORG a few, some identical)."""
    rng = random.Random(7)
    documents = max(1, spans // SPANS_PER_DOCUMENT)
    with Project.create(path) as project, project.action():
        for i, (_, text) in enumerate(articles(documents, target_chars=2000)):
            project.insert_document(NewDocument(text=text, title=f"#{i}", raw_text=text))
        labels = dict(project.db.execute("SELECT name, id FROM labels").fetchall())
        rows = []
        for document_id, text in project.db.execute("SELECT id, text FROM documents"):
            for _ in range(SPANS_PER_DOCUMENT):
                start = rng.randrange(len(text) - 8)
                end, annotator = start + rng.randint(2, 8), rng.choice(ANNOTATORS)
                rows.append((document_id, start, end, labels["LOC"], annotator, text[start:end]))
                if rng.random() < DUPLICATE_SHARE:
                    rows.append((document_id, start, end, labels["ORG"], annotator,
                                 text[start:end]))
        project.db.conn.executemany(
            'INSERT INTO spans (document_id, start, "end", label_id, annotator, text) '
            "VALUES (?, ?, ?, ?, ?, ?)", rows[:spans + spans // 10])
    with Project.open(path) as project:
        return sc.impact(project, "LOC").spans


def timed(fn):
    started = time.perf_counter()
    result = fn()
    return time.perf_counter() - started, result


def raw_update(path: Path) -> float:
    """The floor: one committed UPDATE of the same rows' label id on a plain connection
    with the project's pragmas (to a spare label, then back, untimed)."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA synchronous = FULL")
    loc = conn.execute("SELECT id FROM labels WHERE name = 'LOC'").fetchone()[0]
    with conn:
        spare = conn.execute("INSERT INTO labels (name, display, kind, color) VALUES "
                             "('RAW', 'RAW', 'entity', '#000000')").lastrowid
    started = time.perf_counter()
    with conn:
        conn.execute("UPDATE spans SET label_id = ? WHERE label_id = ?", [spare, loc])
    took = time.perf_counter() - started
    with conn:
        conn.execute("UPDATE spans SET label_id = ? WHERE label_id = ?", [loc, spare])
        conn.execute("DELETE FROM labels WHERE id = ?", [spare])
    conn.close()
    return took


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="10,000 spans, 3 repeats")
    parser.add_argument("--spans", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    spans, repeat = (10_000, 3) if args.quick else (args.spans, args.repeat)
    figures: dict[str, list[float]] = {k: [] for k in (
        "rename_s", "undo_rename_s", "merge_s", "undo_merge_s", "raw_update_s")}
    with tempfile.TemporaryDirectory(prefix="hanmark-bench-scheme-") as folder:
        path = Path(folder) / "scheme.hanmark"
        count = build(path, spans)
        print(f"LOC has {count} spans; {repeat} runs of rename, merge, their undo, raw UPDATE")
        for run in range(repeat):
            with Project.open(path) as project:
                took, change = timed(lambda: sc.rename_label(project, "LOC", "PLACE"))
                figures["rename_s"].append(took)
                figures["undo_rename_s"].append(timed(
                    lambda c=change: sc.revert_change(project, c.revert))[0])
                took, change = timed(lambda: sc.merge_labels(project, "LOC", "ORG"))
                figures["merge_s"].append(took)
                duplicates = change.impact.duplicates
                figures["undo_merge_s"].append(timed(
                    lambda c=change: sc.revert_change(project, c.revert))[0])
                assert sc.impact(project, "LOC").spans == count, "undo lost spans"
            figures["raw_update_s"].append(raw_update(path))
            print(f"run {run + 1}: rename {figures['rename_s'][-1]:.3f} s, merge "
                  f"{figures['merge_s'][-1]:.3f} s ({duplicates} duplicates removed), "
                  f"undo {figures['undo_merge_s'][-1]:.3f} s, raw UPDATE "
                  f"{figures['raw_update_s'][-1]:.3f} s")
    result = {"bench": "scheme", "spans": count, "repeat": repeat}
    for name, values in figures.items():
        result[name] = round(statistics.median(values), 4)
        result[name.replace("_s", "_p95_s")] = round(p95(values), 4)
    result["merge_ratio_to_raw"] = round(result["merge_s"] / result["raw_update_s"], 2)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
