"""What the window does with tokens and the View commands: ask for a document's
tokens, hand them to the view, move between spans, sticky labels, zoom and the
project's own words.  Keeps the main window a switchboard."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMenu

from corpus.document import Document
from corpus.text.tokenizer import project_word
from gui.dialogs.project_words import ProjectWordsDialog


class TokenTools(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        view, actions = window.view, window.view_actions
        actions.zoom_in.triggered.connect(lambda: view.zoom(1))
        actions.zoom_out.triggered.connect(lambda: view.zoom(-1))
        actions.zoom_reset.triggered.connect(lambda: view.zoom(0))
        actions.character_mode.toggled.connect(self._character_mode)
        actions.add_word.triggered.connect(lambda: self.change_word(add=True))
        actions.remove_word.triggered.connect(lambda: self.change_word(add=False))
        actions.project_words.triggered.connect(self.show_project_words)
        view.fontSizeChanged.connect(window.fontSizeChanged)
        view.spanStep.connect(self.step_span)
        view.selectionFinished.connect(self.selection_finished)
        view.spanAdjust.connect(self.adjust_span)
        view.labelMenuRequested.connect(self.enter)
        if window.tokens is not None:
            window.tokens.tokensReady.connect(self.tokens_ready)
            window.tokens.progress.connect(self._progress)

    def document_opened(self, document: Document) -> None:
        tokens = self.window.tokens
        if tokens is not None:
            tokens.request(document.id, document.text)
            if "entities" in self.window.session.project.suggest_settings().enabled:
                tokens.prepare_tags(document.id, document.text)

    def tokens_ready(self, document_id: int, ends: list[int]) -> None:
        session = self.window.session
        if session.document is not None and session.document.id == document_id:
            self.window.view.set_tokens(ends)

    def _character_mode(self, on: bool) -> None:
        self.window.view.character_mode = on

    def step_span(self, direction: int) -> None:
        """Tab / Shift+Tab: select the next or previous span from the caret."""
        session, view = self.window.session, self.window.view
        here = session.selected.start if session.selected else view.offsets.from_utf16(
            view.textCursor().position())
        span = session.spans.after(here) if direction > 0 else session.spans.before(here)
        if span is not None:
            session.select_span(span.id)

    def adjust_span(self, edge: str, step: int, by_token: bool) -> None:
        tokens = self.window.view.tokens if by_token else None
        self.window.session.adjust_selected(edge, step, tokens)

    def enter(self) -> None:
        """Enter accepts the current suggestion if there is one, links a relation being
        made, else offers the labels."""
        if self.window.relation_tools.confirm():
            return
        if not self.window.suggestion_tools.accept_current():
            self.label_menu()

    def label_menu(self) -> QMenu:
        """Enter: the labels as a menu at the caret; the choice labels the selection, or
        relabels the selected span."""
        view = self.window.view
        menu = QMenu(view)
        menu.setObjectName("labelMenu")
        for action in self.window.label_actions().values():
            menu.addAction(action)
        menu.popup(view.viewport().mapToGlobal(view.cursorRect().bottomLeft()))
        return menu

    def selection_finished(self) -> None:
        """In sticky-label mode every new selection gets the label used last."""
        window = self.window
        if window.view_actions.sticky_label.isChecked() and window.last_label:
            window.apply_label(window.last_label)

    def change_word(self, add: bool) -> None:
        """Add the selected text to the project's words (or remove it); the documents
        containing it are tokenized again."""
        window, selection = self.window, self.window.view.selection()
        if window.tokens is None or selection is None or window.session.document is None:
            window.statusBar().showMessage(self.tr("Select a word first."), 5000)
            return
        word = project_word(window.session.document.text[selection[0]:selection[1]])
        if word is None:
            window.statusBar().showMessage(self.tr("A word cannot contain spaces."), 5000)
            return
        affected = window.tokens.change_word(word, add, window.session.document.id)
        text = self.tr("Added “%1” to the project's words; %2 documents are being re-tokenized.") \
            if add else self.tr("Removed “%1” from the project's words; %2 documents are being "
                                "re-tokenized.")
        window.statusBar().showMessage(text.replace("%1", word).replace("%2", str(len(affected))),
                                       8000)

    def show_project_words(self) -> ProjectWordsDialog | None:
        if self.window.tokens is None:
            self.window.statusBar().showMessage(self.tr("The word list is not available."), 5000)
            return None
        dialog = ProjectWordsDialog(self.window)
        dialog.show()
        return dialog

    def _progress(self, done: int, total: int) -> None:
        if done == total:
            self.window.statusBar().showMessage(self.tr("Tokens up to date."), 4000)
