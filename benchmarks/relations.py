"""Relations benchmark: the view with relation arcs drawn, offscreen, in the real window.

Run from the repo root:  python benchmarks/relations.py [--quick]

Builds a project with two documents of 1,000,000 characters and 20,000 spans each
(``--quick``: 200,000 and 4,000); the first also carries 2,000 relations (400), each
from a PER span to a POST span a few spans on (HOLDS), so arcs nest and cross lines.
The second, the same text (its last character aside, so that
the two are not duplicates) with the same spans but no relations, is the baseline
measured in the same run, its edits made on the same text as the first's (an edit in a
long paragraph lays all of it out again), so the ratio is the relations' cost alone.  Figures:
opening each (shown and painted), scrolling one screen at a time, adding and
deleting a relation and a span on the text on screen through the undo commands
(stored with synchronous=FULL and repainted), and hovering an arc (the pointer
moved over it, hit-tested and repainted).  The last line printed is one JSON object.
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
from view import insert_spans, p95, spread_spans, timed, visible_range  # noqa: E402

from corpus.document import NewDocument  # noqa: E402
from storage.project import Project  # noqa: E402


def make_project(path: Path, chars: int, spans: int, relations: int) -> None:
    with Project.create(path) as project:
        label_ids = dict(project.db.execute("SELECT name, id FROM labels").fetchall())
        same = one_document(chars, seed=chars)
        other = same[:-1] + ("。" if same[-1] != "。" else "！")
        for text, wanted in ((same, relations), (other, 0)):
            rng = random.Random(chars)   # the same spans: the baseline differs by relations only
            document_id = project.add_document(NewDocument(text=text, title=f"{wanted} rel"))
            insert_spans(project, spread_spans(document_id, text, spans, label_ids, rng))
            with project.db.atomic():
                _relate(project, document_id, wanted)


def _relate(project: Project, document_id: int, count: int) -> None:
    """``count`` HOLDS relations, PER (every sixth span) → the POST three spans on."""
    ids = [row[0] for row in project.db.execute(
        'SELECT id FROM spans WHERE document_id = ? ORDER BY start, "end"', [document_id])]
    pers = list(range(0, len(ids) - 3, 6))
    chosen = pers[::max(1, len(pers) // count)][:count] if count else []
    project.db.conn.executemany(
        "INSERT INTO relations (document_id, from_span_id, to_span_id, type, annotator) "
        "VALUES (?, ?, ?, 'HOLDS', 'bench')",
        [(document_id, ids[i], ids[i + 3]) for i in chosen])


def hover(view, arcs) -> float:
    """Move the pointer onto the first arc on screen: hit-test and repaint."""
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    found = arcs.arcs(view.geometry())
    if not found:
        return 0.0
    point = QPointF(found[0].tag.center())
    event = QMouseEvent(QMouseEvent.Type.MouseMove, point, point, Qt.MouseButton.NoButton,
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    arcs.hovered = None
    return timed(lambda: (QApplication.sendEvent(view.viewport(), event),
                          view.viewport().repaint()))


def scroll_to(view, offset: int) -> None:
    """Put the line holding code point ``offset`` at the top of the view (the scroll bar
    counts lines)."""
    unit = view.offsets.to_utf16(offset)
    block = view.document().findBlock(unit)
    line = block.layout().lineForTextPosition(unit - block.position())
    view.verticalScrollBar().setValue(block.firstLineNumber() + max(0, line.lineNumber()))
    view.viewport().repaint()


def measure(window, document_id: int, rounds: int, at: int | None = None) -> dict:
    """The figures of one document; ``at``: the edits are made on the text from that code
    point on (the baseline's page steps, on lines without the arcs' room, end elsewhere)."""
    from gui.commands.relations import AddRelation

    session, view = window.session, window.view
    arcs = window.relation_tools.arcs
    opens = []
    for _ in range(rounds):
        session.open_document(3 - document_id)      # the other one, so this one opens anew
        opens.append(timed(lambda: (session.open_document(document_id),
                                    view.viewport().repaint())))
    bar = view.verticalScrollBar()
    scrolls, hovers = [], []
    for _ in range(rounds * 10):
        scrolls.append(timed(lambda: (bar.setValue(bar.value() + bar.pageStep()),
                                      view.viewport().repaint())))
        hovers.append(hover(view, arcs))
    rng = random.Random(5)
    if at is not None:
        scroll_to(view, at)
    first, last = visible_range(view)
    span_edits, relation_edits = [], []
    for _ in range(rounds * 5):
        start = rng.randrange(first, max(first + 1, last - 10))
        span_edits.append(timed(lambda: (session.apply_label("ORG", (start, start + 3)),
                                         view.viewport().repaint())))
        span_edits.append(timed(lambda: (session.delete_selected(), view.viewport().repaint())))
        on_screen = [s for s in session.spans if first <= s.start < last]
        per = next((s for s in on_screen if s.label == "PER"), None)
        post = next((s for s in on_screen if s.label == "POST"), None)
        if per is None or post is None:
            continue
        relation_edits.append(timed(lambda: (session.push(AddRelation(session, per.id, post.id,
                                                                      "HOLDS")),
                                             view.viewport().repaint())))
        relation_edits.append(timed(lambda: (session.undo_stack.undo(),
                                             view.viewport().repaint())))
    hovers = [h for h in hovers if h] or [0.0]
    return {"open_ms": statistics.median(opens), "open_ms_p95": p95(opens),
            "scroll_ms_p95": p95(scrolls), "hover_ms_p95": p95(hovers),
            "edit_span_ms_p95": p95(span_edits),
            "edit_relation_ms_p95": p95(relation_edits) if relation_edits else 0.0,
            "edited_from": first}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    chars, spans, relations = (200_000, 4_000, 400) if args.quick else \
        (1_000_000, 20_000, 2_000)
    rounds = 3 if args.quick else 6
    from PySide6.QtWidgets import QApplication

    from gui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory(prefix="hanmark-relations-bench-") as tmp:
        path = Path(tmp) / "relations.hanmark"
        start = time.perf_counter()
        make_project(path, chars, spans, relations)
        print(f"relations benchmark: project built in {time.perf_counter() - start:.1f} s "
              f"({chars:,} characters, {spans:,} spans, {relations:,} relations)", flush=True)
        window = MainWindow(Project.open(path), "bench")
        window.resize(1280, 800)
        window.show()
        app.processEvents()
        arcs = measure(window, 1, rounds)
        baseline = measure(window, 2, rounds, at=arcs.pop("edited_from"))
        baseline.pop("edited_from")
        window.close()
    figures = {f"{key}": value for key, value in arcs.items()}
    figures.update({f"baseline_{key}": value for key, value in baseline.items()
                    if key != "edit_relation_ms_p95" and key != "hover_ms_p95"})
    for key in ("open_ms", "scroll_ms_p95", "edit_span_ms_p95"):
        figures[f"{key}_ratio"] = arcs[key] / baseline[key] if baseline[key] else 0.0
    for key, value in figures.items():
        print(f"  {key:<30} {value:8.2f}")
    print(json.dumps({"bench": "relations", **{k: round(v, 2) for k, v in figures.items()},
                      "chars": chars, "spans": spans, "relations": relations}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
