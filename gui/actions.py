"""The window's actions and menus, with their shortcuts, in one place."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from corpus.labels import LabelScheme
from gui import reserved_keys
from gui.i18n import titled
from gui.panels.label_bar import swatch

Keys = QKeySequence.StandardKey


class Actions(QObject):
    """Every command of the main window; the window connects them to its handlers."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.open_project = self._make(self.tr("&Open Project…"), Keys.Open)
        self.new_project = self._make(self.tr("&New Project…"), Keys.New)
        self.save_sample = self._make(self.tr("Save &Sample Project As…"))
        self.import_files = self._make(self.tr("&Import Articles…"), "Ctrl+I")
        self.import_folder = self._make(self.tr("Import a &Folder…"))
        self.import_options = self._make(self.tr("Import with &Options…"))
        self.export = self._make(self.tr("&Export…"), "Ctrl+E")
        self.merge_files = self._make(self.tr("&Merge Annotators' Files…"))
        self.annotator = self._make(self.tr("&Annotator Name…"))
        self.agreement = self._make(self.tr("&Agreement…"))
        self.quit = self._make(self.tr("&Quit"), Keys.Quit)
        self.undo = self._make(self.tr("&Undo"), Keys.Undo)
        self.redo = self._make(self.tr("&Redo"), "Ctrl+Shift+Z", Keys.Redo)
        self.delete_span = self._make(self.tr("&Delete Span"), Keys.Delete, "Backspace")
        self.done_next = self._make(self.tr("Mark &Done and Go to Next"),
                                    "Ctrl+Return", "Ctrl+Enter")
        self.skip = self._make(self.tr("&Skip Document"), "Ctrl+Shift+K")
        self.next_document = self._make(self.tr("Ne&xt Document"), "Ctrl+PgDown")
        self.previous_document = self._make(self.tr("&Previous Document"), "Ctrl+PgUp")
        self.about = self._make(self.tr("&About Hanmark"))

    def _make(self, text: str, *shortcuts: QKeySequence | Keys | str) -> QAction:
        action = QAction(text, self.window)
        if shortcuts:
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
        return action

    def build_menus(self) -> QMenu:
        """Fill the menu bar; returns the Labels menu, which is rebuilt per project."""
        bar = self.window.menuBar()
        groups = (
            (self.tr("&File"), (self.open_project, self.new_project, self.save_sample, None,
                                 self.import_files, self.import_folder, self.import_options,
                                 self.export, self.merge_files, None,
                                 self.annotator, None, self.quit)),
            (self.tr("&Edit"), (self.undo, self.redo, self.delete_span)),
            (self.tr("&Document"), (self.done_next, self.skip, self.next_document,
                                     self.previous_document)),
        )
        for title, actions in groups:
            menu = bar.addMenu(title)
            for action in actions:
                menu.addSeparator() if action is None else menu.addAction(action)
        self.project_menu = bar.addMenu(self.tr("&Project"))
        self.project_menu.addAction(self.agreement)
        labels_menu = bar.addMenu(self.tr("&Labels"))
        self.help_menu = bar.addMenu(self.tr("&Help"))
        self.help_menu.addAction(self.about)
        return labels_menu


def label_actions(window: QMainWindow, scheme: LabelScheme) -> dict[str, QAction]:
    actions = {}
    for label in scheme:
        title = titled(label)
        action = QAction(swatch(label.color), title, window)
        if label.hotkey and reserved_keys.use_of(label.hotkey):     # the window's key wins
            action.setToolTip(f"{title}\n{reserved_keys.tooltip(label)}\n{label.description}")
        elif label.hotkey:
            action.setShortcut(QKeySequence(label.hotkey))
            action.setIconText(f"{title} · {label.hotkey}")  # label bar
            action.setToolTip(f"{title} ({label.hotkey})\n{label.description}")
        action.setData(label.name)
        actions[label.name] = action
    return actions
