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
