"""Span drawing compared with a reference picture (tests/fixtures/span_drawing.png):
nested and adjacent spans in their label colours, the selected one marked."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QImage

from storage.project import Project
from tests.conftest import new_document
from tests.gui.snapshots import difference, matches

TEXT = "Alice Smith met the mayor of Paris at City Hall on Monday.\nSecond paragraph here."
SPANS = [(0, 11, "PER"), (20, 34, "POST"), (29, 34, "LOC"), (38, 47, "ORG")]


def _view(open_window, tmp_path, qtbot, antialias=True):
    path = tmp_path / "s.hanmark"
    with Project.create(path) as project:
        document_id = project.add_document(new_document(TEXT, "a.txt"))
        for start, end, label in SPANS:
            project.add_span(document_id, start, end, label, annotator="tester")
    window = open_window(path)
    view = window.view
    font = view.font()
    font.setFamilies(["DejaVu Sans"])   # the same Latin font wherever the test runs
    font.setPointSize(12)
    if not antialias:
        font.setStyleStrategy(QFont.StyleStrategy.NoAntialias)
    view.setFont(font)
    view.setFixedSize(400, 120)
    # No scroll bar: line metrics differ a little with the fonts installed (a CJK font).
    view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    window.session.select_span(window.session.spans[0].id)
    qtbot.wait(1)   # let it repaint
    return view


def test_span_drawing_matches_the_reference(open_window, tmp_path, qtbot):
    view = _view(open_window, tmp_path, qtbot)
    matches(view.viewport().grab().toImage(), "span_drawing.png")


def test_the_comparison_notices_a_missing_span(open_window, tmp_path, qtbot):
    view = _view(open_window, tmp_path, qtbot)
    image = view.viewport().grab().toImage()
    reference = QImage(image)
    box = view.geometry().boxes(0, 11)[0]     # paint over where the first span is drawn
    for x in range(0, int(box.right())):
        for y in range(0, int(box.bottom())):
            reference.setPixelColor(x, y, QColor("white"))
    assert difference(image, reference) > 0.03


def test_the_comparison_tolerates_other_font_smoothing(open_window, tmp_path, qtbot):
    view = _view(open_window, tmp_path, qtbot, antialias=False)
    matches(view.viewport().grab().toImage(), "span_drawing.png")
