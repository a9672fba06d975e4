"""Split and merge benchmark: a project of synthetic articles split into five annotators'
files, one file annotated (spans through batched INSERTs, as many as an annotator makes),
then merged back, twice (the second merge finds nothing to change).

Run from the repo root:  python benchmarks/merge.py [--quick] [--docs N] [--repeat R]

Figures: split_s (the whole project into 5 files), merge_s (a file holding every document,
with SPANS_PER_DOCUMENT spans each, into the project), remerge_s (the same file again),
and the raw baseline: copying the same spans between two SQLite files with one
INSERT … SELECT (raw_copy_s), with the ratio.  The last line printed is one JSON object.
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

from corpus.document import NewDocument, Status  # noqa: E402
from storage.project import Project  # noqa: E402
from storage.team.merge import merge_file  # noqa: E402
from storage.team.split import SplitOptions, split_project  # noqa: E402

LABELS = ("PER", "ORG", "LOC", "POST", "METRIC", "SLOGAN")
SPANS_PER_DOCUMENT = 20
ANNOTATORS = ("a1", "a2", "a3", "a4", "a5")


def build(path: Path, count: int) -> None:
    with Project.create(path) as project, project.action():
        for i, (_, text) in enumerate(articles(count, target_chars=2000)):
            project.insert_document(NewDocument(text=text, title=f"#{i}", raw_text=text))


def annotate(path: Path, annotator: str, seed: int = 1) -> int:
    rng = random.Random(seed)
    with Project.open(path) as project, project.action():
        labels = dict(project.db.execute("SELECT name, id FROM labels").fetchall())
        rows = []
        for document_id, text in project.db.execute("SELECT id, text FROM documents"):
            for _ in range(SPANS_PER_DOCUMENT):
                start = rng.randrange(len(text) - 8)
                end = start + rng.randint(2, 8)
                rows.append((document_id, start, end, labels[rng.choice(LABELS)], annotator,
                             text[start:end]))
            project.db.execute("INSERT INTO document_status (document_id, annotator, status) "
                               "VALUES (?, ?, ?)", [document_id, annotator, Status.DONE.value])
        project.db.conn.executemany(
            'INSERT INTO spans (document_id, start, "end", label_id, annotator, text) '
            "VALUES (?, ?, ?, ?, ?, ?)", rows)
    return len(rows)


def timed(fn) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def raw_copy(source: Path, target: Path) -> float:
    conn = sqlite3.connect(target)
    conn.execute("ATTACH DATABASE ? AS src", [str(source)])
    started = time.perf_counter()
    with conn:
        conn.execute("INSERT INTO spans SELECT * FROM src.spans")
    took = time.perf_counter() - started
    conn.close()
    return took


def one_run(folder: Path, count: int) -> dict:
    lead = folder / "lead.hanmark"
    build(lead, count)
    with Project.open(lead, readonly=True) as source:
        split_s = timed(lambda: split_project(source, folder / "files", SplitOptions(
            ANNOTATORS, overlap=0.2, copies=2, force=True)))
    full = folder / "full"
    with Project.open(lead, readonly=True) as source:
        split_project(source, full, SplitOptions(("a1",), force=True))
    spans = annotate(full / "a1.hanmark", "a1")
    with Project.open(lead) as project:
        merge_s = timed(lambda: merge_file(project, full / "a1.hanmark"))
        remerge_s = timed(lambda: merge_file(project, full / "a1.hanmark"))
        assert project.span_count() == spans
    baseline = folder / "raw.hanmark"
    build(baseline, 1)
    with sqlite3.connect(baseline) as conn:
        conn.execute("DROP TRIGGER spans_check_insert")
    return {"split_s": split_s, "merge_s": merge_s, "remerge_s": remerge_s,
            "raw_copy_s": raw_copy(full / "a1.hanmark", baseline), "spans": spans}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1,000 documents, one run")
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    count, repeat = (1000, 1) if args.quick else (args.docs, args.repeat)
    print(f"split into {len(ANNOTATORS)} files and merge of {count} documents × "
          f"{SPANS_PER_DOCUMENT} spans, {repeat} runs")
    runs = []
    for i in range(repeat):
        with tempfile.TemporaryDirectory() as tmp:
            runs.append(one_run(Path(tmp), count))
        print(f"run {i + 1}: " + ", ".join(f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}"
                                          for k, v in runs[-1].items()))
    median = {k: round(statistics.median(r[k] for r in runs), 3)
              for k in ("split_s", "merge_s", "remerge_s", "raw_copy_s")}
    ratio = round(median["merge_s"] / median["raw_copy_s"], 1) if median["raw_copy_s"] else None
    print(json.dumps({"bench": "merge", "documents": count, "spans": runs[0]["spans"],
                      **median, "merge_ratio_to_raw_copy": ratio}))


if __name__ == "__main__":
    main()
