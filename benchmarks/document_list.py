"""Document-list benchmark: the window on a project of many documents.

Run from the repo root:  python benchmarks/document_list.py [--quick] [--documents N]

The project is generated with raw SQL inserts (seconds, not an import), then the real
MainWindow is built on it offscreen.  Figures: window_ms (building and showing the
window), mark_done_next_ms_p95 (Ctrl+Enter: mark done, open the next not-done document),
next_ms_p95 (a plain next document, the baseline of the same run) and their ratio, and
rss_mb (the process's resident memory with the project open).  Last line: JSON.
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
        rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        window.close()
    figures = {"documents": count, "window_ms": round(window_ms, 1),
               "mark_done_next_ms_p95": round(p95(done_ms), 2),
               "next_ms_p95": round(p95(next_ms), 2),
               "ratio_done_next_to_next": round(p95(done_ms) / p95(next_ms), 2),
               "rss_mb": round(rss_mb, 1)}
    for key, value in figures.items():
        print(f"{key}: {value}")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
