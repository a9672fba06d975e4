"""The view's overlays (drawings over the text) and its paragraphs: room kept above and
below every line, boxes of a code-point range on screen, clicks and tooltips handed to
the overlay drawn there; a paragraph gap after every block, blank lines not drawn."""

from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QTextCursor
from PySide6.QtWidgets import QApplication

from gui.view.document_view import DocumentView
from gui.view.overlays import Overlay
from storage.project import Project
from tests.conftest import new_document

TEXT = "𠀀德州市审计局召开会议，研究部署全年工作。" * 20 + "\n第二段：德州市纪委监委。"


class Boxes(Overlay):
    """Paints a red box under every character of one range; records clicks."""

    def __init__(self, start, end, above=0.0, below=8.0):
        self.start, self.end, self.above, self.below = start, end, above, below
        self.clicks = []

    def paint(self, painter, geometry):
        for box in geometry.boxes(self.start, self.end):
            painter.fillRect(box.adjusted(0, box.height(), 0, self.below), QColor("red"))

    def click(self, point, geometry):
        hit = any(b.adjusted(0, b.height(), 0, self.below).contains(point)
                  for b in geometry.boxes(self.start, self.end))
        if hit:
            self.clicks.append(point)
        return hit

    def tooltip(self, point, geometry):
        return "a box" if self.click(point, geometry) else ""


def shown(qtbot, text, width=500):
    view = DocumentView()
    qtbot.addWidget(view)
    view.resize(width, 400)
    view.show()
    path_document = new_document(text, "a.txt")
    from corpus.span_index import SpanIndex
    view.show_document(path_document, SpanIndex())
    repaint(view)
    return view


def repaint(view):
    QApplication.processEvents()    # the layout is redone on the next turn of the event loop
    view.viewport().repaint()


def line_tops(view):
    layout = view.document().firstBlock().layout()
    return [layout.lineAt(i).y() for i in range(layout.lineCount())]


def test_an_overlay_gets_its_room_above_and_below_every_line(qtbot):
    view = shown(qtbot, TEXT)
    before = line_tops(view)
    view.add_overlay(Boxes(0, 5, above=6.0, below=8.0))
    repaint(view)
    after = line_tops(view)
    assert after[0] == before[0] + 6
    pitch_before, pitch_after = before[2] - before[1], after[2] - after[1]
    assert pitch_after == pitch_before + 14
    view.overlays[0].enabled = False
    view.overlay_room_changed()
    repaint(view)
    assert line_tops(view)[:3] == before[:3]


def test_boxes_follow_a_range_across_lines_in_code_points(qtbot):
    view = shown(qtbot, TEXT)
    geometry = view.geometry()
    first = geometry.lines[0]
    assert first.start == 0 and first.end > 10
    boxes = geometry.boxes(first.end - 3, first.end + 3)    # wraps onto the second line
    assert len(boxes) == 2
    assert boxes[0].top() < boxes[1].top()
    # The box of one character is where Qt puts that character (𠀀 is two UTF-16 units).
    one = geometry.boxes(1, 2)[0]
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.offsets.to_utf16(1))
    assert abs(view.cursorRect(cursor).left() - one.left()) <= 2


def test_a_click_and_a_tooltip_in_an_overlay_go_to_it(qtbot):
    view = shown(qtbot, TEXT)
    boxes = Boxes(2, 6)
    view.add_overlay(boxes)
    repaint(view)
    box = view.geometry().boxes(2, 6)[0]
    point = QPoint(int(box.center().x()), int(box.bottom() + 4))
    assert view._overlay_click(point)
    assert boxes.clicks
    assert view._overlay_tooltip(point) == "a box"
    assert not view._overlay_click(QPoint(int(box.center().x()), int(box.top() - 30)))


def test_the_overlay_is_painted(qtbot):
    view = shown(qtbot, TEXT)
    view.add_overlay(Boxes(2, 6))
    repaint(view)
    box = view.geometry().boxes(2, 6)[0]
    image = view.viewport().grab().toImage()
    colour = image.pixelColor(int(box.center().x()), int(box.bottom() + 4))
    assert colour.red() > 200 and colour.green() < 60


def block_top(view, number):
    block = view.document().findBlockByNumber(number)
    return view.blockBoundingGeometry(block).top()


def test_a_paragraph_gets_a_gap_and_blank_lines_are_not_drawn(qtbot):
    single = shown(qtbot, "第一段。\n第二段。\n第三段。")
    pitch = line_tops(shown(qtbot, "第一段。" * 200))
    line_pitch = pitch[1] - pitch[0]
    paragraph_pitch = block_top(single, 1) - block_top(single, 0)
    assert paragraph_pitch > line_pitch + 3                # a single newline shows
    blank = shown(qtbot, "第一段。\n\n第二段。\n \n\n第三段。")
    assert not blank.document().findBlockByNumber(1).isVisible()
    assert block_top(blank, 2) - block_top(blank, 0) == paragraph_pitch
    assert block_top(blank, 5) - block_top(blank, 2) == paragraph_pitch
    assert blank.toPlainText() == "第一段。\n\n第二段。\n \n\n第三段。"   # text is untouched


def test_spans_in_a_project_with_blank_lines_keep_their_offsets(open_window, tmp_path):
    text = "德州市审计局。\n\n德州市纪委监委召开会议。"
    path = tmp_path / "p.hanmark"
    with Project.create(path) as project:
        document_id = project.add_document(new_document(text, "a.txt"))
        project.add_span(document_id, 9, 16, "ORG", annotator="tester")
    window = open_window(path)
    window.view.select_range(9, 16)
    assert window.view.selection() == (9, 16)
    assert text[9:16] == "德州市纪委监委"
