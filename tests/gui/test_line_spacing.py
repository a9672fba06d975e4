"""The document view's line spacing: lines of a wrapped paragraph sit a gap apart, and
clicks, the caret and zoom agree with what is drawn."""

from PySide6.QtCore import QPoint
from PySide6.QtGui import QFontInfo, QTextCursor

from gui.view.spaced_layout import LINE_HEIGHT, line_gap
from storage.project import Project
from tests.conftest import new_document

PARAGRAPH = "德州市审计局召开会议，研究部署全年工作。" * 30 + "\n第二段。"


def window_on_paragraph(open_window, tmp_path):
    path = tmp_path / "p.hanmark"
    with Project.create(path) as project:
        project.add_document(new_document(PARAGRAPH, "a.txt"))
    window = open_window(path)
    window.resize(1280, 700)        # the docks leave the text a real width
    return window, window.view


def caret_top(view, position):
    cursor = view.textCursor()
    cursor.setPosition(position)
    return view.cursorRect(cursor).top()


def test_wrapped_lines_are_a_chinese_line_height_apart(open_window, tmp_path, qtbot):
    window, view = window_on_paragraph(open_window, tmp_path)
    view.viewport().repaint()
    layout = view.document().firstBlock().layout()
    assert layout.lineCount() > 3
    first, second = layout.lineAt(0), layout.lineAt(1)
    pitch = second.y() - first.y()
    em = QFontInfo(view.font()).pixelSize()
    assert view.line_layout.gap > 0
    room = view.line_layout.above + view.line_layout.below     # the overlays' (label tags)
    assert abs(pitch - room - em * LINE_HEIGHT) <= 1     # 1.75 em, not the font's ~1.4
    start = second.textStart()
    assert caret_top(view, start) - caret_top(view, first.textStart()) == round(pitch)


def test_a_click_lands_on_the_line_drawn_there(open_window, tmp_path, qtbot):
    window, view = window_on_paragraph(open_window, tmp_path)
    view.viewport().repaint()
    layout = view.document().firstBlock().layout()
    third = layout.lineAt(2)
    cursor = QTextCursor(view.document())
    cursor.setPosition(third.textStart() + 3)
    rect = view.cursorRect(cursor)
    hit = view.cursorForPosition(QPoint(rect.center().x(), rect.center().y())).position()
    assert third.textStart() <= hit <= third.textStart() + third.textLength()
    below_gap = view.cursorForPosition(QPoint(rect.center().x(), rect.bottom() + 2)).position()
    assert below_gap < layout.lineAt(3).textStart() + layout.lineAt(3).textLength()


def test_zoom_keeps_the_line_height_in_ems(open_window, tmp_path, qtbot):
    window, view = window_on_paragraph(open_window, tmp_path)
    before = view.line_layout.gap
    for _ in range(4):
        view.zoom(1)
    view.viewport().repaint()
    assert view.line_layout.gap == line_gap(view.font()) > before
    layout = view.document().firstBlock().layout()
    em = QFontInfo(view.font()).pixelSize()
    room = view.line_layout.above + view.line_layout.below     # the label tags' grows too
    assert abs(layout.lineAt(1).y() - layout.lineAt(0).y() - room - em * LINE_HEIGHT) <= 1


def test_the_scroll_bar_still_reaches_the_last_line(qtbot):
    from gui.view.document_view import DocumentView

    view = DocumentView()
    qtbot.addWidget(view)
    view.resize(600, 400)
    view.show()
    view.setPlainText(("德州市审计局召开会议，研究部署全年工作。" * 12 + "\n") * 300 + "最后一行")
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum())
    cursor = view.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    rect = view.cursorRect(cursor)
    assert 0 <= rect.top() and rect.bottom() <= view.viewport().height()
