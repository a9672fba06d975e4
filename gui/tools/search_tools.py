"""Edit → Find (Ctrl+F) in the open document and Edit → Search the Corpus (Ctrl+Shift+F):
the actions, the find bar, the search panel's dock, and what their results lead to —
opening a document at a hit, and labelling hits (one undoable step)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence

from corpus.search import Covering, Hit
from gui.commands.search import LabelHits
from gui.panels.find_bar import FindBar
from gui.panels.search_panel import SearchPanel
from gui.window_layout import BOTTOM, add_panel
from gui.workers.tasks import run_task
from storage.project import Project
from storage.views.search import ProjectTokens
from storage.views.search_apply import Applied, snap_places


def _snap(path, tokenizer, places: list) -> tuple[list, int, ProjectTokens]:
    """In a worker: the places grown to whole words, on a read-only connection of its own;
    the tokens it computed come back to be cached on the window's connection."""
    with Project.open(path, readonly=True) as project:
        tokens = ProjectTokens(project, tokenizer, load_words=False)
        snapped, grown = snap_places(places, project.text_of, tokens)
    return snapped, grown, tokens


class SearchTools(QObject):
    applied = Signal(object)   # Applied: hits were labelled

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
        self.dock = add_panel(window, self.panel, self.tr("Search"), "searchDock", BOTTOM,
                              visible=False)
        self.find.triggered.connect(self.find_bar.open_bar)
        self.search.triggered.connect(self.open_panel)
        self.panel.hitChosen.connect(self.show_hit)
        self.panel.labelRequested.connect(self.label_hits)
        self.last_report = ""
        self._stale: set[int] = set()   # documents whose hits' labels must be looked up

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
        session.spansChanged.connect(self._spans_changed)

    def _spans_changed(self, document_id: int, _removed, _added) -> None:
        """Labels shown in the table follow every edit (labelling hits, undo, redo, or an
        edit in the view), once per event-loop turn however many documents changed."""
        if not self._stale:
            QTimer.singleShot(0, self._refresh_stale)
        self._stale.add(document_id)

    def _refresh_stale(self) -> None:
        stale, self._stale = self._stale, set()
        if self.session is not None:
            self._refresh_labels([h for h in self.panel.model_.rows if h.document_id in stale])

    def open_panel(self) -> None:
        self.dock.show()
        self.dock.raise_()
        self.panel.load_annotators()
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
    def label_hits(self, hits: list[Hit], label: str) -> None:
        """Label ``hits``: at once in character mode, else after a worker has grown them to
        whole words (tokenizing the documents whose tokens are not cached yet)."""
        places = [(h.document_id, h.start, h.end) for h in hits]
        tokenizer = self.panel.tokenizer   # the window's (its worker process), if it has one
        if self.window.view.character_mode or tokenizer is None:
            note = "" if self.window.view.character_mode else self.tr(
                "exact characters: the word list is not loaded")
            self._push(hits, places, label, 0, note)
            return
        self.panel.apply_button.setEnabled(False)
        self.panel.count.setText(self.tr("Finding the words of %1 hits…").replace(
            "%1", str(len(hits))))
        session = self.session
        run_task(lambda _progress: _snap(session.project.path, tokenizer, places),
                 on_done=lambda result: self._snapped(session, hits, label, *result),
                 on_error=self._snap_failed)

    def _snapped(self, session, hits: list[Hit], label: str, places: list, grown: int,
                 tokens: ProjectTokens) -> None:
        self.panel.apply_button.setEnabled(True)
        if session is not self.session:
            return   # another project (or annotator) is shown now
        self.panel.keep_tokens(tokens)
        self._push(hits, places, label, grown, "")

    def _snap_failed(self, error: BaseException) -> None:
        self.panel.apply_button.setEnabled(True)
        self.panel.show_failure(error)

    def _push(self, hits: list[Hit], places: list, label: str, grown: int, note: str) -> None:
        session = self.session
        outcome: list[Applied] = []
        session.push(LabelHits(session, places, label, outcome.append))
        if not outcome:
            return   # refused: the session reported why
        applied = outcome[0]
        applied.snapped = grown
        self._report(applied, note)
        self.applied.emit(applied)

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
        if not hits or self.panel.shown is None:
            return
        annotator = self.panel.shown.annotator   # the layer the table was searched in
        project, covering = self.session.project, {}
        for document_id in sorted({h.document_id for h in hits}):
            spans = Covering([(s.start, s.end, s.label)
                              for s in project.spans(document_id, annotator)])
            covering.update({(h.document_id, h.start, h.end): spans.labels(h.start, h.end)
                             for h in hits if h.document_id == document_id})
        self.panel.refresh_labels(covering)
