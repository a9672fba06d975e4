"""Suggestions → Model…: the learning curve of the project's own done documents, computed in
the background and drawn as a chart; too few done documents say so."""

from pathlib import Path

from corpus.suggest.gold import parse
from corpus.suggest.learning_curve import SIZES, learning_curve, sizes_for, split
from storage.project import Project
from tests.conftest import new_document

GOLD = Path(__file__).resolve().parents[2] / "benchmarks" / "gold"


def gold_project(path: Path, done: int) -> Path:
    with Project.create(path) as project:
        for number, file in enumerate(sorted(GOLD.glob("*/*.txt"))):
            text, spans = parse(file.read_text(encoding="utf-8"))
            document = project.add_document(new_document(text, file.name))
            for span in spans:
                if not span.optional:
                    project.add_span(document, span.start, span.end, span.label,
                                     annotator="tester")
            if number < done:
                project.set_status(document, "tester", "done")
    return path


def test_the_curve_grows_with_the_documents_trained_on():
    examples = []
    for file in sorted(GOLD.glob("*/*.txt")):
        text, spans = parse(file.read_text(encoding="utf-8"))
        examples.append((text, [(s.start, s.end, s.label) for s in spans if not s.optional]))
    pool, held = split(examples, seed=1)
    assert len(held) == round(len(examples) / 4) and len(pool) + len(held) == len(examples)
    assert not set(map(str, held)) & set(map(str, pool))
    curve = learning_curve(pool, held, repeats=1)
    assert [p.documents for p in curve] == sizes_for(len(pool))
    assert [p.documents for p in curve][:3] == [1, 2, 5]
    assert curve[-1].documents == min(len(pool), SIZES[-1])     # all, up to 20
    assert curve[-1].f1 > curve[0].f1
    assert set(curve[-1].labels) == {label for _t, s in held for *_r, label in s}
    assert sizes_for(30) == list(SIZES) and sizes_for(0) == []


def test_the_model_dialog_draws_the_learning_curve(open_window, tmp_path, qtbot):
    window = open_window(gold_project(tmp_path / "g.hanmark", done=12))
    window.model_tools.show_model.trigger()
    dialog = window.model_tools.dialog
    assert dialog.isVisible()
    dialog.start.click()
    qtbot.waitUntil(lambda: bool(dialog.chart.points), timeout=60_000)
    assert [p.documents for p in dialog.chart.points] == [1, 2, 5, 9]
    assert "9" in dialog.status.text() and dialog.start.isEnabled()
    image = dialog.chart.grab().toImage()
    last = dialog.chart.position(len(dialog.chart.points) - 1, dialog.chart.points[-1].f1)
    colour = image.pixelColor(int(last.x()), int(last.y()))
    assert colour.lightness() < 80                         # the overall line, in black


def test_too_few_done_documents_say_so(open_window, tmp_path, qtbot):
    window = open_window(gold_project(tmp_path / "g.hanmark", done=2))
    window.model_tools.show_model.trigger()
    dialog = window.model_tools.dialog
    dialog.start.click()
    assert "at least 3" in dialog.status.text()
    assert dialog.start.isEnabled() and not dialog.chart.points
