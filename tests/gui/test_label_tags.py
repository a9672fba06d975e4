"""Label tags above spans in the real window: drawn in the label's colour where the
span's box is, side by side or stacked for nested spans, never overlapping, toggled by
View → Label Tags (remembered), clickable; only the visible lines' spans are drawn."""

from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from corpus.colours import text_colour
from corpus.span_index import SpanIndex
from gui.main_window import MainWindow
from gui.view.label_tags import nesting_depth
from storage.project import Project
from tests.conftest import new_document

TEXT = "德州市审计局召开会议，平原县委书记王玉东讲话，开展宣讲1500余场次。\n第二段：德州市纪委监委。"
SPANS = [(0, 6, "ORG"), (0, 3, "LOC"), (11, 15, "ORG"), (11, 14, "LOC"), (15, 17, "POST"),
         (17, 20, "PER"), (27, 34, "METRIC")]


def project(tmp_path, spans=SPANS, text=TEXT):
    path = tmp_path / "t.hanmark"
    with Project.create(path) as p:
        p.add_document(new_document(text, "a.txt"))
        for start, end, label in spans:
            p.add_span(1, start, end, label, annotator="tester")
    return path


def painted(window):
    QApplication.processEvents()
    window.view.viewport().repaint()
    return {(span.start, span.end, span.label): rect
            for rect, span in window.tags.overlay.painted}


def test_each_span_has_a_tag_in_its_colour_above_its_box(open_window, tmp_path):
    window = open_window(project(tmp_path))
    tags = painted(window)
    assert set(tags) == {tuple(s) for s in SPANS}
    geometry = window.view.geometry()
    image = window.view.viewport().grab().toImage()
    scheme = window.session.scheme
    for (start, end, label), rect in tags.items():
        box = geometry.boxes(start, end)[0]
        assert rect.bottom() <= box.top() and box.top() - rect.bottom() < 4     # just above
        assert box.left() - 0.5 <= rect.left() and rect.right() <= box.right() + 0.5
        colour = image.pixelColor(int(rect.left()) + 1, int(rect.center().y()))
        expected = QColor(scheme.get(label).color)
        assert max(abs(colour.red() - expected.red()), abs(colour.green() - expected.green()),
                   abs(colour.blue() - expected.blue())) < 12, label


def test_nested_tags_never_overlap_and_stay_over_their_span(open_window, tmp_path):
    # A nested span's tag sits beside its outer one's; two labels on a range too short
    # for both tags side by side take two levels.
    spans = SPANS + [(15, 17, "SLOGAN")]
    window = open_window(project(tmp_path, spans))
    tags = list(painted(window).items())
    assert len(tags) == len(spans)
    for (a, ra), (b, rb) in ((x, y) for i, x in enumerate(tags) for y in tags[i + 1:]):
        assert not ra.intersects(rb), (a, b)
    outer, inner = painted(window)[(0, 6, "ORG")], painted(window)[(0, 3, "LOC")]
    assert inner.left() < outer.left()                # the inner one at the start
    post, slogan = painted(window)[(15, 17, "POST")], painted(window)[(15, 17, "SLOGAN")]
    assert slogan.bottom() <= post.top() + 0.5 or post.bottom() <= slogan.top() + 0.5


def test_the_toggle_removes_the_tags_and_their_room_and_is_remembered(qtbot, tmp_path):
    state = tmp_path / "window.ini"
    path = project(tmp_path)
    window = MainWindow(Project.open(path), "tester", state_file=state)
    qtbot.addWidget(window)
    window.show()
    top_with = window.view.geometry().lines[0].rect.top()
    assert window.tags.action.isChecked() and painted(window)
    window.tags.action.trigger()            # View → Label Tags off
    QApplication.processEvents()
    assert not window.tags.overlay.enabled
    assert window.view.geometry().lines[0].rect.top() < top_with      # the room is given back
    window.close()
    again = MainWindow(Project.open(path), "tester", state_file=state)
    qtbot.addWidget(again)
    assert not again.tags.action.isChecked() and not again.tags.overlay.enabled
    again.tags.action.trigger()
    assert again.tags.overlay.enabled
    again.close()
    third = MainWindow(Project.open(path), "tester", state_file=state)
    qtbot.addWidget(third)
    assert third.tags.action.isChecked()
    assert third.tags.action in third.view_actions.menu.actions()
    third.close()


def test_clicking_a_tag_selects_its_span_and_its_tooltip_names_it(open_window, tmp_path):
    window = open_window(project(tmp_path))
    rect = painted(window)[(17, 20, "PER")]
    point = QPoint(int(rect.center().x()), int(rect.center().y()))
    assert window.view._overlay_click(point)
    assert window.session.selected.text == "王玉东"
    assert window.details.panel.label_label.text() == "Person PER"
    assert window.view._overlay_tooltip(point).startswith("Person PER · 王玉东")


def test_the_selected_tag_is_outlined_in_its_text_colour(open_window, tmp_path):
    window = open_window(project(tmp_path))
    span = next(s for s in window.session.spans if s.label == "ORG" and s.start == 11)
    window.session.select_span(span.id)
    rect = painted(window)[(11, 15, "ORG")]
    image = window.view.viewport().grab().toImage()
    edge = image.pixelColor(int(rect.left()) + 1, int(rect.center().y()))
    ink = QColor(text_colour(window.session.scheme.get("ORG").color))
    assert abs(edge.lightness() - ink.lightness()) < 90


def test_a_new_nested_span_gets_the_room_it_needs(open_window, tmp_path):
    window = open_window(project(tmp_path, [(0, 6, "ORG")]))
    overlay = window.tags.overlay
    assert overlay.levels == 1
    window.view.select_range(0, 6)
    window.apply_label("LOC")                         # the same range, another label
    assert overlay.levels == 2
    assert len(painted(window)) == 2


def test_only_the_visible_lines_spans_are_drawn(open_window, tmp_path):
    text = "\n".join(f"第{i}段：德州市审计局召开会议。" for i in range(400))
    spans, at = [], 0
    while (at := text.find("德州市审计局", at)) >= 0:
        spans.append((at, at + 6, "ORG"))
        at += 6
    path = project(tmp_path, [], text)
    with Project.open(path) as p:
        for start, end, label in spans:
            assert text[start:end] == "德州市审计局"
            p.add_span(1, start, end, label, annotator="tester")
    window = open_window(path)
    tags = painted(window)
    lines = window.view.geometry().lines
    assert 0 < len(tags) < 60
    assert all(lines[0].start <= start < lines[-1].end for start, _e, _l in tags)


def test_nesting_depth():
    def index(*ranges):
        from corpus.span import Span
        return SpanIndex([Span(1, s, e, "X", "x" * (e - s), id=i + 1)
                          for i, (s, e) in enumerate(ranges)])
    assert nesting_depth(index()) == 0
    assert nesting_depth(index((0, 3), (3, 5))) == 1
    assert nesting_depth(index((0, 6), (0, 3), (1, 2))) == 3
    assert nesting_depth(index((0, 4), (2, 6), (5, 8))) == 2


def test_tags_sit_on_their_spans_after_astral_characters(open_window, tmp_path):
    from tests.conftest import ASTRAL_TEXT
    start = ASTRAL_TEXT.index("王玉东")
    window = open_window(project(tmp_path, [(start, start + 3, "PER"), (0, 1, "LOC")],
                                 ASTRAL_TEXT))
    tags = painted(window)
    box = window.view.geometry().boxes(start, start + 3)[0]
    assert abs(tags[(start, start + 3, "PER")].left() - box.left()) < 1
    assert tags[(0, 1, "LOC")].width() <= window.view.geometry().boxes(0, 1)[0].width() + 0.5
