"""Undo commands of the span panel: a span's attributes and note, a relation's note, a
document's title, date, source and note.  Typing a note is one undo step per span (or
relation, or document) until something else is edited."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from corpus.span import Span
from gui.commands.spans import _Command
from storage.span_details import DocumentDetails

translate = QCoreApplication.translate

SPAN_NOTE_ID, DOCUMENT_NOTE_ID, RELATION_NOTE_ID = 0x5A01, 0x5A02, 0x5A03   # merges typing


class _DetailEdit(_Command):
    """An edit of one span's or document's details, ``old`` → ``new``.  Typing (a note
    alone) merges into one undo step per target; the first redo saves without opening the
    target's document (the panel may still show a document just left), undo and redo after
    it show it."""

    merge_id = -1

    def __init__(self, session, text: str, target: int, old, new, typing: bool) -> None:
        super().__init__(session, text)
        self.target, self.old, self.new, self.typing = target, old, new, typing
        self.reveal = False

    def id(self) -> int:
        return self.merge_id if self.typing else -1

    def mergeWith(self, other) -> bool:  # noqa: N802
        if not (type(other) is type(self) and other.target == self.target and other.typing):
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        reveal, self.reveal = self.reveal, True
        self._guard(lambda: self._store(self.new, reveal))

    def undo(self) -> None:
        self._guard(lambda: self._store(self.old, True))

    def _store(self, values, reveal: bool):
        raise NotImplementedError


class EditSpanDetails(_DetailEdit):
    """Give a span other attributes and/or another note."""

    merge_id = SPAN_NOTE_ID

    def __init__(self, session, span: Span, attributes: dict, note: str) -> None:
        only_note = attributes == span.attributes
        text = translate("Commands", "Edit note of %1 span") if only_note else \
            translate("Commands", "Edit attributes of %1 span")
        super().__init__(session, text.replace("%1", span.label), span.id,
                         (dict(span.attributes), span.note), (dict(attributes), note),
                         only_note)

    def _store(self, values, reveal: bool):
        return self.session.store_span_details(self.target, *values, reveal=reveal)


class EditDocumentDetails(_DetailEdit):
    merge_id = DOCUMENT_NOTE_ID

    def __init__(self, session, document_id: int, old: DocumentDetails,
                 new: DocumentDetails) -> None:
        only_note = (old.title, old.date, old.source) == (new.title, new.date, new.source)
        text = translate("Commands", "Edit document note") if only_note else \
            translate("Commands", "Edit document details")
        super().__init__(session, text, document_id, old, new, only_note)

    def _store(self, values, reveal: bool):
        return self.session.store_document_details(self.target, values, reveal=reveal)


class EditRelationNote(_DetailEdit):
    """Give a relation another note (typing merges, as a span's note does)."""

    merge_id = RELATION_NOTE_ID

    def __init__(self, session, relation, note: str, display: str) -> None:
        text = translate("Commands", "Edit note of %1 relation").replace("%1", display)
        super().__init__(session, text, relation.id, relation.note, note, True)

    def _store(self, value, reveal: bool):
        return self.session.relations.store_note(self.target, value, reveal=reveal)
