"""The window's actions and menus, with their shortcuts, in one place."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from corpus.labels import LabelScheme
from gui.label_bar import swatch


@dataclass
class Actions:
    open_project: QAction
    new_project: QAction
    save_sample: QAction
    export: QAction
    annotator: QAction
    quit: QAction
    undo: QAction
    redo: QAction
    delete_span: QAction
    done_next: QAction
    skip: QAction
    next_document: QAction
    previous_document: QAction
    about: QAction
    labels: dict[str, QAction] = field(default_factory=dict)


def _action(parent: QObject, text: str, *shortcuts: QKeySequence | str) -> QAction:
    action = QAction(text, parent)
    if shortcuts:
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
    return action


def build_actions(window: QMainWindow) -> Actions:
    tr = window.tr
    return Actions(
        open_project=_action(window, tr("&Open Project…"), QKeySequence.StandardKey.Open),
        new_project=_action(window, tr("&New Project…"), QKeySequence.StandardKey.New),
        save_sample=_action(window, tr("Save &Sample Project As…")),
        export=_action(window, tr("&Export JSONL…"), "Ctrl+E"),
        annotator=_action(window, tr("&Annotator Name…")),
        quit=_action(window, tr("&Quit"), QKeySequence.StandardKey.Quit),
        undo=_action(window, tr("&Undo"), QKeySequence.StandardKey.Undo),
        redo=_action(window, tr("&Redo"), "Ctrl+Shift+Z", QKeySequence.StandardKey.Redo),
        delete_span=_action(window, tr("&Delete Span"), QKeySequence.StandardKey.Delete,
                            "Backspace"),
        done_next=_action(window, tr("Mark &Done and Go to Next"), "Ctrl+Return", "Ctrl+Enter"),
        skip=_action(window, tr("&Skip Document"), "Ctrl+Shift+K"),
        next_document=_action(window, tr("Ne&xt Document"), "Ctrl+PgDown"),
        previous_document=_action(window, tr("&Previous Document"), "Ctrl+PgUp"),
        about=_action(window, tr("&About Hanmark")),
    )


def label_actions(window: QMainWindow, scheme: LabelScheme) -> dict[str, QAction]:
    actions = {}
    for label in scheme:
        action = QAction(swatch(label.color), f"{label.display} {label.name}", window)
        if label.hotkey:
            action.setShortcut(QKeySequence(label.hotkey))
            action.setToolTip(f"{label.display} {label.name} ({label.hotkey})\n{label.description}")
        action.setData(label.name)
        actions[label.name] = action
    return actions


def build_menus(window: QMainWindow, actions: Actions) -> QMenu:
    """Fill the menu bar; returns the Labels menu, which is rebuilt per project."""
    tr = window.tr
    bar = window.menuBar()
    file_menu = bar.addMenu(tr("&File"))
    for action in (actions.open_project, actions.new_project, actions.save_sample):
        file_menu.addAction(action)
    file_menu.addSeparator()
    file_menu.addAction(actions.export)
    file_menu.addSeparator()
    file_menu.addAction(actions.annotator)
    file_menu.addSeparator()
    file_menu.addAction(actions.quit)
    edit_menu = bar.addMenu(tr("&Edit"))
    for action in (actions.undo, actions.redo, actions.delete_span):
        edit_menu.addAction(action)
    document_menu = bar.addMenu(tr("&Document"))
    for action in (actions.done_next, actions.skip, actions.next_document,
                   actions.previous_document):
        document_menu.addAction(action)
    labels_menu = bar.addMenu(tr("&Labels"))
    help_menu = bar.addMenu(tr("&Help"))
    help_menu.addAction(actions.about)
    return labels_menu
