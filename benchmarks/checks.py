"""Consistency-check benchmark: ``hanmark check``'s path over a 10,000-document project,
and the open document's checks after an edit, against a raw read in the same run.

Run from the repo root:  python benchmarks/checks.py [--quick] [--docs N] [--repeat R]

The project: synthetic articles (benchmarks/synthetic.py, ~2,000 characters), with two
layers: alice labels every occurrence of the default scheme's example terms
(DESIGN.md) and of their tokens' neighbours, bob copies alice with 10% of the spans
dropped and 5% relabelled, both mark every document done.  Tokens are cached for every
document, as the window caches them for each document an annotator opens (they are
computed block by block once per distinct block, which is what jieba does to a whole text).

Figures:
  corpus_s      every check over the project (open read-only, read, check), median
  uncached_s    the same on a copy without the token cache (blocks tokenized on demand)
  raw_read_s    the floor: reading every text and span row from SQLite, no check
  document_ms   p95 of the open document's checks after an edit (2,000 characters)
  document_long_ms  p95 of the same on a 100,000-character document with 2,000 spans
The last line printed is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import articles, one_document  # noqa: E402  (benchmarks/synthetic.py)

from corpus.checks import CheckDocument, DocumentTokens, Mark, corpus_findings  # noqa: E402
from corpus.checks.tokens import WORD  # noqa: E402
from corpus.document import NewDocument  # noqa: E402
from corpus.text.tokenizer import Tokenizer  # noqa: E402
from storage.views.checks import CheckRequest, check_project, context_for  # noqa: E402
from storage.project import Project  # noqa: E402
from storage.tokens import pack_ends  # noqa: E402

TERMS = {"PER": ["王玉东", "齐强", "潘吉兵"], "ORG": ["平原县委", "县委组织部", "德州市审计局"],
         "LOC": ["平原县", "德州", "浙江", "王庙镇", "山东"], "POST": ["县委书记", "县长", "书记"],
         "SLOGAN": ["严真细实快", "五型", "零差错", "四位一体", "高质量发展"],
         "METRIC": ["万元", "余场次"]}


def spans_in(text: str) -> list[tuple[int, int, str]]:
    order = sorted(((t, l) for l, ts in TERMS.items() for t in ts), key=lambda x: -len(x[0]))
    taken, out = bytearray(len(text)), []
    for term, label in order:
        position = text.find(term)
        while position >= 0:
            end = position + len(term)
            if label == "METRIC":      # the number before the unit
                while position > 0 and text[position - 1].isdigit():
                    position -= 1
            wanted = label != "METRIC" or end - position > len(term)
            if wanted and not any(taken[position:end]):
                out.append((position, end, label))
                taken[position:end] = b"\x01" * (end - position)
            position = text.find(term, end)
    return sorted(out)


def token_ends(text: str, tokenizer: Tokenizer, blocks: dict) -> list[int]:
    """The whole text's tokens, block by block (jieba segments each block on its own)."""
    ends, position = [], 0
    while position < len(text):
        end = position + 1
        if text[position] in WORD:
            while end < len(text) and text[end] in WORD:
                end += 1
            block = text[position:end]
            if block not in blocks:
                blocks[block] = tokenizer.token_ends(block)
            ends += [position + e for e in blocks[block]]
        else:
            ends.append(end)
        position = end
    return ends


def build(path: Path, docs: int, tokenizer: Tokenizer) -> int:
    rng, blocks = random.Random(3), {}
    with Project.create(path) as project:
        label_ids = dict(project.db.execute("SELECT name, id FROM labels").fetchall())
        spans, statuses, tokens = [], [], []
        with project.db.atomic():
            for _name, text in articles(docs, target_chars=2000, undamaged=False):
                document_id = project.insert_document(NewDocument(text=text, title=text[:20]))
                alice = spans_in(text)
                bob = [(s, e, rng.choice(list(TERMS)) if rng.random() < 0.05 else label)
                       for s, e, label in alice if rng.random() >= 0.1]
                for annotator, layer in (("alice", alice), ("bob", bob)):
                    spans += [(document_id, s, e, label_ids[label], annotator, text[s:e])
                              for s, e, label in layer]
                    statuses.append((document_id, annotator))
                tokens.append((document_id, tokenizer.key, 0,
                               pack_ends(token_ends(text, tokenizer, blocks))))
            project.db.conn.executemany(
                'INSERT INTO spans (document_id, start, "end", label_id, annotator, text) '
                "VALUES (?, ?, ?, ?, ?, ?)", spans)
            project.db.conn.executemany(
                "INSERT INTO document_status (document_id, annotator, status) "
                "VALUES (?, ?, 'done')", statuses)
            project.db.conn.executemany(
                "INSERT INTO tokens (document_id, tokenizer, words_revision, ends) "
                "VALUES (?, ?, ?, ?)", tokens)
    return len(spans)


def timed(fn) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def corpus_run(path: Path, tokenizer: Tokenizer) -> int:
    with Project.open(path, readonly=True) as project:
        return len(check_project(project, CheckRequest(), tokenizer))


def raw_read(path: Path) -> int:
    with Project.open(path, readonly=True) as project:
        rows = project.db.execute('SELECT document_id, start, "end", label_id, annotator, text, '
                                  "attributes FROM spans").fetchall()
        texts = project.db.execute("SELECT id, text, meta FROM documents").fetchall()
    return len(rows) + len(texts)


def document_p95(text: str, tokenizer: Tokenizer, path: Path, repeat: int) -> float:
    """The window's path after an edit: the open layer's spans, the view's tokens."""
    blocks: dict = {}
    ends = token_ends(text, tokenizer, blocks)
    layer = [Mark(i, 1, s, e, label, "alice", text[s:e])
             for i, (s, e, label) in enumerate(spans_in(text))]
    with Project.open(path, readonly=True) as project:
        context = context_for(project, ("label-conflict", "layer-conflict", "missed",
                                        "token-cut", "edge", "duplicate", "overlap",
                                        "metric-value", "damaged", "boilerplate"),
                              tokens_for=lambda d: DocumentTokens(d.text, ends, None))
        times = []
        for i in range(repeat):
            marks = layer[:len(layer) - (i % 2)]            # an edit: one span more or less
            document = CheckDocument(1, text, {}, marks, frozenset({"alice"}))
            times.append(timed(lambda: corpus_findings([document], context))[0] * 1000)
    return statistics.quantiles(times, n=20)[-1] if len(times) >= 20 else max(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="1,000 documents, fewer repeats")
    parser.add_argument("--docs", type=int)
    parser.add_argument("--repeat", type=int)
    args = parser.parse_args()
    docs = args.docs or (1_000 if args.quick else 10_000)
    repeat = args.repeat or (2 if args.quick else 3)
    with tempfile.TemporaryDirectory() as folder:
        tokenizer = Tokenizer(Path(folder) / "jieba").initialize()
        path = Path(folder) / "bench.hanmark"
        seconds, spans = timed(lambda: build(path, docs, tokenizer))
        print(f"built {docs} documents, {spans} spans in 2 layers, tokens cached ({seconds:.1f} s)")
        uncached = Path(folder) / "uncached.hanmark"
        shutil.copy(path, uncached)
        with Project.open(uncached) as project, project.action():
            project.db.execute("DELETE FROM tokens")
        raw = statistics.median(timed(lambda: raw_read(path))[0] for _ in range(repeat))
        runs = [timed(lambda: corpus_run(path, tokenizer)) for _ in range(repeat)]
        corpus_s = statistics.median(t for t, _n in runs)
        print(f"checks of the project: {corpus_s:.2f} s median of {repeat} "
              f"({runs[0][1]} findings); raw read {raw:.2f} s; ratio {corpus_s / raw:.1f}")
        uncached_s, found = timed(lambda: corpus_run(uncached, Tokenizer(Path(folder) / "j2")))
        print(f"without the token cache (jieba on demand, warm-up included): {uncached_s:.2f} s "
              f"({found} findings)")
        short = next(text for _n, text in articles(1, target_chars=2000))
        document_ms = document_p95(short, tokenizer, path, 40 if not args.quick else 20)
        long_text = one_document(100_000)
        long_ms = document_p95(long_text, tokenizer, path, 20)
        print(f"open document after an edit: p95 {document_ms:.1f} ms (2,000 characters), "
              f"{long_ms:.1f} ms (100,000 characters, {len(spans_in(long_text))} spans)")
    print(json.dumps({"bench": "checks", "documents": docs, "spans": spans,
                      "corpus_s": round(corpus_s, 3), "uncached_s": round(uncached_s, 3),
                      "raw_read_s": round(raw, 3), "ratio_to_raw_read": round(corpus_s / raw, 2),
                      "document_ms": round(document_ms, 2),
                      "document_long_ms": round(long_ms, 2)}))


if __name__ == "__main__":
    main()
