"""Crash harness: SIGKILL in the middle of a stream of edits and of ``hanmark import``,
many times; after each kill the project must be intact and lose nothing acknowledged.

Run from the repo root:  python benchmarks/crash.py [--trials N] [--files N] [--quick]

Edit trials: a child opens a project and adds and relabels spans through the storage
API, printing (flushed) one acknowledgement line after each call returns; the parent
kills it with SIGKILL after a random number of acknowledgements (the child is then in
its next call) and checks: PRAGMA integrity_check is ok, every acknowledged edit is in
the file (span there, with its text and its last acknowledged label), nothing else but
at most the one unacknowledged edit.
Import trials: ``hanmark import`` of a few thousand files is killed once the project
holds a random number of documents; then integrity is ok, no document is half-written
(its stored length matches its text, every span fits), and re-running the import
completes the set with no duplicates.  The last line printed is one JSON object.
POSIX only (SIGKILL).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import write_corpus  # noqa: E402

from corpus.document import NewDocument  # noqa: E402
from storage.project import Project  # noqa: E402

TEXT = "平原县委书记到德州市审计局调研，强调要抓好审计整改工作。" * 8
LABELS = ("ORG", "PER", "LOC", "POST")
EDITOR = textwrap.dedent("""
    import sys
    from storage.project import Project
    labels = ("ORG", "PER", "LOC", "POST")
    project = Project.open(sys.argv[1])
    out = sys.stdout
    for i in range(100000):
        doc, start = 1 + i % 3, (i * 7) % 200
        span = project.add_span(doc, start, start + 3, labels[i % 4], annotator="crash")
        out.write(f"add {span.id} {doc} {start} {start + 3} {span.label}\\n"); out.flush()
        if i % 3 == 2:
            label = labels[(i + 1) % 4]
            project.relabel_span(span.id, label)
            out.write(f"relabel {span.id} {label}\\n"); out.flush()
""")


# ``hanmark import`` as the user runs it, with the importer's commit batch set from argv
# (shorter batches let a small corpus be killed between commits, as a large one is).
IMPORTER = ("import sys; import storage.interchange.importer as i; i.BATCH_SECONDS = float(sys.argv[1]); "
            "from hanmark.cli import main; sys.exit(main(sys.argv[2:]))")


def child_env() -> dict:
    return {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get(
        "PYTHONPATH", "")]).rstrip(os.pathsep)}


def editing_project(folder: Path) -> Path:
    path = folder / "edits.hanmark"
    with Project.create(path) as project:
        for i in range(3):
            text = f"第{i}篇：{TEXT}"
            project.add_document(NewDocument(text=text, title=text[:20], raw_text=text,
                                             source=f"{i}.txt", meta={}))
    return path


def integrity(path: Path) -> str:
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return db.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        db.close()


def edit_trial(folder: Path, rng: random.Random) -> dict:
    path = editing_project(folder)
    kill_after = rng.randint(1, 150)
    child = subprocess.Popen([sys.executable, "-c", EDITOR, str(path)], stdout=subprocess.PIPE,
                             text=True, env=child_env(), cwd=REPO)
    acks = []
    try:
        while len(acks) < kill_after:
            line = child.stdout.readline()
            if not line:
                break
            acks.append(line.split())
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=60)
    return {"acknowledged": len(acks), **check_edits(path, acks)}


def check_edits(path: Path, acks: list[list[str]]) -> dict:
    expected: dict[int, tuple] = {}
    for ack in acks:
        if ack[0] == "add":
            expected[int(ack[1])] = (int(ack[2]), int(ack[3]), int(ack[4]), ack[5])
        else:
            doc, start, end, _ = expected[int(ack[1])]
            expected[int(ack[1])] = (doc, start, end, ack[2])
    problems = []
    ok = integrity(path)
    if ok != "ok":
        problems.append(f"integrity: {ok}")
    with Project.open(path, readonly=True) as project:
        found = {row[0]: row[1:] for row in project.db.execute(
            'SELECT s.id, s.document_id, s.start, s."end", l.name, s.text, d.text '
            "FROM spans s JOIN labels l ON l.id = s.label_id "
            "JOIN documents d ON d.id = s.document_id")}
    last = acks[-1] if acks else None
    for span_id, (doc, start, end, label) in expected.items():
        row = found.get(span_id)
        relabelled_after = row is not None and last is not None and last[0] == "add" \
            and int(last[1]) == span_id  # the unacknowledged relabel may have committed
        if row is None or row[:3] != (doc, start, end):
            problems.append(f"acknowledged span {span_id} lost")
        elif row[3] != label and not relabelled_after:
            problems.append(f"span {span_id}: label {row[3]}, acknowledged {label}")
        elif row[4] != row[5][start:end]:
            problems.append(f"span {span_id}: text differs from text[start:end]")
    extra = set(found) - set(expected)
    if len(extra) > 1:
        problems.append(f"{len(extra)} spans never acknowledged")
    return {"problems": problems}


def hanmark(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "hanmark", *args], capture_output=True,
                          text=True, env=child_env(), cwd=REPO, timeout=900)


def document_count(path: Path) -> int:
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
        try:
            return db.execute("SELECT count(*) FROM documents").fetchone()[0]
        finally:
            db.close()
    except sqlite3.Error:
        return 0


def import_trial(folder: Path, corpus: Path, files: int, rng: random.Random,
                 batch_seconds: float = 0.25) -> dict:
    path = folder / "import.hanmark"
    hanmark("new", str(path))
    target = rng.randint(1, files - 1)
    child = subprocess.Popen([sys.executable, "-c", IMPORTER, str(batch_seconds), "import",
                              str(path), str(corpus), "--quiet"], stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL, env=child_env(), cwd=REPO)
    while child.poll() is None and document_count(path) < target:
        time.sleep(0.005)  # polling the condition, not waiting for a time
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=60)
    at_kill = document_count(path)
    finished_first = at_kill >= files
    problems = check_import(path)
    again = hanmark("import", str(path), str(corpus), "--quiet")
    if again.returncode != 0:
        problems.append(f"re-import failed: {again.stdout[-200:]} {again.stderr[-200:]}")
    total, distinct = _counts(path)
    if total != files or distinct != total:
        problems.append(f"after re-import {total} documents ({distinct} distinct) of {files}")
    problems += check_import(path)
    return {"documents_at_kill": at_kill, "finished_before_kill": finished_first,
            "problems": problems}


def _counts(path: Path) -> tuple[int, int]:
    db = sqlite3.connect(path)
    try:
        return db.execute("SELECT count(*), count(DISTINCT text) FROM documents").fetchone()
    finally:
        db.close()


def check_import(path: Path) -> list[str]:
    problems = [] if integrity(path) == "ok" else [f"integrity: {integrity(path)}"]
    db = sqlite3.connect(path)
    try:
        for doc_id, text, length in db.execute("SELECT id, text, length FROM documents"):
            if not text or length != len(text):
                problems.append(f"document {doc_id} half-written")
    finally:
        db.close()
    return problems


def run(trials: int, files: int, seed: int = 1, batch_seconds: float = 0.25) -> dict:
    rng = random.Random(seed)
    results = {"edit": [], "import": []}
    with tempfile.TemporaryDirectory(prefix="hanmark-crash-") as tmp:
        corpus = Path(tmp) / "corpus"
        write_corpus(corpus, files, target_chars=1500, undamaged=True)
        for trial in range(trials):
            for kind in ("edit", "import"):
                folder = Path(tmp) / f"{kind}{trial}"
                folder.mkdir()
                result = edit_trial(folder, rng) if kind == "edit" else \
                    import_trial(folder, corpus, files, rng, batch_seconds)
                results[kind].append(result)
                print(f"{kind:6} trial {trial}: {result}", flush=True)
    return summarize(results, files)


def summarize(results: dict, files: int) -> dict:
    edits, imports = results["edit"], results["import"]
    return {
        "benchmark": "crash", "files": files,
        "edit_trials": len(edits), "edits_acknowledged": sum(r["acknowledged"] for r in edits),
        "import_trials": len(imports),
        "imports_killed_midway": sum(not r["finished_before_kill"] for r in imports),
        "failed_trials": sum(bool(r["problems"]) for r in edits + imports),
        "problems": [p for r in edits + imports for p in r["problems"]][:20],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=20)
    parser.add_argument("--files", type=int, default=3000)
    parser.add_argument("--batch-seconds", type=float, default=0.25,
                        help="the importer's commit batch (default: the real 0.25 s)")
    parser.add_argument("--quick", action="store_true", help="3 trials, 300 files, 0.01 s batches")
    args = parser.parse_args()
    trials, files = (3, 300) if args.quick else (args.trials, args.files)
    summary = run(trials, files, batch_seconds=0.01 if args.quick else args.batch_seconds)
    print(json.dumps(summary, ensure_ascii=False))
    return 1 if summary["failed_trials"] else 0


if __name__ == "__main__":
    sys.exit(main())
