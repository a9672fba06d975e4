"""Startup benchmark: wall time from process launch to a usable Hanmark window.

Run from the repo root:  python benchmarks/startup.py [--quick] [--runs N] [--app EXE]
(``--app dist/Hanmark/Hanmark`` measures a frozen build instead of ``python -m hanmark``).

Each child runs offscreen (QT_QPA_PLATFORM=offscreen) with a throw-away HOME and
XDG_* folders, so no display is needed and the user's files are never touched.
The app is started with HANMARK_STARTUP_PROBE=1 (see hanmark/launcher.py), which
makes it print ``window-ready <ms>`` once the window is shown and quit.
The last line of output is one JSON object with the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TIMEOUT_S = 60.0
READY = "window-ready"
APP_CMD = [sys.executable, "-m", "hanmark"]
BARE_QT = (
    "from PySide6.QtCore import QTimer\n"
    "from PySide6.QtWidgets import QApplication, QMainWindow\n"
    "app = QApplication([])\nwindow = QMainWindow()\nwindow.show()\n"
    f"QTimer.singleShot(0, lambda: (print('{READY} 0', flush=True), app.quit()))\n"
    "app.exec()\n"
)
BARE_CMD = [sys.executable, "-c", BARE_QT]


class BenchError(RuntimeError):
    pass


def child_env(home: Path, probe: str = "1") -> dict[str, str]:
    env = dict(os.environ)
    env.update(HOME=str(home), USERPROFILE=str(home), APPDATA=str(home / "appdata"),
               LOCALAPPDATA=str(home / "localappdata"), XDG_DATA_HOME=str(home / "data"),
               XDG_CONFIG_HOME=str(home / "config"), XDG_CACHE_HOME=str(home / "cache"),
               QT_QPA_PLATFORM="offscreen", HANMARK_STARTUP_PROBE=probe,
               PYTHONPATH=os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")])))
    return env


def run_once(name: str, cmd: list[str], home: Path, probe: str = "1") -> tuple[float, str]:
    """Launch one child; return (wall ms until the ready line, the ready line plus
    whatever it printed after it)."""
    with tempfile.TemporaryFile("w+") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=home, env=child_env(home, probe), text=True,
                                stdout=subprocess.PIPE, stderr=err)
        timed_out = threading.Event()
        timer = threading.Timer(TIMEOUT_S, lambda: (timed_out.set(), proc.kill()))
        timer.start()
        try:
            wall_ms, line = _wait_ready(proc, start)
            line += " " + proc.stdout.read().strip()
            proc.wait()  # let it finish (e.g. write the jieba cache) before the next run
        finally:
            timer.cancel()
        err.seek(0)
        _check_child(name, proc, timed_out.is_set(), line, err.read())
    return wall_ms, line


def _wait_ready(proc: subprocess.Popen, start: float) -> tuple[float, str]:
    for line in proc.stdout:
        if line.startswith(READY):
            return (time.perf_counter() - start) * 1000, line.strip()
    return 0.0, ""


def _check_child(what: str, proc, timed_out: bool, line: str, stderr: str) -> None:
    if timed_out:
        raise BenchError(f"{what}: timed out after {TIMEOUT_S:.0f} s (child killed)")
    if not line or proc.returncode != 0:
        tail = "\n".join(stderr.strip().splitlines()[-15:])
        raise BenchError(f"{what}: exited with code {proc.returncode} "
                         f"{'before' if not line else 'after'} printing '{READY}'\n{tail}")


def measure(name: str, cmd: list[str], runs: int, fresh_home: bool) -> list[float]:
    """One discarded warm-up, then `runs` timed runs; fresh HOME per run or one shared."""
    with tempfile.TemporaryDirectory(prefix="hanmark-bench-") as shared:
        times = []
        for i in range(runs + 1):
            with tempfile.TemporaryDirectory(prefix="hanmark-bench-") as fresh:
                ms, line = run_once(name, cmd, Path(fresh if fresh_home else shared))
            label = "warm-up (discarded)" if i == 0 else f"run {i}/{runs}"
            print(f"  {name:<12} {label:<20} {ms:8.1f} ms   [{line}]", flush=True)
            if i:
                times.append(ms)
    print(f"{name}: median {statistics.median(times):.1f} ms, "
          f"min {min(times):.1f}, max {max(times):.1f}", flush=True)
    return times


def measure_stalls(runs: int, app_cmd: list[str]) -> list[float]:
    """The longest the window's event loop waits while jieba warms up behind it."""
    stalls = []
    with tempfile.TemporaryDirectory(prefix="hanmark-bench-") as home:
        for i in range(runs):
            _ms, line = run_once("warm_up_stall", app_cmd, Path(home), probe="stall")
            if "stall-max" not in line:
                raise BenchError(f"warm_up_stall: no 'stall-max' line in {line!r}")
            stalls.append(float(line.split("stall-max")[1].split()[0]))
            print(f"  warm_up_stall run {i + 1}/{runs}: longest event-loop wait "
                  f"{stalls[-1]:.1f} ms", flush=True)
    return stalls


def p95(values: list[float]) -> float:
    if len(values) < 2:
        return values[0]
    return statistics.quantiles(values, n=20, method="inclusive")[18]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="4 runs per case instead of 15")
    parser.add_argument("--runs", type=int, help="timed runs per case (overrides --quick)")
    parser.add_argument("--app", type=Path, help="a frozen executable to measure instead")
    args = parser.parse_args(argv)
    runs = args.runs or (4 if args.quick else 15)
    app_cmd = [str(args.app.resolve())] if args.app else APP_CMD
    print(f"startup benchmark: {runs} runs per case, {' '.join(app_cmd)}", flush=True)
    try:
        bare = measure("bare_qt", BARE_CMD, runs, fresh_home=True)
        warm = measure("window_ms", app_cmd, runs, fresh_home=False)
        first = measure("first_start", app_cmd, runs, fresh_home=True)
        stalls = measure_stalls(max(3, runs // 3), app_cmd)
    except BenchError as error:
        print(f"startup benchmark: error: {error}", file=sys.stderr)
        return 1
    stall = max(stalls)
    window_ms, bare_ms = statistics.median(warm), statistics.median(bare)
    result = {"bench": "startup", "window_ms": round(window_ms, 1),
              "window_ms_p95": round(p95(warm), 1),
              "first_start_ms": round(statistics.median(first), 1),
              "bare_qt_ms": round(bare_ms, 1),
              "ratio_to_bare_qt": round(window_ms / bare_ms, 2),
              "warm_up_stall_ms_max": round(stall, 1), "runs": runs,
              "frozen": bool(args.app)}
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
