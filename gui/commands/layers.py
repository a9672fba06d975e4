"""Commands between layers: copying another annotator's spans into yours (one undoable step for
all of them), and curation's accepting or rejecting of a conflicting span."""

from __future__ import annotations

from corpus.span import Span
from gui.commands.spans import AddSpan, _Command, translate


class CopySpan(AddSpan):
    """Add a copy of another layer's span, keeping its attributes; origin copied:<name>."""

    def __init__(self, session, span: Span) -> None:
        super().__init__(session, span.document_id, span.start, span.end, span.label)
        self.source = span

    def redo(self) -> None:
        def run() -> None:
            if self.span is None:
                self.span, self.previous = self.session.store_add(
                    *self.args, origin=f"copied:{self.source.annotator}",
                    attributes=self.source.attributes)
            else:
                self.session.store_restore(self.span)

        self._guard(run)


def copy_layer(session, spans: list[Span], name: str) -> int:
    """Push one macro that copies ``spans`` not already in the session's layer; returns how
    many are copied."""
    have = {(s.start, s.end, s.label) for s in session.spans}
    new = [s for s in spans if (s.start, s.end, s.label) not in have]
    if not new:
        return 0
    stack = session.undo_stack
    stack.beginMacro(translate("Commands", "Copy %1's spans").replace("%1", name))
    for span in new:
        stack.push(CopySpan(session, span))
    stack.endMacro()
    return len(new)


class AcceptCandidate(AddSpan):
    """Curation: an annotator's span becomes the curator's (gold); origin curated:<names>."""

    def __init__(self, session, document_id: int, candidate) -> None:
        super().__init__(session, document_id, candidate.start, candidate.end, candidate.label)
        self.setText(translate("Commands", "Accept %1 span").replace("%1", candidate.label))
        self.origin = "curated:" + ",".join(candidate.annotators)

    def redo(self) -> None:
        def run() -> None:
            if self.span is None:
                self.span, self.previous = self.session.store_add(*self.args, origin=self.origin)
            else:
                self.session.store_restore(self.span)

        self._guard(run)


class RejectCandidate(_Command):
    """Curation: a candidate stays out of the curator's layer, also when adjudicating again."""

    def __init__(self, session, document_id: int, candidate, on_change) -> None:
        super().__init__(session, translate("Commands", "Reject %1 span").replace(
            "%1", candidate.label))
        self.args = (document_id, session.annotator, candidate.key)
        self.on_change = on_change

    def redo(self) -> None:
        self.session.reveal(self.args[0])        # undo and redo show the document they change
        self._guard(lambda: self.session.project.reject_candidate(
            *self.args, curator=self.session.annotator))
        self.on_change()

    def undo(self) -> None:
        self.session.reveal(self.args[0])
        self._guard(lambda: self.session.project.unreject_candidate(*self.args))
        self.on_change()
