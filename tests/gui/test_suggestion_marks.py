"""Suggestions against spans and word marks: drawn unlike either, never highlighted together
with a selected span, listed in the Suggestions panel beside the spans."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import QDockWidget

from storage.project import Project
from tests.conftest import new_document

TEXT = "今年新签约项目25个，投资665万元，打造“五型”机关，落实“严真细实快”要求。"


def _window(open_window, tmp_path):
    path = tmp_path / "s.hanmark"
    with Project.create(path) as project:
        project.add_document(new_document(TEXT, "a.txt"))
    window = open_window(path)
    window.suggestion_tools.run.trigger()
    return window


def _format_at(view, offset: int) -> QTextCharFormat | None:
    ranges = view.document().firstBlock().layout().formats()
    for r in ranges:
        if r.start <= offset < r.start + r.length:
            return QTextCharFormat(r.format)      # a copy: the ranges go with the list
    return None


def test_a_suggestion_is_hatched_a_span_tinted_and_a_word_dotted(open_window, tmp_path):
    window = _window(open_window, tmp_path)
    view = window.view
    view.set_tokens([2, 4, 7, 9, 10, 12, len(TEXT)])        # 今年|新签|约项目|25|个|，投|…
    window.session.apply_label("LOC", (0, 2))               # 今年, a span
    window.session.select_span(None)
    word = _format_at(view, 2)                               # 新签: an odd token, a word mark
    assert word.underlineStyle() == word.underlineStyle().DotLine
    assert word.background().style() == Qt.BrushStyle.NoBrush
    suggestion = _format_at(view, TEXT.index("665万元"))
    assert suggestion.underlineStyle() == suggestion.underlineStyle().DashUnderline
    assert suggestion.background().style() == Qt.BrushStyle.BDiagPattern
    span = _format_at(view, 0)
    assert span.background().style() == Qt.BrushStyle.SolidPattern
    assert span.underlineStyle() == span.underlineStyle().SingleUnderline
    assert word.underlineColor() != suggestion.underlineColor()


def test_after_an_accept_only_the_next_suggestion_is_highlighted(open_window, tmp_path, qtbot):
    window = _window(open_window, tmp_path)
    view, session, tools = window.view, window.session, window.suggestion_tools
    qtbot.keyClick(view, Qt.Key.Key_BracketRight)
    qtbot.keyClick(view, Qt.Key.Key_Return)                  # accept 25个
    assert [s.text for s in session.spans] == ["25个"]
    assert session.selected is None                          # the new span is not selected
    assert tools.suggestions.current[1].text == "665万元"
    bold = [r for r in view.document().firstBlock().layout().formats()
            if r.format.foreground().color().name() == "#ffffff"]
    assert bold == []                                        # no span drawn as selected
    assert _format_at(view, TEXT.index("665万元")).background().color().name() == "#e4e4e4"


def test_selecting_a_span_ends_the_current_suggestion(open_window, tmp_path, qtbot):
    window = _window(open_window, tmp_path)
    session, tools = window.session, window.suggestion_tools
    session.apply_label("LOC", (0, 2))
    qtbot.keyClick(window.view, Qt.Key.Key_BracketRight)
    assert tools.suggestions.current is not None and session.selected is None
    session.select_span(session.spans[0].id)
    assert tools.suggestions.current is None
    open_before = len(tools.suggestions.items)
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)           # deletes the span, rejects nothing
    assert len(session.spans) == 0 and len(tools.suggestions.items) == open_before


def test_the_suggestions_panel_lists_them_and_a_click_makes_one_current(
        open_window, tmp_path, qtbot):
    window = _window(open_window, tmp_path)
    tools = window.suggestion_tools
    panel = tools.panel
    dock = window.findChild(QDockWidget, "suggestionsDock")
    assert dock in window.tabifiedDockWidgets(window.findChild(QDockWidget, "spansDock"))
    items = tools.suggestions.items
    assert panel.model_.rowCount() == len(items) >= 4
    row = next(i for i, (_id, s) in enumerate(items) if s.text == "五型")
    model = panel.model_
    assert [model.data(model.index(row, c)) for c in range(3)] == ["五型", "Slogan SLOGAN", "1.00"]
    assert model.data(model.index(row, 0), Qt.ItemDataRole.ToolTipRole) == \
        "Slogan SLOGAN · 五型 (by slogans, score 1.00)"
    label_width = panel.fontMetrics().horizontalAdvance("Metric METRIC")
    assert panel.columnWidth(1) > label_width + 16              # no "Metric ME…"
    dock.raise_()
    qtbot.waitUntil(lambda: not panel.visibleRegion().isEmpty())
    rect = panel.visualRect(model.index(row, 0))
    qtbot.mouseClick(panel.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert tools.suggestions.current == items[row]
    assert window.statusBar().currentMessage() == \
        f"Suggestion {row + 1} of {len(items)}: Suggested SLOGAN · 五型 (by slogans, score 1.00)"
    assert window.view.hasFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Return)           # accepted from the text
    assert [s.text for s in window.session.spans] == ["五型"]
    assert panel.model_.rowCount() == len(items) - 1 == len(tools.suggestions.items)
    assert panel.currentIndex().row() == row                 # the next one, now in this row
