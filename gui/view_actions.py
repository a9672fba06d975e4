"""The View and Tokens commands: zoom, character mode, sticky label, the project's words."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

Keys = QKeySequence.StandardKey


class ViewActions(QObject):
    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.zoom_in = self._make(self.tr("Zoom &In"), Keys.ZoomIn, "Ctrl+=")
        self.zoom_out = self._make(self.tr("Zoom &Out"), Keys.ZoomOut)
        self.zoom_reset = self._make(self.tr("&Actual Size"), "Ctrl+0")
        self.character_mode = self._make(self.tr("&Character Precision"), "Ctrl+Shift+C")
        self.character_mode.setCheckable(True)
        self.character_mode.setToolTip(self.tr("Selections keep their exact characters instead "
                                               "of snapping to words (or hold Alt)"))
        self.sticky_label = self._make(self.tr("&Sticky Label"), "Ctrl+Shift+L")
        self.sticky_label.setCheckable(True)
        self.sticky_label.setToolTip(self.tr("Every new selection gets the label used last"))
        self.add_word = self._make(self.tr("&Add Selection as a Word"), "Ctrl+Shift+W")
        self.remove_word = self._make(self.tr("&Remove Selection as a Word"))
        self.project_words = self._make(self.tr("Project &Words…"))

    def _make(self, text: str, *shortcuts) -> QAction:
        action = QAction(text, self.window)
        if shortcuts:
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
        self.window.addAction(action)
        return action

    def build_menu(self) -> None:
        menu = self.menu = self.window.menuBar().addMenu(self.tr("&View"))
        before_help(self.window, menu)
        for action in (self.zoom_in, self.zoom_out, self.zoom_reset):
            menu.addAction(action)
        menu.addSeparator()
        for action in (self.character_mode, self.sticky_label):
            menu.addAction(action)
        menu.addSeparator()
        for action in (self.add_word, self.remove_word, self.project_words):
            menu.addAction(action)


def before_help(window: QMainWindow, menu) -> None:
    """Keep Help the last menu."""
    help_menu = getattr(window.actions, "help_menu", None)
    if help_menu is not None:
        window.menuBar().insertMenu(help_menu.menuAction(), menu)
