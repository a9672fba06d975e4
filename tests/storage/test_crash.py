"""One user action is one transaction: once add_span returns, SIGKILL loses nothing."""

import os
import subprocess
import sys
import textwrap

from storage.project import Project
from tests.conftest import ROOT

CHILD = textwrap.dedent("""
    import sys, time
    from storage.project import Project
    project = Project.open(sys.argv[1])
    span = project.add_span(1, 4, 8, "ORG", annotator="crash")
    print(span.id, flush=True)
    time.sleep(600)  # killed long before this
""")


def test_span_survives_sigkill_right_after_the_call(astral_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(astral_path)],
                             stdout=subprocess.PIPE, text=True, env=env)
    try:
        span_id = int(child.stdout.readline())
    finally:
        child.kill()  # SIGKILL on POSIX: no clean-up, no checkpoint
        child.wait(timeout=30)
    assert child.returncode != 0
    assert (astral_path.parent / (astral_path.name + "-wal")).exists()  # died mid-session
    with Project.open(astral_path) as project:
        assert project.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        span = project.span(span_id)
        assert (span.start, span.end, span.label, span.text) == (4, 8, "ORG", "平原县委")


def _harness():
    import importlib.util

    spec = importlib.util.spec_from_file_location("crash_harness",
                                                  ROOT / "benchmarks" / "crash.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_sigkill_in_a_stream_of_edits_loses_no_acknowledged_edit(tmp_path):
    import random

    harness = _harness()
    rng = random.Random(3)
    for trial in range(3):
        folder = tmp_path / f"t{trial}"
        folder.mkdir()
        result = harness.edit_trial(folder, rng)
        assert result["acknowledged"] > 0
        assert result["problems"] == []


def test_sigkill_during_import_then_reimport_completes_without_duplicates(tmp_path):
    import random

    harness = _harness()
    corpus = tmp_path / "corpus"
    harness.write_corpus(corpus, 120, target_chars=600, undamaged=True)
    rng = random.Random(5)
    for trial in range(2):
        folder = tmp_path / f"t{trial}"
        folder.mkdir()
        result = harness.import_trial(folder, corpus, 120, rng, batch_seconds=0.0)
        assert result["problems"] == []


def test_the_checks_catch_a_lost_edit(tmp_path):
    """The harness's own check must fail when an acknowledged edit is missing."""
    harness = _harness()
    path = harness.editing_project(tmp_path)
    problems = harness.check_edits(path, [["add", "41", "1", "0", "3", "ORG"]])["problems"]
    assert problems == ["acknowledged span 41 lost"]
