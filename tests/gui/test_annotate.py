"""End to end through the real window: select as a user does, press keys, check SQLite."""

import sqlite3

import orjson
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from corpus.document import Status
from tests.conftest import ASTRAL_TEXT


def stored_spans(path):
    with sqlite3.connect(path) as conn:
        rows = conn.execute(
            'SELECT s.document_id, s.start, s."end", l.name, s.text, s.annotator '
            "FROM spans s JOIN labels l ON l.id = s.label_id ORDER BY s.id").fetchall()
    conn.close()
    return rows


def select_utf16(view, start, end):
    """Select with the widget's own (UTF-16) cursor positions, like a mouse drag."""
    cursor = view.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)


def test_hotkey_after_astral_characters_stores_code_points(open_window, astral_path, qtbot):
    window = open_window(astral_path)
    view = window.view
    # "平原县委" starts at code point 4 but at UTF-16 unit 6 (𠮷 and 😀 take two units each)
    select_utf16(view, 6, 10)
    assert view.textCursor().selectedText() == "平原县委"
    qtbot.keyClick(view, Qt.Key.Key_2)
    assert stored_spans(astral_path) == [(1, 4, 8, "ORG", "平原县委", "tester")]
    qtbot.waitUntil(lambda: window.span_list.model_.rowCount() == 1)  # one turn later
    assert window.span_list.selectionModel().selectedRows()[0].row() == 0
    assert window.document_list.model_.rows[0].span_count == 1
    assert window.session.status(1) is Status.IN_PROGRESS

    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored_spans(astral_path) == []
    assert window.session.status(1) is Status.TODO  # the whole action is undone
    qtbot.keyClick(view, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert stored_spans(astral_path) == [(1, 4, 8, "ORG", "平原县委", "tester")]

    out = astral_path.parent / "out.jsonl"
    job = window.start_export(out)
    with qtbot.waitSignal(job.finished, timeout=10000):
        pass
    record = orjson.loads(out.read_bytes().splitlines()[0])
    assert record["label"] == [[4, 8, "ORG"]]
    assert record["text"][4:8] == "平原县委"


def test_keyboard_selection_then_label_click(open_window, astral_path, qtbot):
    window = open_window(astral_path)
    view = window.view
    view.moveCursor(QTextCursor.MoveOperation.Start)
    for _ in range(10):  # past 𠮷野家😀平原县委书记: arrows move by character
        qtbot.keyClick(view, Qt.Key.Key_Right)
    for _ in range(3):
        qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert view.selection() == (10, 13)
    window.label_bar.buttons["PER"].click()
    assert stored_spans(astral_path) == [(1, 10, 13, "PER", "王玉东", "tester")]


def click_on(qtbot, view, offset):
    """Click in the middle of the character at code-point ``offset``."""
    cursor = view.textCursor()
    cursor.setPosition(view.offsets.to_utf16(offset))
    left = view.cursorRect(cursor)
    cursor.setPosition(view.offsets.to_utf16(offset + 1))
    right = view.cursorRect(cursor)
    point = left.center()
    point.setX((left.left() + right.left()) // 2)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def test_click_selects_a_span_then_relabel_and_delete(open_window, astral_path, qtbot):
    window = open_window(astral_path)
    view = window.view
    window.session.apply_label("LOC", (4, 7))  # 平原县
    click_on(qtbot, view, 5)
    assert window.session.selected is not None and window.session.selected.text == "平原县"
    qtbot.keyClick(view, Qt.Key.Key_2)  # a hotkey with a span selected relabels it
    assert stored_spans(astral_path)[0][3] == "ORG"
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert stored_spans(astral_path) == []
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored_spans(astral_path) == [(1, 4, 7, "ORG", "平原县", "tester")]
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored_spans(astral_path)[0][3] == "LOC"


def test_clicking_outside_spans_clears_the_selection(open_window, astral_path, qtbot):
    window = open_window(astral_path)
    window.session.apply_label("LOC", (4, 7))
    window.session.select_span(window.session.spans[0].id)
    click_on(qtbot, window.view, 12)
    assert window.session.selected is None
    assert not window.actions.delete_span.isEnabled()


def test_undo_works_after_switching_documents(open_window, astral_path, qtbot):
    window = open_window(astral_path)
    window.session.apply_label("LOC", (4, 7))
    window.document_list.selectRow(1)
    assert window.session.document.id == 2
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored_spans(astral_path) == []
    assert window.session.document.id == 1  # undo shows the document it changed


def test_ctrl_enter_marks_done_and_moves_to_the_next_not_done(open_window, sample_path, qtbot):
    window = open_window(sample_path)
    session = window.session
    first = session.document.id
    session.open_document(3)
    session.set_status(Status.DONE)
    session.open_document(first)
    qtbot.keyClick(window.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert session.project.status(first, "tester") is Status.DONE
    assert session.document.id == 2
    qtbot.keyClick(window.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert session.document.id == 4  # 3 is already done
    assert window.document_list.model_.rows[1].status is Status.DONE
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert session.project.status(2, "tester") is Status.TODO


def test_hotkey_without_selection_explains(open_window, astral_path, qtbot):
    window = open_window(astral_path)
    with qtbot.waitSignal(window.session.message):
        qtbot.keyClick(window.view, Qt.Key.Key_1)
    assert stored_spans(astral_path) == []
    assert window.session.undo_stack.count() == 0


def test_whitespace_is_trimmed_and_blank_selection_ignored(open_window, astral_path, qtbot):
    window = open_window(astral_path)
    newline = ASTRAL_TEXT.index("\n")
    window.session.apply_label("PER", (newline - 1, newline + 1))
    assert stored_spans(astral_path)[0][1:3] == (newline - 1, newline)


def test_the_span_list_catches_up_with_several_edits_in_one_turn(open_window, astral_path,
                                                                qtbot):
    window = open_window(astral_path)
    session, spans = window.session, window.span_list
    session.apply_label("ORG", (4, 8))
    session.apply_label("LOC", (4, 6))
    session.delete_selected()                     # the LOC span again: gone before shown
    assert spans.model_.rowCount() == 0           # the text first, the list next turn
    spans.catch_up()
    assert [(s.text, s.label) for s in spans.model_.rows] == [("平原县委", "ORG")]
    session.apply_label("PER", (0, 2))
    session.open_document(2)                      # another document: nothing of 1 replayed
    qtbot.wait(1)
    assert spans.model_.rows == list(session.spans.list())
    session.open_document(1)
    assert [s.label for s in spans.model_.rows] == ["PER", "ORG"]
