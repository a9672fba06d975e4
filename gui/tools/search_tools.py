"""Edit → Find (Ctrl+F) in the open document and Edit → Search the Corpus (Ctrl+Shift+F):
the actions, the find bar, the search panel's dock, and what their results lead to —
opening a document at a hit, and labelling hits (one undoable step)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QDockWidget

from corpus.search import Covering, Hit
from gui.commands.search import LabelHits
from gui.panels.find_bar import FindBar
from gui.panels.search_panel import EVERY_LAYER, SearchPanel
from storage.search import ProjectTokens
from storage.search_apply import Applied, snap_places


class SearchTools(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.session = None
        self.find = self._action(self.tr("&Find…"), QKeySequence.StandardKey.Find)
        self.search = self._action(self.tr("&Search the Corpus…"), "Ctrl+Shift+F")
        self.find_bar = FindBar(window)
        window.addToolBar(Qt.ToolBarArea.BottomToolBarArea, self.find_bar)
        self.find_bar.hide()
        self.panel = SearchPanel(window)
        self.dock = QDockWidget(self.tr("Search"), window)
        self.dock.setObjectName("searchDock")
        self.dock.setWidget(self.panel)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        self.dock.hide()
        self.find.triggered.connect(self.find_bar.open_bar)
        self.search.triggered.connect(self.open_panel)
        self.panel.hitChosen.connect(self.show_hit)
        self.panel.labelRequested.connect(self.label_hits)
        self.last_report = ""

    def _action(self, text: str, key) -> QAction:
        action = QAction(text, self.window)
        action.setShortcut(QKeySequence(key))
        menu = self._edit_menu()
        if menu is not None:
            menu.addAction(action)
        self.window.addAction(action)
        return action

    def _edit_menu(self):
        undo = self.window.actions.undo
        return next((a.menu() for a in self.window.menuBar().actions()
                     if a.menu() is not None and undo in a.menu().actions()), None)

    def set_session(self, session) -> None:
        self.session = session
        tokens = self.window.tokens
        self.panel.set_project(session.project, session.annotator, session.scheme,
                               tokens.tokenizer if tokens is not None else None)
        session.documentOpened.connect(lambda _d: self.find_bar.refresh())

    def open_panel(self) -> None:
        self.dock.show()
        self.dock.raise_()
        selected = self.window.view.selection()
        document = self.session.document if self.session else None
        if selected is not None and document is not None:
            text = document.text[selected[0]:selected[1]]
            if text and "\n" not in text:
                self.panel.pattern.setText(text)
        self.panel.pattern.setFocus()
        self.panel.pattern.selectAll()

    def show_hit(self, hit: Hit) -> None:
        """Open the hit's document and select the hit in the view."""
        self.session.open_document(hit.document_id)
        view = self.window.view
        view.select_range(hit.start, hit.end)
        view.ensureCursorVisible()
        view.setFocus()

    # -- labelling hits ------------------------------------------------------------
    def label_hits(self, hits: list[Hit], label: str) -> Applied | None:
        session = self.session
        places = [(h.document_id, h.start, h.end) for h in hits]
        snapped, exact_reason = 0, ""
        if not self.window.view.character_mode:
            tokens = self._tokens()
            if tokens is None:
                exact_reason = self.tr("exact characters: the word list is not loaded")
            else:
                QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
                try:
                    places, snapped = snap_places(places, session.project.text_of, tokens)
                finally:
                    QApplication.restoreOverrideCursor()
        outcome: list[Applied] = []
        session.push(LabelHits(session, places, label, outcome.append))
        if not outcome:
            return None   # refused: the session reported why
        applied = outcome[0]
        applied.snapped = snapped
        self._report(applied, exact_reason)
        self._refresh_labels(hits)
        return applied

    def _tokens(self):
        tokenizer = self.panel.tokenizer   # the window's (its worker process), if it has one
        if tokenizer is None:
            return None
        return ProjectTokens(self.session.project, tokenizer, load_words=False)

    def _report(self, applied: Applied, note: str) -> None:
        report = applied.to_json()
        text = self.tr("Labelled %1 hits %2 in %3 documents; skipped %4 that had that span; "
                       "%5 grown to whole words.")
        for key, value in (("%1", report["added"]), ("%2", report["label"]),
                           ("%3", report["documents"]), ("%4", report["skipped"]),
                           ("%5", report["snapped"])):
            text = text.replace(key, str(value))
        if note:
            text += f" ({note})"
        self.last_report = text
        self.panel.count.setText(text)
        self.window.statusBar().showMessage(text, 8000)

    def _refresh_labels(self, hits: list[Hit]) -> None:
        layer = self.panel.layer.currentData()
        annotator = None if layer == EVERY_LAYER else layer
        project, covering = self.session.project, {}
        for document_id in sorted({h.document_id for h in hits}):
            spans = Covering([(s.start, s.end, s.label)
                              for s in project.spans(document_id, annotator)])
            covering.update({(h.document_id, h.start, h.end): spans.labels(h.start, h.end)
                             for h in hits if h.document_id == document_id})
        self.panel.refresh_labels(covering)
