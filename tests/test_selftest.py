"""``hanmark --self-test`` from source, as a user (or the frozen build's script) runs it."""

from __future__ import annotations

import os
import re
import sys

import pytest

from hanmark.selftest import StepFailed, check, step
from tests.conftest import run_hanmark

VERDICT_OK = re.compile(r"hanmark self-test: ok \(documents 5, tokens \d+, export 5 lines, "
                        r"\d+\.\d s\)")


def files_under(folder) -> list:
    return sorted(p for p in folder.rglob("*") if p.is_file())


def test_self_test_passes_and_leaves_the_user_folders_alone(hermetic_home):
    result = run_hanmark("--self-test")
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1 and VERDICT_OK.fullmatch(lines[0]), result.stdout
    assert files_under(hermetic_home) == []  # no sample, settings, cache or log of the user's


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland only")
def test_self_test_chooses_offscreen_without_a_display():
    env = {k: v for k, v in os.environ.items()
           if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    import subprocess

    from tests.conftest import ROOT

    env["PYTHONPATH"] = str(ROOT)
    result = subprocess.run([sys.executable, "-m", "hanmark", "--self-test"], env=env,
                            capture_output=True, text=True, encoding="utf-8", timeout=120,
                            check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert VERDICT_OK.fullmatch(result.stdout.strip())


def test_a_failing_step_is_named_in_one_line():
    with pytest.raises(StepFailed) as failure, step("export"):
        raise OSError("disk full\nsecond line")
    assert (failure.value.step, failure.value.reason) == ("export", "OSError: disk full")
    with pytest.raises(StepFailed, match="undo: the span is still there"):
        check(False, "undo", "the span is still there")
