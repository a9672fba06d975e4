"""Copying another annotator's spans into your layer: one undoable step for all of them."""

from __future__ import annotations

from gui.commands.spans import AddSpan, translate
from corpus.span import Span


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
