"""The open suggestions of the current document: running the suggesters, moving between
suggestions, and the write path of accepting and rejecting them (undo commands only)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from corpus.suggest.model import Suggestion
from corpus.suggest.settings import rule_suggesters
from gui.commands.suggestions import AcceptSuggestion, RejectSuggestion


def find(suggesters: list, text: str) -> list[Suggestion]:
    """What ``suggesters`` find in ``text``: pure (no project), so it can run in a worker."""
    return [s for suggester in suggesters for s in suggester.suggest(text)]


class SuggestionSession(QObject):
    changed = Signal()                 # the list of open suggestions changed
    currentChanged = Signal(object)    # (id, Suggestion) | None

    def __init__(self, session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.items: list[tuple[int, Suggestion]] = []
        self.current: tuple[int, Suggestion] | None = None

    # -- reading -----------------------------------------------------------------
    def load(self) -> None:
        document = self.session.document
        self.items = [] if document is None else self.session.project.suggestions(document.id)
        if self.current is not None and self.current not in self.items:
            self.current = None
            self.currentChanged.emit(None)
        self.changed.emit()

    def run(self, extra: list | None = None) -> int:
        """Run the rule suggesters over the current document here; returns how many
        suggestions are new.  Entities come later, from ``add_found``."""
        document = self.session.document
        if document is None:
            return 0
        return self.add_found(document.id, find(self.suggesters(extra), document.text))

    def suggesters(self, extra: list | None = None) -> list:
        """The enabled rule suggesters, then ``extra`` ones (the model)."""
        project = self.session.project
        return rule_suggesters(project.suggest_settings(), project.known_slogans(),
                               project.known_entities()) \
            + list(extra or [])

    def add_found(self, document_id: int, found: list[Suggestion]) -> int:
        added = self.session.project.store_suggestions(document_id, found)
        self.load()
        return added

    def step(self, direction: int, offset: int) -> None:
        """Make the next (or previous) suggestion after (before) ``offset`` current."""
        if not self.items:
            return
        if direction > 0:
            chosen = next((i for i in self.items if i[1].start > offset), self.items[0])
        else:
            chosen = next((i for i in reversed(self.items) if i[1].start < offset),
                          self.items[-1])
        self.current = chosen
        self.currentChanged.emit(chosen)

    def set_current(self, item: tuple[int, Suggestion] | None) -> None:
        """Make ``item`` (one of ``items``) current, or none."""
        if item != self.current:
            self.current = item
            self.currentChanged.emit(item)

    # -- what the user asks for ----------------------------------------------------
    def accept_current(self) -> bool:
        return self._decide_current(AcceptSuggestion)

    def reject_current(self) -> bool:
        return self._decide_current(RejectSuggestion)

    def _decide_current(self, command) -> bool:
        if self.current is None:
            return False
        suggestion_id, suggestion = self.current
        position = suggestion.start
        self.session.push(command(self, suggestion_id, suggestion))
        self.step(1, position)  # on to the next one
        return True

    def accept_all(self, label: str) -> int:
        """Accept every open suggestion of ``label`` in the document as one undoable step."""
        chosen = [item for item in self.items if item[1].label == label]
        if chosen:
            stack = self.session.undo_stack
            stack.beginMacro(self.tr("Accept all %1 suggestions").replace("%1", label))
            for suggestion_id, suggestion in chosen:
                self.session.push(AcceptSuggestion(self, suggestion_id, suggestion))
            stack.endMacro()
        return len(chosen)

    # -- the write path, called only by the commands ---------------------------------
    def accept_many(self, chosen: list[tuple[int, Suggestion]], label_text: str) -> None:
        """Accept suggestions anywhere in the project as one undo step, without switching
        the shown document for each."""
        stack = self.session.undo_stack
        stack.beginMacro(self.tr("Accept all %1 suggestions").replace("%1", label_text))
        for suggestion_id, suggestion in chosen:
            self.session.push(AcceptSuggestion(self, suggestion_id, suggestion, reveal=False))
        stack.endMacro()

    def store_accept(self, suggestion_id: int, suggestion: Suggestion, reveal: bool = True):
        project = self.session.project
        document_id = project.suggestion_document(suggestion_id)
        result = self.session.store_add(
            document_id, suggestion.start, suggestion.end, suggestion.label,
            origin=f"suggested:{suggestion.source}", attributes=suggestion.attributes,
            also=lambda: project.decide_suggestion(suggestion_id, "accepted"), reveal=reveal)
        self.load()
        return result

    def store_unaccept(self, suggestion_id: int, span_id: int, previous,
                       reveal: bool = True) -> None:
        project = self.session.project
        self.session.store_delete(span_id, previous, reveal=reveal,
                                  also=lambda: project.decide_suggestion(suggestion_id, "open"))
        self.load()

    def store_decide(self, suggestion_id: int, state: str) -> None:
        project = self.session.project
        self.session.reveal(project.suggestion_document(suggestion_id))
        project.decide_suggestion(suggestion_id, state)
        self.load()
