"""The Suggestions menu and keys: run the suggesters on the document, move between
suggestions ([ and ]), accept (Enter) or reject (Delete) the current one, accept all of
one label.  Suggestions are drawn hatched in their label's colour and listed in the
Suggestions panel; a current suggestion and a selected span are never both shown."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from corpus import hotkeys
from gui.dialogs.occurrences import OccurrencesDialog
from gui import window_layout
from gui.dialogs.suggest_settings_menu import SuggestSettingsMenu
from gui.panels.suggestion_list import SuggestionList
from gui.tools.suggestion_session import SuggestionSession, find
from gui.view_actions import before_help
from gui.workers.tasks import run_task
from storage import document_pages

IN_PLACE_LIMIT = 100_000   # characters: the rules take ~50 ms; longer documents use a worker


class SuggestionTools(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.suggestions: SuggestionSession | None = None
        self.run = self._make(self.tr("&Suggest for This Document"), "Ctrl+Shift+S")
        self.next = self._make(self.tr("&Next Suggestion"), hotkeys.NEXT_SUGGESTION)
        self.previous = self._make(self.tr("&Previous Suggestion"),
                                   hotkeys.PREVIOUS_SUGGESTION)
        self.accept_all = self._make(self.tr("Accept &All of This Label"), "Ctrl+Shift+A")
        self.occurrences = self._make(self.tr("Label All &Occurrences…"), "Ctrl+Shift+O")
        menu = self.menu = window.menuBar().addMenu(self.tr("&Suggestions"))
        before_help(window, menu)
        for action in (self.run, self.next, self.previous, self.accept_all, self.occurrences):
            menu.addAction(action)
        self.settings = SuggestSettingsMenu(window, menu)
        self.run.triggered.connect(self.run_suggesters)
        self.next.triggered.connect(lambda: self.step(1))
        self.previous.triggered.connect(lambda: self.step(-1))
        self.accept_all.triggered.connect(self.accept_all_of_label)
        self.occurrences.triggered.connect(self.label_all_occurrences)
        window.view.tooltip_sources.append(self.tooltip_lines)
        self.panel = SuggestionList()
        self.dock = window_layout.add_panel(window, self.panel, self.tr("Suggestions"),
                                            "suggestionsDock")
        self.panel.suggestionChosen.connect(self._chosen_in_panel)

    def _make(self, text: str, shortcut: str) -> QAction:
        action = QAction(text, self.window)
        action.setShortcut(QKeySequence(shortcut))
        self.window.addAction(action)
        return action

    def set_session(self, session) -> None:
        self.suggestions = SuggestionSession(session, session)
        self.settings.show_settings()
        self.suggestions.changed.connect(self._draw)
        self.suggestions.changed.connect(self._list)
        self.suggestions.currentChanged.connect(self._current_changed)
        session.selectedSpanChanged.connect(self._span_selected)
        self.panel.set_scheme(session.scheme)

    def document_opened(self) -> None:
        if self.suggestions is not None:
            self.suggestions.load()

    def run_suggesters(self) -> None:
        session, suggestions = self.window.session, self.suggestions
        document = session.document
        if document is None:
            return
        model = getattr(self.window, "model_tools", None)
        extra = [model.model] if model and model.model else []
        if len(document.text) < IN_PLACE_LIMIT:
            self._announce(suggestions.run(extra))
        else:   # seconds of work on a long document: not on the UI thread
            self.window.statusBar().showMessage(self.tr("Looking for suggestions…"))
            suggesters = suggestions.suggesters(extra)   # read from the project here
            run_task(lambda _progress: find(suggesters, document.text),
                     on_done=lambda found: self._found(suggestions, document.id, found),
                     on_error=self._failed)
        tokens = self.window.tokens
        if tokens is not None and "entities" in session.project.suggest_settings().enabled:
            tokens.entities(document.id, document.text,
                            lambda document_id, found: self._found(
                                suggestions, document_id, found))

    def _found(self, suggestions, document_id: int, found: list) -> None:
        """Suggestions that arrive from a worker (rules on a long document, entities)."""
        if suggestions is self.suggestions:  # still the same project
            self._announce(suggestions.add_found(document_id, found))

    def _failed(self, error: BaseException) -> None:
        self.window.statusBar().showMessage(
            self.tr("The suggesters failed: %1").replace("%1", str(error)), 8000)

    def _announce(self, added: int) -> None:
        self.window.statusBar().showMessage(
            self.tr("%1 new suggestions; ] and [ move between them, Enter accepts, "
                    "Delete rejects.").replace("%1", str(added)), 8000)

    def step(self, direction: int) -> None:
        view = self.window.view
        current = self.suggestions.current
        offset = current[1].start if current else view.offsets.from_utf16(
            view.textCursor().position())
        self.suggestions.step(direction, offset)

    def has_current(self) -> bool:
        return self.suggestions is not None and self.suggestions.current is not None

    def accept_current(self) -> bool:
        return self.suggestions is not None and self.suggestions.accept_current()

    def reject_current(self) -> bool:
        return self.suggestions is not None and self.suggestions.reject_current()

    def accept_all_of_label(self) -> None:
        current = self.suggestions.current
        label = current[1].label if current else (
            self.window.session.selected.label if self.window.session.selected else None)
        if label is None:
            self.window.statusBar().showMessage(
                self.tr("Go to a suggestion first ( ] ), then accept all of its label."), 5000)
            return
        count = self.suggestions.accept_all(label)
        self.window.statusBar().showMessage(
            self.tr("Accepted %1 suggestions.").replace("%1", str(count)), 5000)

    def label_all_occurrences(self) -> OccurrencesDialog | None:
        """The selected span's string everywhere else in the project, as suggestions to
        review in a list with context (all checked: accept them in one step)."""
        session = self.window.session
        span = session.selected
        if span is None:
            self.window.statusBar().showMessage(self.tr("Select a span first."), 5000)
            return None
        found = session.project.suggest_occurrences(span.text, span.label)
        self.suggestions.load()
        titles = document_pages.titles(session.project, {d for _i, d, _s in found})
        dialog = OccurrencesDialog(found, titles, session.project.text_of, self.window)
        dialog.accepted_items.connect(
            lambda chosen: self.suggestions.accept_many(chosen, span.label))
        dialog.open()
        self.dialog = dialog
        return dialog

    def _draw(self) -> None:
        current = self.suggestions.current
        self.window.view.highlighter.set_suggestions(
            [s for _i, s in self.suggestions.items], current[1] if current else None)

    def describe(self, suggestion) -> str:
        """A suggestion in words: label, text, the suggester and its score."""
        return self.tr("Suggested %1 · %2 (by %3, score %4)").replace("%1", suggestion.label) \
            .replace("%2", suggestion.text).replace("%3", suggestion.source) \
            .replace("%4", f"{suggestion.score:.2f}")

    def tooltip_lines(self, offset: int) -> list[str]:
        items = self.suggestions.items if self.suggestions is not None else []
        return [self.describe(s) for _i, s in items if s.start <= offset < s.end]

    def _list(self) -> None:
        self.panel.show_items(self.suggestions.items, self.suggestions.current)

    def _chosen_in_panel(self, item) -> None:
        self.suggestions.set_current(item)
        self.window.view.setFocus()    # Enter accepts it, Delete rejects it

    def _span_selected(self, span) -> None:
        """Selecting a span ends the current suggestion (one thing highlighted at a time;
        Delete then deletes the span)."""
        if span is not None and self.suggestions is not None:
            self.suggestions.set_current(None)

    def _current_changed(self, current) -> None:
        self._draw()
        self.panel.show_current(current)
        session = self.window.session
        if current is not None and session is not None and session.selected is not None:
            session.select_span(None)     # after an accept the new span is not also selected
        if current is not None:   # ] and [ say which one is current
            number = self.suggestions.items.index(current) + 1
            self.window.statusBar().showMessage(
                self.tr("Suggestion %1 of %2: %3").replace("%1", str(number))
                .replace("%2", str(len(self.suggestions.items)))
                .replace("%3", self.describe(current[1])), 8000)
        self.window.actions.delete_span.setEnabled(
            current is not None or self.window.session.selected is not None)
        if current is not None:
            view = self.window.view
            cursor = view.textCursor()
            cursor.setPosition(view.offsets.to_utf16(current[1].start))
            view.setTextCursor(cursor)
            view.ensureCursorVisible()
