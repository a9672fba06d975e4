"""The window's own single keys (R, [ and ]) cannot become a label's hotkey in the scheme
editor; a project whose label already has one (made before R started relations, or by
another tool) keeps working: the window's action keeps the key, the label bar shows no
key for the label, and the user is told once."""

import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from corpus import hotkeys
from corpus.labels import LabelScheme
from gui.dialogs.label_form import LabelForm
from storage.project import Project
from tests.conftest import new_document
from tests.gui.test_annotate import click_on

TEXT = "平原县委书记王玉东讲话。"


@pytest.mark.parametrize(("key", "words"), [
    ("R", "R starts a relation"), ("r", "R starts a relation"),
    ("[", "[ moves to the previous suggestion"), ("]", "] moves to the next suggestion"),
])
def test_the_label_form_refuses_the_windows_keys(qtbot, key, words):
    form = LabelForm(LabelScheme.default())
    qtbot.addWidget(form)
    form.name.setText("TIME")
    form.hotkey.setText(key)
    assert form.check() == f"{words}: choose another key."
    form.hotkey.setText("7")
    assert form.check() == ""
    form.hotkey.setText("1")
    assert "already the hotkey of PER" in form.check()


def test_every_reserved_key_is_bound_by_the_window(open_window, tmp_path):
    """The list in corpus/hotkeys is the window's: each key is some action's shortcut."""
    path = tmp_path / "k.hanmark"
    with Project.create(path) as project:
        project.add_document(new_document(TEXT, "a.txt"))
    window = open_window(path)
    bound = {action.shortcut().toString() for action in window.findChildren(type(
        window.actions.undo)) if action.shortcut().toString()}
    assert set(hotkeys.RESERVED) <= bound


def with_hotkey_r(tmp_path):
    path = tmp_path / "r.hanmark"
    with Project.create(path) as project:
        project.add_document(new_document(TEXT, "a.txt"))
        project.add_span(1, 6, 9, "PER", annotator="tester")
        project.add_span(1, 2, 6, "POST", annotator="tester")
    conn = sqlite3.connect(path)       # as an older Hanmark or another tool left it
    with conn:
        conn.execute("UPDATE labels SET hotkey = 'r' WHERE name = 'PER'")
    conn.close()
    return path


def test_a_label_holding_r_leaves_r_to_relations_and_the_user_is_told_once(
        open_window, tmp_path, qtbot):
    window = open_window(with_hotkey_r(tmp_path))
    qtbot.waitUntil(lambda: any("PER's hotkey r" in text for text in window.reported))
    assert [t for t in window.reported if "hotkey" in t] == [
        "PER's hotkey r is the window's own key: R starts a relation.\nThe key keeps doing "
        "that; give the label another hotkey in Project → Labels…."]
    action = window.label_actions()["PER"]
    assert action.shortcut().isEmpty()
    assert "does not apply it here (R starts a relation)" in action.toolTip()
    assert window.label_bar.buttons["PER"].text() == "Person PER"      # no key shown
    assert window.label_bar.buttons["ORG"].text() == "Org ORG · 2"
    view = window.view
    click_on(qtbot, view, 3)                   # 县委书记 (POST), then R: a relation starts
    assert window.session.selected.label == "POST"
    qtbot.keyClick(view, Qt.Key.Key_R)
    assert window.relation_tools.source is not None
    assert sorted(s.label for s in window.session.spans) == ["PER", "POST"]  # no relabel
    window.relation_tools.give_up()
    window.scheme_tools.refresh()              # the scheme shown again: not told twice
    QApplication.processEvents()
    assert len([t for t in window.reported if "hotkey" in t]) == 1
