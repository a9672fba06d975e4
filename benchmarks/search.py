"""Search benchmark: plain and regular-expression search over a project of synthetic
articles (perturbed seed articles, 2,000 characters each, 20 spans each).

Run from the repo root:  python benchmarks/search.py [--quick] [--docs N] [--repeat R]
                                                     [--keep PATH]

Figures (medians over ``--repeat`` runs, p95 beside them):
- first_page_ms: a plain search's first 50 hits with context and covering labels,
  for a common term (平原县) and a rare one (the marker of one article near the end);
- count_s: the full count of a plain search (SQLite instr + replace, no text leaves
  SQLite), for a three-character and a two-character term;
- regex_s: a regular-expression search complete (every hit built, with context), in one
  process, and regex_parallel_s: the same spread over worker processes (one per core, at
  most 8; only used from 20M characters up);
- the raw baselines in the same run: reading every text out of SQLite, Python
  ``str.count`` and ``re.finditer`` over the texts already in memory, with the ratios.
- fts: the cost of the alternative, an FTS5 trigram index (built over the first
  ``--fts-docs`` documents): build time and the bytes it adds per byte of text.
The last line printed is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sqlite3
import statistics
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import articles

from corpus.document import NewDocument
from storage.project import Project
from storage.views.search import Search, SearchRequest
from storage.views.search_parallel import default_workers, worth_it

COMMON, SHORT = "平原县", "五型"
REGEX = r"\d+(?:\.\d+)?[万亿]?(?:元|人|个|名|场次|%)"
PAGE = 50
SPANS = 20  # per document
LABELS = ("PER", "ORG", "LOC", "POST", "METRIC", "SLOGAN")


def build(path: Path, count: int) -> None:
    """The documents (with their raw text, as an import stores them) and SPANS spans on each
    in one annotator's layer, so every hit's covering labels are looked up for real."""
    rng = random.Random(3)
    with Project.create(path) as project, project.action():
        labels = dict(project.db.execute("SELECT name, id FROM labels").fetchall())
        rows = []
        for i, (_, text) in enumerate(articles(count, target_chars=2000)):
            document_id = project.insert_document(NewDocument(text=text, title=f"#{i}",
                                                              raw_text=text))
            for _ in range(SPANS):
                start = rng.randrange(len(text) - 8)
                end = start + rng.randint(2, 8)
                rows.append((document_id, start, end, labels[rng.choice(LABELS)], "a1",
                             text[start:end]))
        project.db.conn.executemany(
            'INSERT INTO spans (document_id, start, "end", label_id, annotator, text) '
            "VALUES (?, ?, ?, ?, ?, ?)", rows)


def timed(fn) -> tuple[float, object]:
    began = time.perf_counter()
    result = fn()
    return time.perf_counter() - began, result


def repeat(fn, times: int) -> tuple[float, float, object]:
    runs, result = [], None
    for _ in range(times):
        seconds, result = timed(fn)
        runs.append(seconds)
    runs.sort()
    return statistics.median(runs), runs[min(len(runs) - 1, round(0.95 * (len(runs) - 1)))], result


def first_page(project, pattern: str) -> list:
    return list(islice(Search(project, SearchRequest(pattern)).hits(), PAGE))


def fts_cost(path: Path, docs: int) -> dict:
    """Build an FTS5 trigram index over the first ``docs`` texts in a scratch copy."""
    with tempfile.TemporaryDirectory() as folder:
        scratch = sqlite3.connect(Path(folder) / "fts.db")
        source = sqlite3.connect(path)
        rows = source.execute("SELECT id, text FROM documents ORDER BY id LIMIT ?", [docs])
        scratch.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, text TEXT)")
        scratch.executemany("INSERT INTO t VALUES (?, ?)", rows)
        scratch.commit()
        text_bytes = scratch.execute("SELECT sum(length(CAST(text AS BLOB))) FROM t").fetchone()[0]
        size = lambda: scratch.execute(
            "SELECT page_count * page_size FROM pragma_page_count, pragma_page_size").fetchone()[0]
        before = size()
        began = time.perf_counter()
        scratch.execute("CREATE VIRTUAL TABLE f USING fts5(text, content='t', content_rowid='id', "
                        "tokenize='trigram')")
        scratch.execute("INSERT INTO f(f) VALUES ('rebuild')")
        scratch.commit()
        build_s = time.perf_counter() - began
        query_s, _ = timed(lambda: scratch.execute(
            "SELECT count(*) FROM f WHERE f MATCH ?", [f'"{COMMON}"']).fetchone())
        added = size() - before
        scratch.close()
        source.close()
    return {"fts_docs": docs, "fts_build_s": round(build_s, 2),
            "fts_bytes_per_text_byte": round(added / text_bytes, 2),
            "fts_match_docs_ms": round(query_s * 1000, 1)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--docs", type=int)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="build the project here once and reuse it")
    parser.add_argument("--fts-docs", type=int, default=5000)
    args = parser.parse_args()
    count = args.docs or (2000 if args.quick else 100_000)
    folder = tempfile.TemporaryDirectory()
    path = args.keep or Path(folder.name) / "search.hanmark"
    if not path.exists():
        print(f"building {count} documents × ~2,000 characters …", flush=True)
        build_s, _ = timed(lambda: build(path, count))
        print(f"  built in {build_s:.1f} s", flush=True)
    figures = measure(path, args.repeat)
    figures["fts"] = fts_cost(path, min(args.fts_docs, figures["docs"]))
    print(f"fts5 trigram over {figures['fts']['fts_docs']} documents: built in "
          f"{figures['fts']['fts_build_s']} s, adds {figures['fts']['fts_bytes_per_text_byte']}"
          " bytes per byte of text")
    print(json.dumps({"bench": "search", **figures}, ensure_ascii=False))
    folder.cleanup()


def measure(path: Path, times: int) -> dict:
    with Project.open(path, readonly=True) as project:
        docs, chars = project.db.execute("SELECT count(*), sum(length(text)) FROM documents"
                                         ).fetchone()
        rare = project.db.execute("SELECT substr(text, -12) FROM documents ORDER BY id DESC "
                                  "LIMIT 1 OFFSET 10").fetchone()[0].strip()
        print(f"{docs} documents, {chars / 1e6:.1f}M characters; rare term {rare!r}", flush=True)
        read_s, _p, texts = repeat(lambda: [r[0] for r in project.db.execute(
            "SELECT text FROM documents")], 1)
        out = {"docs": docs, "chars": chars}
        page_ms, page_p95, _hits = repeat(lambda: first_page(project, COMMON), times)
        out |= {"first_page_ms": round(page_ms * 1000, 1),
                "first_page_ms_p95": round(page_p95 * 1000, 1)}
        rare_ms, _p, _h = repeat(lambda: first_page(project, rare), times)
        out["first_page_rare_ms"] = round(rare_ms * 1000, 1)
        count_s, count_p95, total = repeat(lambda: Search(project, SearchRequest(COMMON)).count(),
                                           times)
        short_s, _p, short_total = repeat(
            lambda: Search(project, SearchRequest(SHORT)).count(), times)
        raw_count_s, _p, raw_total = repeat(lambda: sum(t.count(COMMON) for t in texts), times)
        assert total == raw_total, (total, raw_total)
        out |= {"count_s": round(count_s, 3), "count_s_p95": round(count_p95, 3),
                "count_hits": total, "count_short_s": round(short_s, 3),
                "count_short_hits": short_total, "raw_read_s": round(read_s, 3),
                "raw_str_count_s": round(raw_count_s, 3),
                "count_ratio_to_read_and_str_count": round(count_s / (read_s + raw_count_s), 2)}
        regex_times = max(1, times // 2)
        regex_s, regex_p95, regex_hits = repeat(lambda: sum(1 for _ in Search(
            project, SearchRequest(REGEX, regex=True)).hits()), regex_times)
        compiled = re.compile(REGEX)
        raw_regex_s, _p, raw_hits = repeat(
            lambda: sum(1 for t in texts for _ in compiled.finditer(t)), regex_times)
        assert regex_hits == raw_hits, (regex_hits, raw_hits)
        workers = default_workers()
        parallel_s, _p, parallel_hits = repeat(lambda: sum(1 for _ in Search(
            project, SearchRequest(REGEX, regex=True), workers=workers).hits()), regex_times)
        assert parallel_hits == regex_hits
        out |= {"regex_s": round(regex_s, 3), "regex_s_p95": round(regex_p95, 3),
                "regex_hits": regex_hits, "raw_regex_s": round(raw_regex_s, 3),
                "regex_ratio_to_read_and_finditer": round(regex_s / (read_s + raw_regex_s), 2),
                "regex_parallel_s": round(parallel_s, 3), "workers": workers,
                "parallel_used": worth_it(Search(project, SearchRequest(REGEX, regex=True)),
                                          workers)}
    print(f"first page ({PAGE} hits of {COMMON}): {out['first_page_ms']} ms "
          f"(p95 {out['first_page_ms_p95']}); rare term: {out['first_page_rare_ms']} ms")
    print(f"count {COMMON}: {total} hits in {out['count_s']} s; {SHORT}: {short_total} in "
          f"{out['count_short_s']} s; raw read {out['raw_read_s']} s + str.count "
          f"{out['raw_str_count_s']} s")
    print(f"regex {REGEX}: {regex_hits} hits in {out['regex_s']} s; raw finditer "
          f"{out['raw_regex_s']} s over texts in memory; with {workers} worker processes "
          f"{out['regex_parallel_s']} s" + ("" if out["parallel_used"] else " (not used: too small)"))
    return out


if __name__ == "__main__":
    main()
