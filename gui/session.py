"""The annotation session: one open project, one annotator, the current document,
and the undo stack.  Widgets read from it and ask it for edits; the edits are
undo commands (gui/commands.py), the only write path from the GUI."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from corpus.document import Document, DocumentSummary, Status
from corpus.labels import LabelScheme
from corpus.span import Span, trim_whitespace
from corpus.span_index import SpanIndex
from gui.commands import spans as commands
from gui.relation_layer import RelationLayer
from storage.errors import ProjectError, RecordRejected
from storage.project import Project
from storage.span_details import DocumentDetails, set_document_details, set_span_details


class AnnotationSession(QObject):
    documentOpened = Signal(object)       # Document
    spansChanged = Signal(int, list, list)  # document id, spans removed, spans added
    statusChanged = Signal(int)            # document id
    selectedSpanChanged = Signal(object)   # Span | None
    failed = Signal(object)                # ProjectError | RecordRejected from an edit
    message = Signal(str)                  # a short note for the status bar
    documentEdited = Signal(object)        # Document: its title, date, source or note changed

    def __init__(self, project: Project, annotator: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.annotator = annotator
        self.scheme: LabelScheme = project.scheme()
        self.undo_stack = QUndoStack(self)
        self.document: Document | None = None
        self.spans = SpanIndex()
        self.selected: Span | None = None
        self.relations = RelationLayer(self)   # the open document's, in this layer

    # -- reading -----------------------------------------------------------
    def summaries(self) -> list[DocumentSummary]:
        return self.project.documents(self.annotator)

    def summary(self, document_id: int) -> DocumentSummary:
        """One row of the document list; for the open document from memory (a count of
        its spans in SQL costs milliseconds on a document with 20,000 of them)."""
        if self.document is not None and self.document.id == document_id:
            return DocumentSummary(document_id, self.document.title, self.status(document_id),
                                   len(self.spans), len(self.document.text))
        return self.project.document_summary(document_id, self.annotator)

    def open_document(self, document_id: int) -> None:
        if self.document is not None and self.document.id == document_id:
            return
        self.document = self.project.document(document_id)
        self.spans = SpanIndex(self.project.spans(document_id, self.annotator))  # their layer
        self.selected = None
        self.relations.load(document_id)
        self.documentOpened.emit(self.document)
        self.selectedSpanChanged.emit(None)

    def select_span(self, span_id: int | None) -> None:
        span = self.spans.get(span_id)
        if span != self.selected:
            self.selected = span
            self.selectedSpanChanged.emit(span)

    def status(self, document_id: int) -> Status:
        return self.project.status(document_id, self.annotator)

    # -- what the user asks for (each pushes one undoable command) -----------
    def apply_label(self, label: str, selection: tuple[int, int] | None) -> None:
        """A label's hotkey or button: mark the selection, else relabel the selected span."""
        if self.document is None:
            return
        if selection is not None:
            start, end = trim_whitespace(self.document.text, *selection)
            if start < end:
                self._push_add(start, end, label)
                return
        if self.selected is not None:
            if self.selected.label != label:
                self.push(commands.RelabelSpan(self, self.selected, label))
            return
        self.message.emit(self.tr("Select some text first, then press a label's key."))

    def _push_add(self, start: int, end: int, label: str) -> None:
        self.push(commands.AddSpan(self, self.document.id, start, end, label))

    def adjust_selected(self, edge: str, step: int, tokens=None) -> None:
        """Move the selected span's ``edge`` ("start" or "end") by one character, or by one
        token when ``tokens`` (a TokenBounds) is given; a span never becomes empty."""
        span = self.selected
        if span is None or self.document is None:
            return
        position = span.start if edge == "start" else span.end
        if tokens:
            moved = tokens.next_boundary(position) if step > 0 else tokens.previous_boundary(
                position)
        else:
            moved = position + step
        start, end = (moved, span.end) if edge == "start" else (span.start, moved)
        if 0 <= start < end <= len(self.document.text) and (start, end) != (span.start, span.end):
            self.push(commands.ResizeSpan(self, span, start, end))

    def delete_selected(self) -> None:
        if self.selected is not None:
            self.push(commands.DeleteSpan(self, self.selected))

    def set_status(self, status: Status) -> None:
        if self.document is not None and self.status(self.document.id) is not status:
            self.push(commands.SetStatus(self, self.document.id, status))

    def next_document(self, *, not_done: bool) -> int | None:
        """The id after the current one (wrapping), optionally skipping done documents."""
        current = self.document.id if self.document is not None else None
        return self.project.next_document(current, self.annotator, not_done=not_done)

    def push(self, command) -> None:
        self.undo_stack.push(command)

    # -- the write path, called only by undo commands -------------------------
    def reveal(self, document_id: int) -> None:
        """Undo and redo show the document they change."""
        if self.document is None or self.document.id != document_id:
            self.open_document(document_id)

    def store_add(self, document_id: int, start: int, end: int, label: str, *,
                  origin: str = "manual", attributes: dict | None = None,
                  also=None, reveal: bool = True) -> tuple[Span, Status]:
        """Add a span; a document still "to do" becomes "in progress" in the same transaction
        (and ``also()``, e.g. marking a suggestion accepted). Returns the span and the status
        before, for undo.  ``reveal=False`` (bulk accepts) leaves the shown document be."""
        if reveal:
            self.reveal(document_id)
        with self.project.action():
            span = self.project.add_span(document_id, start, end, label, annotator=self.annotator,
                                         origin=origin, attributes=attributes)
            previous = self._start_document(document_id)
            if also is not None:
                also()
        self._after_change(document_id, [], [span], select=span)
        return span, previous

    def store_restore(self, span: Span, relations: list = ()) -> Span:
        """Put a deleted span back, with the relations its delete took (one transaction)."""
        self.reveal(span.document_id)
        with self.project.action():
            restored = self.project.restore_span(span)
            back = self.project.restore_relations(list(relations)) if relations else []
            self._start_document(span.document_id)
        self._after_change(span.document_id, [], [restored], select=restored)
        self.relations.remember(back)
        return restored

    def _start_document(self, document_id: int) -> Status:
        previous = self.project.status(document_id, self.annotator)
        if previous is Status.TODO:
            self.project.set_status(document_id, self.annotator, Status.IN_PROGRESS)
            self.statusChanged.emit(document_id)
        return previous

    def store_delete(self, span_id: int, status: Status | None = None, also=None,
                     reveal: bool = True) -> Span:
        """Delete a span; with ``status``, also put the document's status back (undo of an add),
        and run ``also()`` in the same transaction."""
        before = self.project.span(span_id)
        if reveal:
            self.reveal(before.document_id)
        with self.project.action():
            self.project.delete_span(span_id)
            if status is not None:
                self.project.set_status(before.document_id, self.annotator, status)
            if also is not None:
                also()
        self.relations.forget_span(span_id)
        self._after_change(before.document_id, [before], [], select=None)
        if status is not None:
            self.statusChanged.emit(before.document_id)
        return before

    def store_relabel(self, span_id: int, label: str) -> Span:
        before = self.project.span(span_id)
        self.reveal(before.document_id)
        self.project.relabel_span(span_id, label)
        after = self.project.span(span_id)
        self._after_change(before.document_id, [before], [after], select=after)
        return before

    def store_resize(self, span_id: int, start: int, end: int) -> Span:
        before = self.project.span(span_id)
        self.reveal(before.document_id)
        self.project.resize_span(span_id, start, end)
        after = self.project.span(span_id)
        self._after_change(before.document_id, [before], [after], select=after)
        return before

    def store_span_details(self, span_id: int, attributes: dict, note: str, *,
                           reveal: bool = True) -> Span:
        before = self.project.span(span_id)
        if reveal:
            self.reveal(before.document_id)
        set_span_details(self.project, span_id, attributes, note)
        after = self.project.span(span_id)
        self._after_change(before.document_id, [before], [after], select=after)
        return before

    def store_document_details(self, document_id: int, details: DocumentDetails, *,
                               reveal: bool = True) -> Document:
        """Store a document's title, date, source and note; returns it as it was before."""
        if reveal:
            self.reveal(document_id)
        before = set_document_details(self.project, document_id, details)
        after = self.project.document(document_id)
        if self.document is not None and self.document.id == document_id:
            self.document = after
        self.documentEdited.emit(after)
        return before

    def store_status(self, document_id: int, status: Status) -> Status:
        previous = self.project.set_status(document_id, self.annotator, status)
        self.statusChanged.emit(document_id)
        return previous

    def show_bulk_change(self, removed: list[Span], added: list[Span],
                         started: list[int]) -> None:
        """After an edit of many documents at once (labelling search hits): the widgets
        hear of each document's changed spans and of the statuses that changed."""
        documents = sorted({s.document_id for s in [*removed, *added]})
        for document_id in documents:
            self._after_change(document_id, [s for s in removed if s.document_id == document_id],
                               [s for s in added if s.document_id == document_id], select=None)
        for document_id in started:
            self.statusChanged.emit(document_id)

    def _after_change(self, document_id: int, removed: list[Span], added: list[Span],
                      select: Span | None) -> None:
        """Update the in-memory spans by what changed (never re-read the document's spans)."""
        if self.document is not None and self.document.id == document_id:
            for span in removed:
                self.spans.remove(span)
            for span in added:
                self.spans.add(span)
            self.selected = select
        self.spansChanged.emit(document_id, removed, added)
        self.selectedSpanChanged.emit(self.selected)

    def report(self, error: Exception) -> None:
        if isinstance(error, (ProjectError, RecordRejected)):
            self.failed.emit(error)
        else:
            raise error
