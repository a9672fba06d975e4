"""The file-size limit (RLIMIT_FSIZE, as a full disk) reached during an import or an edit:
one clear line, the project intact, every acknowledged edit still in the file."""

import resource
import signal
import sqlite3
import subprocess
import sys

import pytest

from storage.project import Project
from tests.conftest import ROOT, new_document

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")


def limited(limit_bytes):
    def apply():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write fails with EFBIG instead
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit_bytes, limit_bytes))
    return apply


def run_limited(limit_bytes, *args):
    import os

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, env=env,
                          preexec_fn=limited(limit_bytes), timeout=300)


def integrity_and_count(path):
    db = sqlite3.connect(path)
    try:
        return (db.execute("PRAGMA integrity_check").fetchone()[0],
                db.execute("SELECT count(*) FROM documents").fetchone()[0])
    finally:
        db.close()


def test_import_past_the_file_size_limit_is_one_line_and_the_project_intact(astral_path):
    corpus = astral_path.parent / "corpus"
    corpus.mkdir()
    for i in range(40):
        (corpus / f"{i:03}.txt").write_text(f"第{i}篇 " + "德州市审计局召开会议。" * 800,
                                            encoding="utf-8")
    size = astral_path.stat().st_size
    result = run_limited(size + 200_000, "-m", "hanmark", "import", str(astral_path),
                         str(corpus), "--quiet")
    assert result.returncode != 0
    errors = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(errors) == 1 and errors[0].startswith("hanmark: error: "), result.stderr
    assert "could not save" in errors[0] and "file-size limit" in errors[0]
    assert "Traceback" not in result.stderr + result.stdout
    ok, count = integrity_and_count(astral_path)
    assert ok == "ok" and 2 <= count < 42


EDITS = """
import sys
from storage.project import Project
from storage.errors import ProjectWriteFailed
project = Project.open(sys.argv[1])
try:
    for i in range(100000):
        span = project.add_span(1 + i % 2, 4, 8, "ORG", annotator=f"a{i:05}" + "x" * 300)
        print(span.id, flush=True)
except ProjectWriteFailed as error:
    print("refused", error.message, flush=True)
"""


def test_edits_past_the_limit_are_refused_and_every_acknowledged_one_kept(astral_path):
    size = astral_path.stat().st_size
    result = run_limited(size + 150_000, "-c", EDITS, str(astral_path))
    lines = result.stdout.splitlines()
    assert lines[-1].startswith("refused") and "file-size limit" in lines[-1], result.stderr
    acknowledged = [int(line) for line in lines[:-1]]
    assert acknowledged
    with Project.open(astral_path) as project:
        assert project.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        kept = {s.id for doc in (1, 2) for s in project.spans(doc)}
    assert set(acknowledged) <= kept
