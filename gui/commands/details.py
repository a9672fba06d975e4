"""Undo commands of the span panel: a span's attributes and note, a document's title,
date, source and note.  Typing a note is one undo step per span (or document) until
something else is edited."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from corpus.span import Span
from gui.commands.spans import _Command
from storage.span_details import DocumentDetails

translate = QCoreApplication.translate

SPAN_NOTE_ID, DOCUMENT_NOTE_ID = 0x5A01, 0x5A02   # QUndoCommand.id(): merges typing


class EditSpanDetails(_Command):
    """Give a span other attributes and/or another note."""

    def __init__(self, session, span: Span, attributes: dict, note: str) -> None:
        only_note = attributes == span.attributes
        text = translate("Commands", "Edit note of %1 span") if only_note else \
            translate("Commands", "Edit attributes of %1 span")
        super().__init__(session, text.replace("%1", span.label))
        self.span_id = span.id
        self.old = (dict(span.attributes), span.note)
        self.new = (dict(attributes), note)
        self.typing = only_note
        self.reveal = False

    def id(self) -> int:
        return SPAN_NOTE_ID if self.typing else -1

    def mergeWith(self, other) -> bool:  # noqa: N802
        if not (isinstance(other, EditSpanDetails) and other.span_id == self.span_id
                and other.typing):
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        # The first time, the edit is of what the panel shows, maybe a span of the
        # document just left: it is saved there without opening that document again.
        reveal, self.reveal = self.reveal, True
        self._guard(lambda: self.session.store_span_details(self.span_id, *self.new,
                                                            reveal=reveal))

    def undo(self) -> None:
        self._guard(lambda: self.session.store_span_details(self.span_id, *self.old))


class EditDocumentDetails(_Command):
    def __init__(self, session, document_id: int, old: DocumentDetails,
                 new: DocumentDetails) -> None:
        only_note = (old.title, old.date, old.source) == (new.title, new.date, new.source)
        text = translate("Commands", "Edit document note") if only_note else \
            translate("Commands", "Edit document details")
        super().__init__(session, text)
        self.document_id, self.old, self.new = document_id, old, new
        self.typing = only_note
        self.reveal = False

    def id(self) -> int:
        return DOCUMENT_NOTE_ID if self.typing else -1

    def mergeWith(self, other) -> bool:  # noqa: N802
        if not (isinstance(other, EditDocumentDetails) and other.document_id == self.document_id
                and other.typing):
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        reveal, self.reveal = self.reveal, True
        self._guard(lambda: self.session.store_document_details(self.document_id, self.new,
                                                                reveal=reveal))

    def undo(self) -> None:
        self._guard(lambda: self.session.store_document_details(self.document_id, self.old))
