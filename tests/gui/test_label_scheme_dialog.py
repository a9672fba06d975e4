"""Project → Labels… through the real window: every change that touches spans asks first
with the counts, the window shows the scheme at once (label bar, Labels menu, hotkeys,
view, span list), and undo puts the project back exactly."""

import sqlite3

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QApplication,
    QColorDialog,
    QInputDialog,
    QMessageBox,
    QPushButton,
)

from gui.dialogs.label_form import LabelForm
from gui.dialogs.label_scheme import LabelSchemeDialog
from storage.project import Project
from tests.gui.test_annotate import select_utf16
from tests.scheme_project import TEXT, build


@pytest.fixture
def path(tmp_path):
    return build(tmp_path / "p.hanmark")


def state(path) -> dict:
    conn = sqlite3.connect(path)
    out = {t: conn.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall()
           for t in ("labels", "spans", "suggestions", "curation_rejections", "project_info")}
    conn.close()
    return out


def answer(qtbot, kind, handler, seen: list):
    """Run ``handler`` on the next modal dialog of type ``kind`` (the test is the user)."""
    def poll():
        modal = QApplication.activeModalWidget()
        if isinstance(modal, kind):
            seen.append(handler(modal))
        else:
            QTimer.singleShot(10, poll)

    QTimer.singleShot(0, poll)


def fill(**values):
    def handler(form: LabelForm):
        for name, text in values.items():
            if name == "kind":
                form.kind.setCurrentIndex(form.kind.findData(text))
            else:
                getattr(form, name).setText(text)
        form.accept()
        return form.problem.text()
    return handler


def reply(button):
    def handler(box: QMessageBox):
        text = box.text()
        box.button(button).click()
        return text
    return handler


def labels_shown(window) -> list[str]:
    """The open document's spans in the session and in the span list, by label."""
    shown = sorted(s.label for s in window.session.spans.list())
    assert sorted(s.label for s in window.span_list.model_.rows) == shown
    return shown


def open_dialog(window, qtbot) -> LabelSchemeDialog:
    window.scheme_tools.action.trigger()
    dialog = window.scheme_tools.dialog
    qtbot.waitExposed(dialog)
    return dialog


def choose(dialog, name: str) -> None:
    dialog.select(name)
    assert dialog.current().name == name


def click(dialog, key: str) -> None:
    dialog.findChild(QPushButton, key).click()


def test_rename_asks_with_counts_shows_at_once_and_undoes(open_window, path, qtbot):
    window = open_window(path, annotator="bob")
    before = state(path)
    dialog = open_dialog(window, qtbot)
    choose(dialog, "LOC")
    seen = []
    answer(qtbot, LabelForm, fill(name="PLACE", display="地名", display_en="Place"), seen)
    answer(qtbot, QMessageBox, reply(QMessageBox.StandardButton.Yes), seen)
    click(dialog, "editLabel")
    assert seen == ["", ("Change the label LOC? This changes 4 spans, 1 suggestions, "
                         "1 curation rejections and 0 relations.")]
    assert list(window.label_actions()) == ["PER", "ORG", "PLACE", "POST", "METRIC", "SLOGAN"]
    assert window.label_bar.buttons["PLACE"].text() == "Place PLACE · 3"   # English interface
    assert [a.data() for a in window.labels_menu.actions()][2] == "PLACE"
    assert labels_shown(window) == ["ORG", "PER", "PLACE"]
    assert window.span_list.model_.names["PLACE"] == "Place PLACE"
    assert [row.label.name for row in dialog.model.rows][2] == "PLACE"
    assert window.actions.undo.text() == "&Undo Rename label LOC to PLACE"
    click(dialog, "undo")
    assert state(path) == before
    assert "LOC" in window.label_actions() and dialog.current().name == "LOC"
    assert labels_shown(window) == ["LOC", "ORG", "PER"]
    click(dialog, "redo")
    assert "PLACE" in window.label_actions()


def test_merge_and_delete_ask_first_and_undo_exactly(open_window, path, qtbot):
    window = open_window(path, annotator="alice")
    before = state(path)
    dialog = open_dialog(window, qtbot)
    choose(dialog, "LOC")
    seen = []

    def pick_org(box: QInputDialog):
        box.setTextValue("Org ORG")
        box.accept()

    answer(qtbot, QInputDialog, pick_org, seen)
    answer(qtbot, QMessageBox, reply(QMessageBox.StandardButton.Yes), seen)
    click(dialog, "mergeLabel")
    assert seen[1] == ("Merge LOC into ORG? This changes 4 spans, 1 suggestions, 1 curation "
                       "rejections and 0 relations. 1 of the spans equal a ORG span of the "
                       "same annotator and are removed.")
    with Project.open(path, readonly=True) as project:
        assert project.stats("alice")["spans"] == {"PER": 3, "ORG": 6, "POST": 0, "METRIC": 1,
                                                   "SLOGAN": 0}
    assert "LOC" not in window.label_actions()
    assert labels_shown(window) == ["METRIC", "ORG", "PER"]
    merged = state(path)

    choose(dialog, "METRIC")
    answer(qtbot, QMessageBox, reply(QMessageBox.StandardButton.Cancel), seen)
    click(dialog, "deleteLabel")
    assert seen[-1] == ("Delete the label METRIC? This changes 1 spans, 0 suggestions, "
                        "0 curation rejections and 0 relations.")
    assert state(path) == merged                           # cancelled: nothing changed
    answer(qtbot, QMessageBox, reply(QMessageBox.StandardButton.Yes), seen)
    click(dialog, "deleteLabel")
    assert "METRIC" not in window.label_actions()
    assert labels_shown(window) == ["ORG", "PER"]
    window.actions.undo.trigger()
    assert state(path) == merged
    window.actions.undo.trigger()
    assert state(path) == before
    assert labels_shown(window) == ["LOC", "METRIC", "ORG", "PER"]


def test_new_hotkey_colour_and_order_work_at_once(open_window, path, qtbot):
    window = open_window(path, annotator="dave")
    dialog = open_dialog(window, qtbot)
    seen = []
    answer(qtbot, LabelForm, fill(name="TIME", display="时间", kind="metric", hotkey="7"),
           seen)
    click(dialog, "addLabel")
    assert seen == [""] and dialog.current().name == "TIME"
    click(dialog, "upLabel")
    assert list(window.label_actions())[-2:] == ["TIME", "SLOGAN"]
    choose(dialog, "PER")

    def pick_colour(box: QColorDialog):
        box.setCurrentColor(QColor("#123456"))
        box.accept()

    answer(qtbot, QColorDialog, pick_colour, seen)
    click(dialog, "colourLabel")
    assert window.session.scheme.get("PER").color == "#123456"
    assert window.view.highlighter._colours["PER"] == "#123456"
    answer(qtbot, LabelForm, fill(hotkey="9"), seen)
    click(dialog, "editLabel")                     # no span of PER changes: no question
    click(dialog, "close")
    assert window.label_actions()["PER"].shortcut().toString() == "9"
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.view.setFocus()
    start = TEXT.index("王玉东")
    select_utf16(window.view, start, start + 3)
    qtbot.keyClick(window.view, Qt.Key.Key_9)
    select_utf16(window.view, 0, 2)
    qtbot.keyClick(window.view, Qt.Key.Key_7)
    assert sorted((s.text, s.label) for s in window.session.spans.list()) == [
        ("平原", "TIME"), ("王玉东", "PER")]


def test_the_form_says_what_is_wrong_and_stays_open(open_window, path, qtbot):
    window = open_window(path)
    dialog = open_dialog(window, qtbot)
    before = state(path)
    seen = []

    def try_twice(form: LabelForm):
        form.name.setText("ORG")
        form.accept()
        first = form.problem.text()
        form.name.setText("NEW")
        form.hotkey.setText("2")
        form.accept()
        second = form.problem.text()
        form.reject()
        return first, second

    answer(qtbot, LabelForm, try_twice, seen)
    click(dialog, "addLabel")
    assert seen == [("A label named ORG already exists.",
                     "The key 2 is already the hotkey of ORG.")]
    assert state(path) == before


def test_a_read_only_project_shows_the_scheme_but_cannot_change_it(open_window, path, qtbot):
    window = open_window(path)
    path.chmod(0o444)
    try:
        window.set_project(Project.open(path, readonly=True))
        dialog = open_dialog(window, qtbot)
        assert len(dialog.model.rows) == 6
        assert not dialog.findChild(QPushButton, "deleteLabel").isEnabled()
        assert "read-only" in dialog.note.text()
    finally:
        path.chmod(0o644)


def test_a_row_dropped_elsewhere_reorders_undoably(open_window, path, qtbot):
    window = open_window(path)
    dialog = open_dialog(window, qtbot)
    model = dialog.model
    slogan = model.index(5, 0)
    data = model.mimeData([slogan])
    assert model.canDropMimeData(data, Qt.DropAction.MoveAction, 1, 0, slogan.parent())
    model.dropMimeData(data, Qt.DropAction.MoveAction, 1, 0, slogan.parent())
    order = ["PER", "SLOGAN", "ORG", "LOC", "POST", "METRIC"]
    qtbot.waitUntil(lambda: [row.label.name for row in model.rows] == order)
    assert list(window.label_actions()) == order
    model.dropMimeData(model.mimeData([model.index(0, 0)]), Qt.DropAction.MoveAction, 6, 0,
                       slogan.parent())                      # the first to the end
    qtbot.waitUntil(lambda: list(window.label_actions()) == order[1:] + ["PER"])
    window.actions.undo.trigger()
    window.actions.undo.trigger()
    assert list(window.label_actions()) == ["PER", "ORG", "LOC", "POST", "METRIC", "SLOGAN"]
