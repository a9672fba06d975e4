"""Document-list benchmark: the window on a project of many documents.

Run from the repo root:  python benchmarks/document_list.py [--quick] [--documents N]

The project is generated with raw SQL inserts (seconds, not an import), then the real
MainWindow is built on it offscreen.  Figures: window_ms (building and showing the
window), mark_done_next_ms_p95 (Ctrl+Enter: mark done, open the next not-done document),
next_ms_p95 (a plain next document, the baseline of the same run) and their ratio,
raw_commit_ms_p95 (the floor: one status row committed by plain sqlite3 with the same
durability, WAL + synchronous=FULL, on the same disk),
scroll_list_ms_p95 (the document list scrolled a page, rows read as they come into view),
rss_mb (this process's resident memory with the project open, after scrolling through
the whole list).  Then the app as a user starts it, `python -m hanmark PROJECT` with its
start-up probe: launch_ms (the app's own figure: launch to a usable window) and
launch_rss_mb (that window process's peak resident memory), against bare_qt_rss_mb, a
bare QMainWindow process (the raw baseline).  Last line: JSON.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TEXT = "今年新签约项目25个，投资665万元，打造“五型”机关。\n落实“严真细实快”要求。"


def make_project(path: Path, count: int) -> None:
    from storage.project import Project

    Project.create(path).close()
    import sqlite3
    db = sqlite3.connect(path)
    rows = ((f"第{i}篇 {TEXT[:12]}", f"{i} {TEXT}", hashlib.sha256(str(i).encode()).hexdigest(),
             len(f"{i} {TEXT}")) for i in range(count))
    db.executemany("INSERT INTO documents (title, text, content_hash, length) "
                   "VALUES (?, ?, ?, ?)", rows)
    db.commit()
    db.close()


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) > 1 else values[0]


def timed(fn, presses: int) -> list[float]:
    from PySide6.QtWidgets import QApplication
    out = []
    for _ in range(presses):
        start = time.perf_counter()
        fn()
        QApplication.processEvents()
        out.append((time.perf_counter() - start) * 1000)
    return out


def current_rss_mb() -> float:
    """Resident memory now (Linux /proc), else the peak."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 2 ** 20
    except (OSError, ValueError, IndexError):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def rss_when_ready(command: list[str], env: dict) -> tuple[str, float]:
    """Run ``command`` until it prints a line starting "window-ready"; that line and the
    process's resident memory at that moment (/proc/PID/status VmRSS, Linux), in MB."""
    import subprocess

    child = subprocess.Popen(command, env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL, text=True)
    line, rss = "", float("nan")
    for line in child.stdout:
        if line.startswith("window-ready"):
            try:
                status = Path(f"/proc/{child.pid}/status").read_text()
                rss = int(status.split("VmRSS:")[1].split()[0]) / 1024
            except (OSError, IndexError, ValueError):
                pass
            break
    child.kill()
    child.wait()
    return line, rss


def launch(path: Path, folder: str) -> dict:
    """``python -m hanmark PATH`` with the start-up probe, in a throw-away HOME; the
    "stall" probe keeps the window open until jieba (in its own process) is ready."""
    home = Path(folder) / "home"
    env = {**os.environ, "HOME": str(home), "XDG_CONFIG_HOME": str(home / "config"),
           "XDG_DATA_HOME": str(home / "data"), "XDG_CACHE_HOME": str(home / "cache"),
           "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    ready, rss = rss_when_ready([sys.executable, "-m", "hanmark", str(path)],
                                {**env, "HANMARK_STARTUP_PROBE": "stall"})
    bare = ("from PySide6.QtCore import QTimer\n"
            "from PySide6.QtWidgets import QApplication, QMainWindow\n"
            "app = QApplication([])\nw = QMainWindow()\nw.show()\n"
            "QTimer.singleShot(0, lambda: print('window-ready 0', flush=True))\n"
            "QTimer.singleShot(5000, app.quit)\napp.exec()\n")
    _line, bare_rss = rss_when_ready([sys.executable, "-c", bare], env)
    return {"launch_ms": float(ready.split()[1]) if ready else None,
            "launch_rss_mb": round(rss, 1), "bare_qt_rss_mb": round(bare_rss, 1)}


def raw_status_commits(path: Path, presses: int) -> list[float]:
    """The raw floor of a mark-done: one status upsert committed by plain sqlite3 with the
    project's durability (WAL, synchronous=FULL) on the same disk."""
    import sqlite3

    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    out = []
    for i in range(presses):
        start = time.perf_counter()
        db.execute("BEGIN IMMEDIATE")
        db.execute("INSERT INTO document_status (document_id, annotator, status) "
                   "VALUES (?, 'raw', 'done') ON CONFLICT (document_id, annotator) "
                   "DO UPDATE SET status = excluded.status", [i + 1])
        db.execute("COMMIT")
        out.append((time.perf_counter() - start) * 1000)
    db.close()
    return out


def scroll_list(window, app) -> list[float]:
    """Page down through the document list to its end (at most 500 pages)."""
    bar = window.document_list.verticalScrollBar()
    out = []
    while bar.value() < bar.maximum() and len(out) < 500:
        start = time.perf_counter()
        bar.setValue(bar.value() + bar.pageStep())
        app.processEvents()
        out.append((time.perf_counter() - start) * 1000)
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="2,000 documents")
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--presses", type=int, default=60)
    args = parser.parse_args()
    count = 2_000 if args.quick else args.documents
    from PySide6.QtWidgets import QApplication

    from gui.main_window import MainWindow
    from storage.project import Project

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "many.hanmark"
        start = time.perf_counter()
        make_project(path, count)
        print(f"generated {count} documents in {time.perf_counter() - start:.1f} s")
        app = QApplication.instance() or QApplication([])
        start = time.perf_counter()
        window = MainWindow(Project.open(path), "bench",
                            state_file=Path(folder) / "window.ini")
        window.show()
        app.processEvents()
        window_ms = (time.perf_counter() - start) * 1000
        next_ms = timed(window.actions.next_document.trigger, args.presses)
        done_ms = timed(window.actions.done_next.trigger, args.presses)
        scroll_ms = scroll_list(window, app)
        rss_mb = current_rss_mb()
        window.close()
        window.session.project.close()
        raw_ms = raw_status_commits(path, args.presses)
        launched = launch(path, folder)
    figures = {"documents": count, "window_ms": round(window_ms, 1),
               "mark_done_next_ms_p95": round(p95(done_ms), 2),
               "next_ms_p95": round(p95(next_ms), 2),
               "ratio_done_next_to_next": round(p95(done_ms) / p95(next_ms), 2),
               "raw_commit_ms_p95": round(p95(raw_ms), 2),
               "ratio_done_next_to_raw_commit": round(p95(done_ms) / p95(raw_ms), 2),
               "scroll_list_ms_p95": round(p95(scroll_ms), 2) if scroll_ms else None,
               "rss_mb": round(rss_mb, 1), **launched,
               "ratio_launch_rss_to_bare_qt": round(launched["launch_rss_mb"]
                                                    / launched["bare_qt_rss_mb"], 2)}
    for key, value in figures.items():
        print(f"{key}: {value}")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
