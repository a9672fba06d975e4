"""Import benchmark: synthetic articles through the real import path, against plain
SQLite inserts of the same texts.

Run from the repo root:  python benchmarks/import.py [--quick] [--count N] [--repeat R]

The import path is what ``hanmark import`` runs: read and decode each file,
detect its format, clean it (markup, pinyin artefacts, bylines, raw map),
extract metadata, de-duplicate and store — tokenizing excluded.  The raw
baseline reads the same files and inserts their bytes' text into a one-table
SQLite file in one transaction.  A second corpus without the pinyin-damaged
seeds (002, 004: hundreds of repairs per article) shows what the mix costs.
The CPU time of the import (every process, workers too) is printed per article:
two cores give 5,000 articles/s only if it stays under 0.4 ms.  The *floor* runs
the same import with cleaning taken out (each file read, decoded and stored as
its own raw text, through the same worker pool, de-duplication and batched
commits): no cleaning code can make the import faster than that.
The last line printed is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path
from unittest import mock

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import write_corpus  # noqa: E402  (benchmarks/synthetic.py)

from corpus.document import NewDocument  # noqa: E402
from corpus.preparing import Prepared  # noqa: E402
from corpus.readers import read_file  # noqa: E402
from storage.interchange import importer  # noqa: E402
from storage.interchange.import_inputs import import_paths  # noqa: E402  (what `hanmark import` runs)
from storage.project import Project  # noqa: E402


def time_import(files: list[Path], folder: Path, run: int | str) -> tuple[float, float]:
    """Seconds of the import, and the CPU seconds it took in all processes (workers too)."""
    target = folder / f"import-{run}-{files[0].parent.name}.hanmark"
    Project.create(target).close()
    cpu = _cpu_seconds()
    start = time.perf_counter()
    report = import_paths(target, [files[0].parent])
    seconds = time.perf_counter() - start
    if report.failed or len(report.imported) != len(files):
        raise SystemExit(f"import benchmark: {len(report.failed)} failed, "
                         f"{len(report.imported)} of {len(files)} imported: {report.failed[:3]}")
    return seconds, _cpu_seconds() - cpu


def _cpu_seconds() -> float:
    """User and system time of this process and its ended workers (0 where unknown)."""
    try:
        import resource
    except ImportError:     # Windows
        return 0.0
    own, workers = (resource.getrusage(who) for who in
                    (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    return own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime


def prepare_uncleaned(path: Path, options, name: str | None = None) -> list[Prepared]:
    """The floor's stand-in for corpus.preparing.prepare: read and decode, no cleaning."""
    name = name or path.name
    text = read_file(path, name).decode("utf-8")
    document = NewDocument(text=text, title=name, raw_text=text, source=name)
    document.content_hash  # noqa: B018 - computed in the worker, as prepare does
    return [Prepared(name, document, "", "text", "utf-8")]


def time_floor(files: list[Path], folder: Path, run: int) -> tuple[float, float]:
    with mock.patch.object(importer, "prepare", prepare_uncleaned):
        return time_import(files, folder, f"floor-{run}")


def time_raw(files: list[Path], folder: Path, run: int) -> float:
    conn = sqlite3.connect(folder / f"raw-{run}.db")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("CREATE TABLE documents (id INTEGER PRIMARY KEY, name TEXT, text TEXT)")
    start = time.perf_counter()
    with conn:
        conn.executemany("INSERT INTO documents (name, text) VALUES (?, ?)",
                         ((p.name, p.read_bytes().decode("utf-8")) for p in files))
    seconds = time.perf_counter() - start
    conn.close()
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1,000 articles instead of 10,000")
    parser.add_argument("--count", type=int)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    count = args.count or (1000 if args.quick else 10000)
    with tempfile.TemporaryDirectory(prefix="hanmark-import-bench-") as tmp:
        folder = Path(tmp)
        files = write_corpus(folder / "corpus", count)
        plain = write_corpus(folder / "undamaged", count, undamaged=True)
        chars = sum(len(p.read_text(encoding="utf-8")) for p in files) / len(files)
        print(f"import benchmark: {count} articles, {chars:.0f} characters on average")
        imports, raws, undamaged, floors, cpus, floor_cpus = [], [], [], [], [], []
        for run in range(args.repeat):
            seconds, cpu = time_import(files, folder, run)
            raw = time_raw(files, folder, run)
            plain_seconds, _ = time_import(plain, folder, run)
            floor, floor_cpu = time_floor(files, folder, run)
            imports.append(count / seconds)
            cpus.append(cpu / count * 1000)
            raws.append(count / raw)
            undamaged.append(count / plain_seconds)
            floors.append(count / floor)
            floor_cpus.append(floor_cpu / count * 1000)
            print(f"  run {run + 1}/{args.repeat}: import {count / seconds:8.0f} docs/s "
                  f"({seconds:.2f} s, {cpus[-1]:.2f} ms CPU/doc), "
                  f"raw SQLite {count / raw:8.0f} docs/s, "
                  f"undamaged articles only {count / plain_seconds:8.0f} docs/s, "
                  f"floor (no cleaning) {count / floor:8.0f} docs/s "
                  f"({floor_cpus[-1]:.2f} ms CPU/doc)", flush=True)
    docs_per_s, raw_per_s = statistics.median(imports), statistics.median(raws)
    print(json.dumps({"bench": "import", "docs": count, "avg_chars": round(chars),
                      "docs_per_s": round(docs_per_s), "docs_per_s_min": round(min(imports)),
                      "cpu_ms_per_doc": round(statistics.median(cpus), 3),
                      "raw_sqlite_docs_per_s": round(raw_per_s),
                      "ratio_to_raw_sqlite": round(docs_per_s / raw_per_s, 3),
                      "undamaged_docs_per_s": round(statistics.median(undamaged)),
                      "floor_no_cleaning_docs_per_s": round(statistics.median(floors)),
                      "floor_cpu_ms_per_doc": round(statistics.median(floor_cpus), 3),
                      "repeat": args.repeat}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
