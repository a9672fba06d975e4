from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QDockWidget

from corpus.document import Status
from gui.main_window import MainWindow
from storage.project import Project


def point_of(view, offset):
    cursor = view.textCursor()
    cursor.setPosition(view.offsets.to_utf16(offset))
    rect = view.cursorRect(cursor)
    return QPoint(rect.left() + 1, rect.center().y())


def test_mouse_drag_selects_then_hotkey_marks(open_window, astral_path, qtbot):
    window = open_window(astral_path)
    view = window.view
    start, end = point_of(view, 10), point_of(view, 13)  # 王玉东, after two astral characters
    viewport = view.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(viewport, end)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)
    assert view.selection() == (10, 13)
    qtbot.keyClick(view, Qt.Key.Key_1)
    span = window.session.spans[0]
    assert (span.start, span.end, span.label, span.text) == (10, 13, "PER", "王玉东")


def test_undo_action_names_the_command(open_window, astral_path):
    window = open_window(astral_path)
    assert not window.actions.undo.isEnabled()
    window.session.apply_label("ORG", (4, 8))
    assert window.actions.undo.isEnabled()
    assert "ORG" in window.actions.undo.text()
    window.actions.undo.trigger()
    assert "ORG" in window.actions.redo.text() and not window.actions.undo.isEnabled()


def test_changing_annotator_shows_their_statuses(open_window, astral_path, qtbot):
    window = open_window(astral_path, annotator="alice")
    window.session.set_status(Status.DONE)
    with qtbot.waitSignal(window.annotatorChanged) as changed:
        window.set_annotator("bob")
    assert changed.args == ["bob"]
    assert window.session.annotator == "bob"
    assert window.document_list.model_.rows[0].status is Status.TODO
    assert window.session.undo_stack.count() == 0
    window.session.apply_label("LOC", (4, 7))
    assert window.session.spans[0].annotator == "bob"


def test_empty_project_shows_a_hint_and_ignores_hotkeys(open_window, tmp_path, qtbot):
    path = tmp_path / "empty.hanmark"
    Project.create(path).close()
    window = open_window(path)
    assert window.view.placeholderText()
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    assert window.session.undo_stack.count() == 0


def test_window_layout_is_remembered(qtbot, astral_path, tmp_path):
    state = tmp_path / "config" / "window.ini"
    first = MainWindow(Project.open(astral_path), "a", state_file=state)
    qtbot.addWidget(first)
    first.show()
    first.resize(700, 500)  # inside the offscreen screen (800×600), so nothing is clamped
    first.findChild(QDockWidget, "spansDock").hide()
    first.close()
    assert state.exists()
    second = MainWindow(Project.open(astral_path), "a", state_file=state)
    qtbot.addWidget(second)
    second.show()
    assert (second.width(), second.height()) == (700, 500)
    assert not second.findChild(QDockWidget, "spansDock").isVisible()
    second.close()


def test_opening_another_project_from_the_window(open_window, astral_path, sample_path):
    window = open_window(astral_path)
    old = window.session.project
    assert window.open_project_file(sample_path)
    assert window.session.project.path == sample_path
    assert len(window.document_list.model_.rows) == 5
    assert window.windowTitle().endswith("sample.hanmark")
    try:
        old.document(1)
        raise AssertionError("the previous project should be closed")
    except Exception as error:  # sqlite3.ProgrammingError: closed database
        assert "closed" in str(error).lower()


def test_keyboard_caret_starts_at_the_document_start(open_window, astral_path):
    window = open_window(astral_path)
    assert window.view.textCursor().position() == 0
    window.view.moveCursor(QTextCursor.MoveOperation.End)
    assert window.view.selection() is None


def test_label_bar_shows_colour_name_and_hotkey(open_window, astral_path):
    window = open_window(astral_path)
    buttons = window.label_bar.buttons
    assert list(buttons) == ["PER", "ORG", "LOC", "POST", "METRIC", "SLOGAN"]
    assert buttons["ORG"].text() == "Org ORG · 2"
    assert not buttons["ORG"].icon().isNull()


def formats_in(view, block_number):
    block = view.document().findBlockByNumber(block_number)
    return [(r.start, r.length, r.format.background().color().name())
            for r in block.layout().formats()]


def test_spans_drawn_where_they_are_when_a_document_opens(open_window, astral_path, qtbot):
    with Project.open(astral_path) as project:  # spans exist before the window opens
        text = project.document(1).text
        second_line = text.index("\n") + 1
        project.add_span(1, second_line + 3, second_line + 5, "SLOGAN", annotator="tester")  # 𠀀有
        project.add_span(1, second_line - 3, second_line + 2, "LOC", annotator="tester")  # 说：⏎第二
    window = open_window(astral_path)
    window.session.open_document(2)
    window.session.open_document(1)  # a longer document replaces a shorter one
    tint = {name: fmt.background().color().name()
            for name, fmt in window.view.highlighter._formats.items()}
    first, second = formats_in(window.view, 0), formats_in(window.view, 1)
    line_one_units = len(text[:second_line - 1].encode("utf-16-le")) // 2
    assert (line_one_units - 2, 2, tint["LOC"]) in first  # 说：, not the line break
    assert (0, 2, tint["LOC"]) in second
    assert (3, 3, tint["SLOGAN"]) in second  # 𠀀 is two UTF-16 units


def test_help_is_the_last_menu(open_window, astral_path):
    window = open_window(astral_path)
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles[-1] == "&Help" and "&View" in titles and "&Suggestions" in titles


def test_the_window_edits_only_its_annotators_layer(open_window, astral_path, tmp_path):
    with Project.open(astral_path) as project:
        project.add_span(1, 4, 8, "ORG", annotator="bob")
        project.add_span(1, 10, 13, "PER", annotator="tester")
        project.set_info("annotator", "carol")     # as `hanmark split` writes it
    window = open_window(astral_path)
    assert [(s.text, s.annotator) for s in window.session.spans] == [("王玉东", "tester")]
    assert window.session.summary(1).span_count == 1
    assert window.files.open(astral_path)            # opening a split file: its annotator
    assert window.session.annotator == "carol" and len(window.session.spans) == 0
