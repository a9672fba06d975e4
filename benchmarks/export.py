"""Export benchmark: a project of synthetic articles with spans, exported to doccano JSONL
and to character-level BIO (CoNLL), against raw ``orjson.dumps`` of the same records.

Run from the repo root:  python benchmarks/export.py [--quick] [--docs N] [--repeat R]

The project is generated directly (documents through Project.insert_document, spans
by batched INSERTs, ten per document at random places).  Each run exports the whole
project through the real path (storage.interchange.export: read-only connection, span checks,
the format's writer, a partial file moved into place).  The raw baseline reads the
same rows into memory first and times only ``orjson.dumps`` + writing the bytes.
The last line printed is one JSON object.
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

import orjson

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import articles  # noqa: E402  (benchmarks/synthetic.py)

from corpus.document import NewDocument  # noqa: E402
from storage.interchange.export import ExportOptions, export  # noqa: E402
from storage.project import Project  # noqa: E402

LABELS = ("PER", "ORG", "LOC", "POST", "METRIC", "SLOGAN")
SPANS_PER_DOCUMENT = 10


def build(path: Path, docs: int, chars: int) -> tuple[int, int]:
    rng = random.Random(11)
    with Project.create(path) as project:
        label_ids = dict(project.db.execute("SELECT name, id FROM labels").fetchall())
        rows, total_chars = [], 0
        with project.db.atomic():
            for _name, text in articles(docs, target_chars=chars):
                document_id = project.insert_document(NewDocument(text=text, title=text[:20]))
                total_chars += len(text)
                rows += spans_for(rng, document_id, text, label_ids)
            project.db.conn.executemany(
                'INSERT INTO spans (document_id, start, "end", label_id, annotator, text) '
                "VALUES (?, ?, ?, ?, 'bench', ?)", rows)
    return len(rows), total_chars


def spans_for(rng: random.Random, document_id: int, text: str, label_ids: dict) -> list:
    slot = len(text) // SPANS_PER_DOCUMENT
    rows = []
    for i in range(SPANS_PER_DOCUMENT):
        start = i * slot + rng.randrange(0, max(1, slot - 8))
        end = start + rng.randrange(2, 7)
        rows.append((document_id, start, end, label_ids[rng.choice(LABELS)], text[start:end]))
    return rows


def time_export(project: Path, out: Path, fmt: str) -> float:
    start = time.perf_counter()
    result = export(project, out, ExportOptions(format=fmt))
    seconds = time.perf_counter() - start
    if result.documents == 0:
        raise SystemExit("export benchmark: nothing exported")
    return seconds


def time_raw(project: Path, out: Path) -> float:
    """orjson.dumps of the same records, already in memory, written to one file."""
    with Project.open(project, readonly=True) as opened:
        texts = dict(opened.db.execute("SELECT id, text FROM documents").fetchall())
        labels: dict[int, list] = {}
        for doc, s, e, name in opened.db.execute(
                'SELECT s.document_id, s.start, s."end", l.name FROM spans s '
                "JOIN labels l ON l.id = s.label_id ORDER BY s.document_id, s.start"):
            labels.setdefault(doc, []).append([s, e, name])
    records = [{"id": i, "text": t, "label": labels.get(i, []), "meta": {}}
               for i, t in texts.items()]
    start = time.perf_counter()
    with out.open("wb") as handle:
        handle.write(b"".join(orjson.dumps(r) + b"\n" for r in records))
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1,000 documents, not 10,000")
    parser.add_argument("--docs", type=int)
    parser.add_argument("--chars", type=int, default=1000, help="article length (default 1000)")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    docs = args.docs or (1000 if args.quick else 10000)
    repeat = 2 if args.quick and args.repeat == 5 else args.repeat
    with tempfile.TemporaryDirectory(prefix="hanmark-export-bench-") as tmp:
        folder = Path(tmp)
        spans, chars = build(folder / "bench.hanmark", docs, args.chars)
        print(f"export benchmark: {docs} documents, {spans} spans, "
              f"{chars / docs:.0f} characters on average")
        runs = {"doccano": [], "conll": [], "raw": []}
        for run in range(repeat):
            for fmt, name in (("doccano", "out.jsonl"), ("conll", "out.conll")):
                runs[fmt].append(spans / time_export(folder / "bench.hanmark", folder / name, fmt))
            runs["raw"].append(spans / time_raw(folder / "bench.hanmark", folder / "raw.jsonl"))
            print(f"  run {run + 1}/{repeat}: doccano {runs['doccano'][-1]:9.0f} spans/s, "
                  f"char BIO {runs['conll'][-1]:9.0f} spans/s, "
                  f"raw orjson {runs['raw'][-1]:9.0f} spans/s", flush=True)
    median = {k: statistics.median(v) for k, v in runs.items()}
    print(json.dumps({
        "bench": "export", "docs": docs, "spans": spans, "avg_chars": round(chars / docs),
        "spans_per_s": round(median["doccano"]), "spans_per_s_min": round(min(runs["doccano"])),
        "bio_spans_per_s": round(median["conll"]), "bio_spans_per_s_min": round(min(runs["conll"])),
        "raw_orjson_spans_per_s": round(median["raw"]),
        "ratio_to_raw_orjson": round(median["doccano"] / median["raw"], 3),
        "repeat": repeat}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
