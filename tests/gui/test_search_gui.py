"""Edit → Find and Edit → Search the Corpus, driven through the real window: hits against
an independent count, the find bar's selection in code points, sorting, double-click,
labelling hits as one undoable step, a bad pattern, and Cancel."""

from __future__ import annotations

import re
import threading

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from corpus.search import Hit
from storage.project import Project
from tests.conftest import ASTRAL_TEXT


def press(qtbot, window, sequence: str) -> None:
    key = QKeySequence(sequence)[0]
    qtbot.keyClick(QApplication.focusWidget() or window, key.key(), key.keyboardModifiers())


def run_search(qtbot, window, pattern: str, **checks):
    panel = window.search_tools.panel
    press(qtbot, window, "Ctrl+Shift+F")
    assert window.search_tools.dock.isVisible()
    for name, on in checks.items():
        getattr(panel, name).setChecked(on)
    panel.pattern.setText(pattern)
    qtbot.keyClick(panel.pattern, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not panel.running(), timeout=20000)
    return panel


def texts(window):
    project = window.session.project
    return {d: project.text_of(d) for d in project.document_ids()}


def test_find_bar_selects_hits_in_code_points(open_window, astral_path, qtbot):
    window = open_window(astral_path)
    press(qtbot, window, "Ctrl+F")
    bar = window.search_tools.find_bar
    assert bar.isVisible() and bar.pattern.hasFocus()
    bar.pattern.setText("平原县")
    assert bar.count.text() == "1 hits"
    qtbot.keyClick(bar.pattern, Qt.Key.Key_Return)
    start = ASTRAL_TEXT.index("平原县")
    assert window.view.selection() == (start, start + 3)   # after 𠮷 and 😀: code points
    assert bar.count.text() == "1 of 1"
    bar.regex.setChecked(True)
    bar.pattern.setText(r"第.段|\d+")
    hits = [(m.start(), m.end()) for m in re.finditer(r"第.段|\d+", ASTRAL_TEXT)]
    assert bar.hits == hits and len(hits) == 2
    qtbot.keyClick(bar.pattern, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert window.view.selection() == hits[-1]          # previous from the top wraps around
    bar.pattern.setText("第(")
    assert bar.count.text().startswith("bad regular expression at position 1")
    qtbot.keyClick(bar.pattern, Qt.Key.Key_Escape)
    assert not bar.isVisible()


def test_corpus_search_counts_sorts_opens_and_labels(open_window, sample_path, qtbot):
    window = open_window(sample_path)
    panel = run_search(qtbot, window, "县委")
    every = texts(window)
    expected = sorted((d, m.start(), m.end()) for d, t in every.items()
                      for m in re.finditer("县委", t))
    rows = panel.model_.rows
    assert [(h.document_id, h.start, h.end) for h in rows] == expected
    assert panel.count.text() == (f"{len(expected)} hits in "
                                  f"{len({d for d, _s, _e in expected})} documents.")
    panel.table.sortByColumn(panel.model_.LEFT, Qt.SortOrder.AscendingOrder)
    lefts = [h.left[::-1] for h in panel.model_.rows]
    assert lefts == sorted(lefts)
    panel.table.sortByColumn(panel.model_.DOCUMENT, Qt.SortOrder.DescendingOrder)
    last = panel.model_.rows[0]
    assert last.document_id == max(d for d, _s, _e in expected)
    cell = panel.table.visualRect(panel.model_.index(0, 2)).center()
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    qtbot.mouseDClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert window.session.document.id == last.document_id
    assert window.view.selection() == (last.start, last.end)

    window.view.character_mode = True                    # exact characters
    panel.table.sortByColumn(panel.model_.DOCUMENT, Qt.SortOrder.AscendingOrder)
    panel.table.selectRow(0)
    panel.table.selectionModel().select(panel.model_.index(2, 0), panel.table.selectionModel()
                                        .SelectionFlag.Select | panel.table.selectionModel()
                                        .SelectionFlag.Rows)
    chosen = [panel.model_.rows[0], panel.model_.rows[2]]
    panel.apply_label.setCurrentIndex(panel.apply_label.findData("ORG"))
    panel.apply_button.click()
    assert window.search_tools.last_report.startswith("Labelled 2 hits ORG")
    project = window.session.project

    def layer():
        return sorted((s.document_id, s.start, s.end, s.label, s.origin)
                      for d in every for s in project.spans(d, "tester"))

    assert layer() == [(h.document_id, h.start, h.end, "ORG", "search") for h in chosen]
    qtbot.waitUntil(lambda: panel.model_.rows[0].labels == ("ORG",))
    panel.select_all.click()
    panel.apply_button.click()                           # all: two are there already
    assert f"Labelled {len(expected) - 2} hits" in window.search_tools.last_report
    assert "skipped 2" in window.search_tools.last_report
    assert len(layer()) == len(expected)
    window.session.undo_stack.undo()                     # the second step, all at once
    assert len(layer()) == 2
    window.session.undo_stack.undo()
    assert layer() == []
    qtbot.waitUntil(lambda: all(h.labels == () for h in panel.model_.rows))   # the table follows
    window.session.undo_stack.redo()
    assert layer() == [(h.document_id, h.start, h.end, "ORG", "search") for h in chosen]
    opened = window.session.document.id
    assert [(s.start, s.end) for s in window.session.spans] == [
        (h.start, h.end) for h in chosen if h.document_id == opened]   # the view follows


def test_filters_in_spans_and_a_bad_pattern(open_window, sample_path, qtbot):
    with Project.open(sample_path) as project:
        text = project.text_of(1)
        start = text.index("县委组织部")
        project.add_span(1, start, start + 5, "ORG", annotator="alice")
    window = open_window(sample_path)
    panel = window.search_tools.panel
    press(qtbot, window, "Ctrl+Shift+F")              # the panel lists the project's annotators
    assert [panel.layer.itemData(i) for i in range(panel.layer.count())][2:] == ["alice"]
    panel.layer.setCurrentIndex(panel.layer.findData("alice"))
    panel.label.setCurrentIndex(panel.label.findData("ORG"))
    run_search(qtbot, window, "部$", regex=True, in_spans=True)
    assert [(h.document_id, h.start, h.end, h.labels) for h in panel.model_.rows] == [
        (1, start + 4, start + 5, ("ORG",))]
    panel.status.setCurrentIndex(panel.status.findData("done"))
    run_search(qtbot, window, "部", in_spans=False)
    assert panel.model_.rows == [] and panel.count.text() == "0 hits in 0 documents."
    run_search(qtbot, window, "部(", regex=True)
    assert panel.count.text().startswith("bad regular expression at position 1: ")


def test_counts_show_while_running_and_cancel_stops(open_window, sample_path, qtbot,
                                                    monkeypatch):
    release = threading.Event()

    def slow_hits(self):
        yield Hit(1, 0, 1, "", "x", "", ())
        release.wait(10)
        yield from (Hit(1, i, i + 1, "", "x", "", ()) for i in range(1, 500))

    monkeypatch.setattr("storage.views.search.Search.hits", slow_hits)
    window = open_window(sample_path)
    panel = window.search_tools.panel
    press(qtbot, window, "Ctrl+Shift+F")
    panel.pattern.setText("x")
    panel.run_button.click()
    qtbot.waitUntil(lambda: "so far" in panel.count.text())
    assert panel.count.text() == "1 hits in 1 documents so far…" and panel.running()
    assert panel.cancel_button.isEnabled()
    panel.cancel_button.click()
    release.set()
    qtbot.waitUntil(lambda: not panel.running())
    assert panel.count.text().startswith("Cancelled: ")
    assert len(panel.model_.rows) < 500


def test_search_panel_screenshot_with_chinese(open_window, sample_path, qtbot, tmp_path):
    window = open_window(sample_path)
    run_search(qtbot, window, "平原县")
    window.search_tools.dock.resize(1200, 400)
    image = window.search_tools.panel.grab()
    path = tmp_path / "search_panel.png"
    assert image.save(str(path)) and image.width() > 300


def test_whole_words_and_labelling_snaps_to_words(open_window, sample_path, qtbot, tmp_path):
    from corpus.text.token_bounds import TokenBounds
    from corpus.text.tokenizer import Tokenizer

    tokenizer = Tokenizer(tmp_path / "jieba").initialize()
    window = open_window(sample_path)
    window.search_tools.panel.tokenizer = tokenizer   # the window's word list, loaded
    panel = run_search(qtbot, window, "平原县", words=True)
    every = texts(window)
    bounds = {d: TokenBounds(tokenizer.token_ends(t)) for d, t in every.items()}
    aligned = [(d, m.start(), m.end()) for d, t in every.items() for m in re.finditer("平原县", t)
               if bounds[d].snap(m.start(), m.end()) == (m.start(), m.end())]
    assert [(h.document_id, h.start, h.end) for h in panel.model_.rows] == aligned
    panel = run_search(qtbot, window, "平原县", words=False)
    assert window.view.character_mode is False
    panel.select_all.click()
    panel.apply_label.setCurrentIndex(panel.apply_label.findData("LOC"))
    with qtbot.waitSignal(window.search_tools.applied, timeout=30000):
        panel.apply_button.click()        # the words are found in a worker first
    hits = [(h.document_id, h.start, h.end) for h in panel.model_.rows]
    snapped = sorted({(d, *bounds[d].snap(s, e)) for d, s, e in hits})
    project = window.session.project
    spans = sorted((s.document_id, s.start, s.end) for d in every
                   for s in project.spans(d, "tester"))
    assert spans == snapped and len(snapped) > len(aligned)
    assert all(project.cached_tokens(d, tokenizer.key) == bounds[d].ends for d, _s, _e in hits)
    grown = sum(bounds[d].snap(s, e) != (s, e) for d, s, e in hits)
    assert f"{grown} grown to whole words" in window.search_tools.last_report
