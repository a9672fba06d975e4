"""Help → Annotation Guidelines (F1), and a label's link to its section: the label bar's
context menu offers "Guidelines for <label>"."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from corpus.guidelines import section_of_label
from gui.dialogs.guidelines import GuidelinesDialog
from gui.errors import show_project_error
from gui.i18n import english, titled
from storage.errors import ProjectError
from storage.guidelines import guidelines_for, set_project_guidelines


class GuidelinesTools(QObject):
    def __init__(self, window, menu) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: GuidelinesDialog | None = None
        self.action = QAction(self.tr("Annotation &Guidelines"), window)
        self.action.setObjectName("guidelinesAction")
        self.action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.action.triggered.connect(lambda: self.open())
        menu.insertAction(menu.actions()[0] if menu.actions() else None, self.action)
        window.label_bar.labelContextMenu.connect(self.label_menu)

    def label_menu(self, label: str, where) -> QMenu:
        """The label's context menu: its description and a link to its section."""
        menu = QMenu(self.window)
        menu.setObjectName("labelGuidelinesMenu")
        scheme = self.window.session.scheme if self.window.session else None
        item = scheme.get(label) if scheme is not None and label in scheme else None
        if item is not None and item.description:
            menu.addAction(item.description).setEnabled(False)
        menu.addAction(self.tr("Guidelines for %1").replace("%1", titled(item) if item else label),
                       lambda: self.open(label))
        menu.popup(where)
        return menu

    @property
    def project(self):
        session = self.window.session
        return session.project if session is not None else None

    def language(self) -> str:
        return "en" if english() else "zh_CN"

    def open(self, label: str | None = None) -> GuidelinesDialog:
        markdown, own = guidelines_for(self.project, self.language())
        if self.dialog is None:
            self.dialog = GuidelinesDialog(self.window, markdown, own, self._save)
        else:
            self.dialog._show(markdown, own)
        self.dialog.show()
        self.dialog.raise_()
        if label:
            section = section_of_label(markdown, label)
            if section is not None:
                self.dialog.go_to_heading(section.title)
        return self.dialog

    def _save(self, markdown: str):
        """Store the project's guidelines; the guidelines now in force, or None on failure."""
        if self.project is None:
            return None
        try:
            set_project_guidelines(self.project, markdown)
        except ProjectError as error:
            show_project_error(self.dialog, error)
            return None
        return guidelines_for(self.project, self.language())
