"""Every edit is a small QUndoCommand that calls the session's write path.

A command whose storage call fails marks itself obsolete (so the undo stack
drops it) and reports the error; nothing half-done stays on the stack.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from corpus.document import Status
from corpus.span import Span
from storage.errors import ProjectError, RecordRejected

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls


class _Command(QUndoCommand):
    def __init__(self, session, text: str) -> None:
        super().__init__(text)
        self.session = session

    def _guard(self, action: Callable[[], None]) -> None:
        try:
            action()
        except (ProjectError, RecordRejected) as error:
            self.setObsolete(True)
            self.session.report(error)


class AddSpan(_Command):
    """Add a span (and start the document); undo removes it and restores the status."""

    def __init__(self, session, document_id: int, start: int, end: int, label: str) -> None:
        super().__init__(session, translate("Commands", "Add %1 span").replace("%1", label))
        self.args = (document_id, start, end, label)
        self.span: Span | None = None
        self.previous: Status | None = None

    def redo(self) -> None:
        def run() -> None:
            if self.span is None:
                self.span, self.previous = self.session.store_add(*self.args)
            else:
                self.session.store_restore(self.span)

        self._guard(run)

    def undo(self) -> None:
        if self.span is not None:
            self._guard(lambda: self.session.store_delete(self.span.id, self.previous))


class DeleteSpan(_Command):
    """Delete a span and, with it, its relations; undo brings both back under their ids."""

    def __init__(self, session, span: Span) -> None:
        super().__init__(session, translate("Commands", "Delete %1 span").replace("%1", span.label))
        self.span = span
        self.relations: list = []

    def redo(self) -> None:
        def run() -> None:
            self.relations = self.session.project.relations_of_span(self.span.id)
            self.span = self.session.store_delete(self.span.id)

        self._guard(run)

    def undo(self) -> None:
        self._guard(lambda: self.session.store_restore(self.span, self.relations))


class RelabelSpan(_Command):
    def __init__(self, session, span: Span, label: str) -> None:
        text = translate("Commands", "Change %1 to %2")
        super().__init__(session, text.replace("%1", span.label).replace("%2", label))
        self.span_id, self.old, self.new = span.id, span.label, label

    def redo(self) -> None:
        self._guard(lambda: self.session.store_relabel(self.span_id, self.new))

    def undo(self) -> None:
        self._guard(lambda: self.session.store_relabel(self.span_id, self.old))


class ResizeSpan(_Command):
    def __init__(self, session, span: Span, start: int, end: int) -> None:
        super().__init__(session, translate("Commands", "Resize %1 span").replace("%1", span.label))
        self.span_id, self.old, self.new = span.id, (span.start, span.end), (start, end)

    def redo(self) -> None:
        self._guard(lambda: self.session.store_resize(self.span_id, *self.new))

    def undo(self) -> None:
        self._guard(lambda: self.session.store_resize(self.span_id, *self.old))


class SetStatus(_Command):
    def __init__(self, session, document_id: int, status: Status) -> None:
        text = translate("Commands", "Mark document %1")
        super().__init__(session, text.replace("%1", status_name(status)))
        self.document_id, self.status = document_id, status
        self.previous: Status | None = None

    def redo(self) -> None:
        def run() -> None:
            self.previous = self.session.store_status(self.document_id, self.status)

        self._guard(run)

    def undo(self) -> None:
        if self.previous is not None:
            self._guard(lambda: self.session.store_status(self.document_id, self.previous))


def status_name(status: Status) -> str:
    names = {
        Status.TODO: translate("Commands", "to do"),
        Status.IN_PROGRESS: translate("Commands", "in progress"),
        Status.DONE: translate("Commands", "done"),
        Status.SKIPPED: translate("Commands", "skipped"),
    }
    return names[Status(status)]
