"""Label tags benchmark: what the tags add to a screen's paint, on dense nested spans.

Run from the repo root:  python benchmarks/label_tags.py [--quick]

A 1,000,000-character document (``--quick``: 200,000) with a span on about every
fourth word and nested pairs (a body over its place, two labels on one range), so that
every line carries several tags and some need two levels.  The real main window
(offscreen) scrolls a screen at a time and repaints, with View → Label Tags on and,
as the raw baseline, off (the same window, the same room kept above lines, only the
tags' paint left out).  Wall time and CPU time per repaint; medians and p95, and the
ratio of the on figure to the off one; and opening the document (from a short one) and
painting it, with the tags and their room on and off.  The last line printed is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import one_document  # noqa: E402
from view import LABELS, insert_spans, p95  # noqa: E402

from corpus.document import NewDocument  # noqa: E402
from storage.project import Project  # noqa: E402


def make_project(path: Path, chars: int) -> int:
    text = one_document(chars, seed=11)
    rng = random.Random(11)
    rows, at = [], 0
    with Project.create(path) as project:
        ids = dict(project.db.execute("SELECT name, id FROM labels").fetchall())
        project.add_document(NewDocument(text="另一篇短文。", title="short"))   # to switch to
        document_id = project.add_document(NewDocument(text=text, title="dense"))
        while at < len(text) - 12:
            start = at + rng.randrange(0, 4)
            length = rng.randrange(2, 7)
            rows.append((start, start + length, LABELS[rng.randrange(6)]))
            roll = rng.random()
            if roll < 0.25:       # a nested span at the same start
                rows.append((start, start + max(1, length // 2), LABELS[rng.randrange(6)]))
            elif roll < 0.35:     # two labels on one range
                rows.append((start, start + length, LABELS[rng.randrange(6)]))
            at = start + length + rng.randrange(2, 8)
        insert_spans(project, [(document_id, s, e, ids[label], "bench", text[s:e])
                               for s, e, label in rows])
    return len(rows)


def scroll_paints(window, screens: int) -> tuple[list[float], list[float]]:
    view = window.view
    bar = view.verticalScrollBar()
    bar.setValue(0)
    walls, cpus = [], []
    for _ in range(screens):
        bar.setValue(bar.value() + bar.pageStep())
        wall, cpu = time.perf_counter(), time.process_time()
        view.viewport().repaint()
        walls.append((time.perf_counter() - wall) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
    return walls, cpus


def open_times(window, rounds: int) -> tuple[list[float], list[float]]:
    """Open the dense document (from the short one) and paint it: wall and CPU ms."""
    session, walls, cpus = window.session, [], []
    for _ in range(rounds):
        session.open_document(1)
        wall, cpu = time.perf_counter(), time.process_time()
        session.open_document(2)
        window.view.viewport().repaint()
        walls.append((time.perf_counter() - wall) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
    return walls, cpus


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    chars, screens = (200_000, 40) if args.quick else (1_000_000, 150)
    from PySide6.QtWidgets import QApplication

    from gui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory(prefix="hanmark-tags-bench-") as tmp:
        path = Path(tmp) / "tags.hanmark"
        spans = make_project(path, chars)
        print(f"label tags benchmark: {chars:,} characters, {spans:,} spans", flush=True)
        window = MainWindow(Project.open(path), "bench")
        window.resize(1280, 800)
        window.show()
        app.processEvents()
        window.session.open_document(2)
        tags = window.tags.overlay
        figures, opens = {}, {}
        for on in (True, False, True, False):
            tags.enabled = on
            window.view.overlay_room_changed()
            walls, cpus = open_times(window, 2)
            opens.setdefault(on, ([], []))
            opens[on][0].extend(walls)
            opens[on][1].extend(cpus)
        tags.enabled = True
        window.view.overlay_room_changed()
        for name, on in (("warm_up", True), ("off", False), ("on", True), ("off", False),
                         ("on", True)):
            tags.enabled = on                  # the room stays: only the paint differs
            walls, cpus = scroll_paints(window, screens)
            if name != "warm_up":
                figures.setdefault(name, ([], []))
                figures[name][0].extend(walls)
                figures[name][1].extend(cpus)
        drawn = len(tags.painted)
        window.close()
    out = {"bench": "label_tags", "chars": chars, "spans": spans, "tags_last_screen": drawn}
    for name, (walls, cpus) in figures.items():
        out[f"paint_{name}_ms_median"] = round(statistics.median(walls), 2)
        out[f"paint_{name}_ms_p95"] = round(p95(walls), 2)
        out[f"paint_{name}_cpu_ms_median"] = round(statistics.median(cpus), 2)
    for on, (walls, cpus) in opens.items():
        name = "on" if on else "off"
        out[f"open_{name}_ms_median"] = round(statistics.median(walls), 1)
        out[f"open_{name}_cpu_ms_median"] = round(statistics.median(cpus), 1)
    out["ratio_on_to_off_cpu"] = round(out["paint_on_cpu_ms_median"]
                                       / max(out["paint_off_cpu_ms_median"], 1e-6), 2)
    for key, value in out.items():
        print(f"  {key:<28} {value}")
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
