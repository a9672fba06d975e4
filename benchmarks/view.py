"""View benchmark: opening, scrolling and editing in the real document view, offscreen.

Run from the repo root:  python benchmarks/view.py [--quick]

Builds a project with a ~5,000-character article carrying 200 spans and a
1,000,000-character document carrying 20,000 spans (``--quick``: 200,000 and
4,000), then drives the real MainWindow: open each document (shown and
painted), scroll one screen at a time (straight on, and again after a pause in which
the view's idle work lays out what is ahead), and add and delete spans on the text on
screen through the undo commands (stored with synchronous=FULL and repainted).  Paints are forced
with ``viewport().repaint()`` so each figure includes drawing.  An edit's figure is
the frame that shows it in the text; the span list follows one event-loop turn
later, and that turn (its rows updated and redrawn) is measured on its own as
``span_list_after_edit_ms_p95``.  The last line printed is one JSON object.
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

from corpus.document import NewDocument  # noqa: E402
from storage.project import Project  # noqa: E402

LABELS = ("PER", "ORG", "LOC", "POST", "METRIC", "SLOGAN")


def spread_spans(document_id: int, text: str, spans: int, label_ids: dict,
                 rng: random.Random) -> list[tuple]:
    """``spans`` rows of 2–5 characters spread evenly over ``text``, the labels in turn."""
    step, rows = len(text) // spans, []
    for i in range(spans):
        start = i * step + rng.randrange(0, max(1, step - 6))
        end = start + rng.randrange(2, 6)
        rows.append((document_id, start, end, label_ids[LABELS[i % 6]], "bench",
                     text[start:end]))
    return rows


def insert_spans(project: Project, rows: list[tuple]) -> None:
    """(document id, start, end, label id, annotator, text) rows in bulk, checked by the
    trigger, in one transaction."""
    with project.db.atomic():
        project.db.conn.executemany(
            'INSERT INTO spans (document_id, start, "end", label_id, annotator, text) '
            "VALUES (?, ?, ?, ?, ?, ?)", rows)


def make_project(path: Path, sizes: list[tuple[int, int]]) -> None:
    """One document per (characters, spans); spans inserted in bulk, checked by the trigger."""
    with Project.create(path) as project:
        rng = random.Random(3)
        label_ids = dict(project.db.execute("SELECT name, id FROM labels").fetchall())
        for chars, spans in sizes:
            text = one_document(chars, seed=chars)
            document_id = project.add_document(NewDocument(text=text, title=f"{chars} chars"))
            insert_spans(project, spread_spans(document_id, text, spans, label_ids, rng))


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[18] if len(values) > 1 \
        else values[0]


def visible_range(view) -> tuple[int, int]:
    """Code-point range of the text on screen."""
    from PySide6.QtCore import QPoint

    viewport = view.viewport()
    first = view.cursorForPosition(QPoint(0, 0)).position()
    last = view.cursorForPosition(QPoint(viewport.width() - 1, viewport.height() - 1)).position()
    return view.offsets.from_utf16(first), view.offsets.from_utf16(last)


def measure(window, app, big_id: int, article_id: int, rounds: int) -> dict:
    session, view = window.session, window.view

    def open_and_paint(document_id: int) -> None:
        session.open_document(document_id)
        view.viewport().repaint()

    opens, bigs = [], []
    for _ in range(rounds):
        opens.append(timed(lambda: open_and_paint(article_id)))
        bigs.append(timed(lambda: open_and_paint(big_id)))
    bar = view.verticalScrollBar()
    scrolls = []
    for _ in range(rounds * 10):
        scrolls.append(timed(lambda: (bar.setValue(bar.value() + bar.pageStep()),
                                      view.viewport().repaint())))
    paused = []
    for _ in range(rounds * 10):    # a reader's pause first: the idle work lays out ahead
        while view.prelayout.busy:
            app.processEvents()
        paused.append(timed(lambda: (bar.setValue(bar.value() + bar.pageStep()),
                                     view.viewport().repaint())))
    edits, lists = [], []
    rng = random.Random(5)
    first, last = visible_range(view)
    span_list = window.span_list

    def list_catches_up() -> None:  # what the next event-loop turn does for the span list
        span_list.catch_up()
        span_list.viewport().repaint()

    for i in range(rounds * 5):  # where the annotator is looking, as an annotator edits
        start = rng.randrange(first, max(first + 1, last - 10))
        edits.append(timed(lambda: (session.apply_label("ORG", (start, start + 3)),
                                    view.viewport().repaint())))
        lists.append(timed(list_catches_up))
        edits.append(timed(lambda: (session.delete_selected(), view.viewport().repaint())))
        lists.append(timed(list_catches_up))
    return {"open_article_ms_p95": p95(opens), "open_1m_ms": statistics.median(bigs),
            "open_1m_ms_p95": p95(bigs), "scroll_ms_p95": p95(scrolls),
            "scroll_after_pause_ms_p95": p95(paused),
            "edit_ms_p95": p95(edits), "edit_ms_median": statistics.median(edits),
            "span_list_after_edit_ms_p95": p95(lists)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    big_chars, big_spans = (200_000, 4_000) if args.quick else (1_000_000, 20_000)
    rounds = 3 if args.quick else 8
    from PySide6.QtWidgets import QApplication

    from gui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory(prefix="hanmark-view-bench-") as tmp:
        path = Path(tmp) / "view.hanmark"
        start = time.perf_counter()
        make_project(path, [(5_000, 200), (big_chars, big_spans)])
        print(f"view benchmark: project built in {time.perf_counter() - start:.1f} s "
              f"({big_chars:,} characters, {big_spans:,} spans)", flush=True)
        window = MainWindow(Project.open(path), "bench")
        window.resize(1280, 800)
        window.show()
        app.processEvents()
        figures = measure(window, app, big_id=2, article_id=1, rounds=rounds)
        window.close()
    for key, value in figures.items():
        print(f"  {key:<28} {value:8.1f}")
    print(json.dumps({"bench": "view", **{k: round(v, 1) for k, v in figures.items()},
                      "chars": big_chars, "spans": big_spans}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
