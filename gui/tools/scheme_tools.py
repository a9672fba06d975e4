"""Project → Labels…: opens the scheme dialog, and after every scheme change (or its undo)
makes the window show the scheme at once — label actions and their hotkeys, the Labels
menu, the label bar, the view's colours, the span list, the open document's spans and
suggestions under their new labels, and the document list's counts."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from gui.dialogs.label_scheme import LabelSchemeDialog


class SchemeTools(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: LabelSchemeDialog | None = None
        self.action = QAction(self.tr("&Labels…"), window)
        self.action.setObjectName("labelSchemeAction")
        self.action.triggered.connect(self.open_dialog)
        window.actions.project_menu.addAction(self.action)

    def open_dialog(self) -> LabelSchemeDialog:
        self.dialog = LabelSchemeDialog(self.window, self.refresh)
        self.dialog.open()
        return self.dialog

    def refresh(self) -> None:
        window, session = self.window, self.window.session
        session.scheme = session.project.scheme()
        if window.last_label not in session.scheme:
            window.last_label = None        # sticky label of a label renamed or gone
        window._install_labels()
        window.view.set_scheme(session.scheme)
        window.span_list.model_.set_scheme(session.scheme)
        document = session.document
        if document is not None:
            session.document = None          # open it again: spans under their new labels
            session.open_document(document.id)
        window.document_panel.reload(session)
        if session.document is not None:
            window.document_list.show_current(session.document.id)
