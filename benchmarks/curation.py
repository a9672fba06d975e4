"""Curation benchmark: the lanes of View → Curate on a long document, offscreen.

Run from the repo root:  python benchmarks/curation.py [--quick]

Builds a project with one 100,000-character document and three annotators' layers of
2,000 spans each (``--quick``: 20,000 characters, 400 spans): two thirds of each
layer shared with another annotator, the rest their own, so that adjudication leaves
hundreds of conflicts.  Adjudicates into gold, then drives the real MainWindow as
gold: scrolls one screen at a time with curation off (the raw baseline: the text and
gold only) and on (three lanes under every line, conflicts marked), each screen
painted with ``viewport().repaint()``, and the same screen painted again (the paint
alone); then accepts and rejects conflicts through the keys (each action: the command,
the list, the lanes, the repaint), beside the baseline of a plain edit (a span added
with curation off, stored and repainted).  Prints p95 times with and without lanes and
their ratios; the last line is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import one_document  # noqa: E402
from view import insert_spans, p95, timed  # noqa: E402

from corpus.document import NewDocument, Status  # noqa: E402
from storage.project import Project  # noqa: E402
from storage.team.adjudicate import run_adjudication  # noqa: E402

LABELS = ("PER", "ORG", "LOC", "POST", "METRIC", "SLOGAN")
NAMES = ("alice", "bob", "carol")


def layers(chars: int, spans: int, rng: random.Random) -> dict[str, set]:
    """Three layers: each span of the common pool is given to two of the annotators (with
    a chance of a changed label or edge), and each annotator adds spans of their own."""
    step = chars // spans
    out: dict[str, set] = {name: set() for name in NAMES}
    for i in range(spans):
        start = i * step + rng.randrange(0, max(1, step - 8))
        key = (start, start + rng.randrange(2, 7), LABELS[i % 6])
        owners = rng.sample(NAMES, 2) if i % 3 else [rng.choice(NAMES)]
        for name in owners:
            if rng.random() < 0.15:     # a disagreement on the label or the end
                key = (key[0], key[1] + 1, key[2]) if rng.random() < 0.5 else \
                    (key[0], key[1], LABELS[(i + 1) % 6])
            out[name].add(key)
    return out


def make_project(path: Path, chars: int, spans: int) -> None:
    rng = random.Random(7)
    text = one_document(chars, seed=chars)
    with Project.create(path) as project:
        document_id = project.add_document(NewDocument(text=text, title=f"{chars} chars"))
        label_ids = dict(project.db.execute("SELECT name, id FROM labels").fetchall())
        rows = [(document_id, s, e, label_ids[label], name, text[s:e])
                for name, keys in layers(len(text), spans * 9 // 5, rng).items()
                for s, e, label in keys]
        insert_spans(project, rows)
        for name in NAMES:
            project.set_status(document_id, name, Status.DONE)
        run_adjudication(project)


def scroll_paints(window, screens: int) -> list[float]:
    view = window.view
    bar = view.verticalScrollBar()
    bar.setValue(0)
    out = []
    for _ in range(screens):
        out.append(timed(lambda: (bar.setValue(bar.value() + bar.pageStep()),
                                  view.viewport().repaint())))
    return out


def repaints(window, count: int) -> list[float]:
    """The same screen painted again: the paint alone, no scrolling or layout."""
    return [timed(window.view.viewport().repaint) for _ in range(count)]


def actions(window, count: int) -> list[float]:
    curation, view = window.curation, window.view
    out = []
    for i in range(count):
        curation.next.trigger()
        act = curation.accept if i % 2 else curation.reject
        out.append(timed(lambda: (act.trigger(), view.viewport().repaint())))
    return out


def plain_edits(window, count: int) -> list[float]:
    """The baseline of an action: a span added where one is looked at, and repainted."""
    session, view = window.session, window.view
    text, rng, out = session.document.text, random.Random(5), []
    for _ in range(count):
        start = rng.randrange(0, len(text) - 10)
        out.append(timed(lambda: (session.apply_label("ORG", (start, start + 3)),
                                  view.viewport().repaint())))
        session.undo_stack.undo()
    return out


def measure(window, app, screens: int) -> dict:
    curation = window.curation
    app.processEvents()
    plain, plain_still = scroll_paints(window, screens), repaints(window, screens)
    edits = plain_edits(window, max(10, screens // 2))
    curation.toggle.trigger()
    app.processEvents()
    scroll_paints(window, 3)                      # the first layout with the lanes' room
    lanes, lanes_still = scroll_paints(window, screens), repaints(window, screens)
    conflicts = len(curation.candidates)
    acted = actions(window, max(10, screens // 2))
    return {"scroll_ms_p95_plain": p95(plain), "scroll_ms_p95_lanes": p95(lanes),
            "scroll_ratio": p95(lanes) / p95(plain),
            "paint_ms_p95_plain": p95(plain_still), "paint_ms_p95_lanes": p95(lanes_still),
            "paint_ratio": p95(lanes_still) / p95(plain_still),
            "action_ms_p95": p95(acted), "action_ms_median": statistics.median(acted),
            "edit_ms_p95_plain": p95(edits), "action_ratio": p95(acted) / p95(edits),
            "conflicts": conflicts}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    chars, spans = (20_000, 400) if args.quick else (100_000, 2_000)
    screens = 20 if args.quick else 60
    from PySide6.QtWidgets import QApplication

    from gui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory(prefix="hanmark-curation-bench-") as tmp:
        path = Path(tmp) / "curation.hanmark"
        make_project(path, chars, spans)
        with Project.open(path) as project:
            counts = project.layers(1)
        print(f"curation benchmark: {chars:,} characters, layers "
              + ", ".join(f"{n} {counts.get(n, 0):,}" for n in NAMES)
              + f", gold {counts.get('gold', 0):,} after adjudication", flush=True)
        window = MainWindow(Project.open(path), "gold")
        window.resize(1280, 800)
        window.show()
        figures = measure(window, app, screens)
        window.close()
    for key, value in figures.items():
        print(f"  {key:<24} {value:8.2f}")
    print(json.dumps({"bench": "curation", **{k: round(v, 2) for k, v in figures.items()},
                      "chars": chars, "spans_per_annotator": {n: counts.get(n, 0)
                                                              for n in NAMES}}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
