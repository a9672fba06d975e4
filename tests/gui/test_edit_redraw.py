"""An edit redraws the paragraph it touches once: the changed spans and the selection that
follows are highlighted in one pass (each pass lays the whole paragraph out again), and
what is drawn is the edit's result — the new span selected (bold), the deleted one gone."""

from collections import Counter

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from storage.project import Project
from tests.conftest import new_document
from tests.gui.test_annotate import select_utf16

LONG = "德州市审计局召开会议，局长齐强讲话。" * 60        # one paragraph of 1,080 characters
TEXT = "标题\n" + LONG + "\n平原县委书记王玉东讲话。"


def make(tmp_path):
    path = tmp_path / "long.hanmark"
    with Project.create(path) as project:
        project.add_document(new_document(TEXT, "a.txt"))
        project.add_span(1, 3, 9, "ORG", annotator="tester")        # 德州市审计局
    return path


def highlights(view, monkeypatch) -> Counter:
    """Block number → how many times it is re-highlighted (laid out again) from now on."""
    counts: Counter = Counter()
    highlighter = view.highlighter
    original = highlighter.rehighlightBlock

    def counted(block):
        counts[block.blockNumber()] += 1
        original(block)

    monkeypatch.setattr(highlighter, "rehighlightBlock", counted)
    return counts


def weight_at(view, offset: int) -> int:
    block = view.document().findBlock(view.offsets.to_utf16(offset))
    inside = view.offsets.to_utf16(offset) - block.position()
    return max((r.format.fontWeight() for r in block.layout().formats()
                if r.start <= inside < r.start + r.length), default=QFont.Weight.Normal)


def test_an_edit_highlights_its_paragraph_once_with_the_selection(open_window, tmp_path, qtbot,
                                                                 monkeypatch):
    window = open_window(make(tmp_path))
    view, session = window.view, window.session
    QApplication.processEvents()
    counts = highlights(view, monkeypatch)
    start = 3 + 18 * 30                                   # 德州市 in the middle of it
    select_utf16(view, start, start + 3)
    qtbot.keyClick(view, Qt.Key.Key_2)                    # ORG
    assert session.selected.text == "德州市"
    assert counts == {1: 1}                               # one pass: span and selection
    assert weight_at(view, start) == QFont.Weight.Bold    # drawn selected
    counts.clear()
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert session.selected is None and len(session.spans) == 1
    assert counts == {1: 1}
    assert weight_at(view, start) == QFont.Weight.Normal
    block = view.document().findBlockByNumber(1)
    inside = view.offsets.to_utf16(start) - block.position()
    assert not any(r.start <= inside < r.start + r.length for r in block.layout().formats()
                   if r.format.background().style() != Qt.BrushStyle.NoBrush)   # no tint


def test_a_change_without_a_selection_is_drawn_by_the_next_paint(open_window, tmp_path,
                                                               monkeypatch):
    """Spans changed by another path (no selection follows) wait for the next paint."""
    window = open_window(make(tmp_path))
    view, session = window.view, window.session
    QApplication.processEvents()
    counts = highlights(view, monkeypatch)
    span = next(iter(session.spans))
    view.update_spans([span], [])                         # as a bulk change would
    assert counts == {}
    view.viewport().repaint()
    assert counts == {1: 1}
    view.viewport().repaint()
    assert counts == {1: 1}                               # drawn once, not at every paint
