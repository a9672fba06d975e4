"""Accepting and rejecting a suggestion are undoable edits like every other."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from corpus.suggest.model import Suggestion
from gui.commands.spans import _Command

translate = QCoreApplication.translate


class AcceptSuggestion(_Command):
    # (never name an attribute "id": it would shadow QUndoCommand.id(), which Qt calls)
    """The suggestion becomes a span (origin ``suggested:<source>``, its attributes kept)."""

    def __init__(self, suggestions, suggestion_id: int, suggestion: Suggestion,
                 reveal: bool = True) -> None:
        super().__init__(suggestions.session,
                         translate("Commands", "Accept %1 suggestion").replace("%1",
                                                                              suggestion.label))
        self.suggestions, self.suggestion_id, self.suggestion = suggestions, suggestion_id, suggestion
        self.reveal = reveal
        self.span_id: int | None = None
        self.previous = None

    def redo(self) -> None:
        def run() -> None:
            span, self.previous = self.suggestions.store_accept(self.suggestion_id, self.suggestion,
                                                                self.reveal)
            self.span_id = span.id

        self._guard(run)

    def undo(self) -> None:
        if self.span_id is not None:
            self._guard(lambda: self.suggestions.store_unaccept(
                self.suggestion_id, self.span_id, self.previous, self.reveal))


class RejectSuggestion(_Command):
    """Remembered: the same suggestion is never offered again at this place."""

    def __init__(self, suggestions, suggestion_id: int, suggestion: Suggestion) -> None:
        super().__init__(suggestions.session,
                         translate("Commands", "Reject %1 suggestion").replace("%1",
                                                                              suggestion.label))
        self.suggestions, self.suggestion_id = suggestions, suggestion_id

    def redo(self) -> None:
        self._guard(lambda: self.suggestions.store_decide(self.suggestion_id, "rejected"))

    def undo(self) -> None:
        self._guard(lambda: self.suggestions.store_decide(self.suggestion_id, "open"))
