"""The span panel's dock and its edits: what the panel asks becomes one undoable command,
and a stored edit refreshes only what shows it (the panel, the document's row and info)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QScrollArea

from corpus.document import Document
from corpus.span import Span
from gui import window_layout
from gui.commands.details import EditDocumentDetails, EditRelationNote, EditSpanDetails
from gui.i18n import shown
from gui.panels.relation_detail import RelationDetail
from gui.panels.span_detail import SpanDetail
from storage.span_details import DocumentDetails


class DetailTools(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.session = None
        self.panel = SpanDetail(window)
        scroll = QScrollArea(window)        # the dock may be short: the panel scrolls
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.panel)
        # A tab of the right side (View → Panels shows and hides it), Spans staying in front.
        self.dock = window_layout.add_panel(window, scroll, self.tr("Span Details"),
                                            "spanDetailDock")
        self.relation = RelationDetail(self.panel)     # under the span, while one is selected
        self.panel.layout().insertWidget(1, self.relation)
        self.relation.noteEdited.connect(self.edit_relation_note)
        self.panel.spanEdited.connect(self.edit_span)
        self.panel.documentEdited.connect(self.edit_document)

    def set_session(self, session) -> None:
        self.session = session
        self.panel.set_scheme(session.scheme)
        session.selectedSpanChanged.connect(self.panel.show_span)
        session.documentOpened.connect(self.panel.show_document)
        session.documentEdited.connect(self._document_edited)
        layer = session.relations
        layer.selectedChanged.connect(lambda relation: self.relation.show_relation(relation,
                                                                                   layer))
        layer.loaded.connect(lambda: self.relation.show_relation(None))
        self.relation.show_relation(None)
        self.panel.show_span(None)
        self.panel.show_document(session.document)

    def edit_span(self, span: Span, attributes: dict, note: str) -> None:
        """``span`` as the panel showed it: a note sent as another document opens still
        goes to its own span."""
        if self.session is not None:
            self.session.push(EditSpanDetails(self.session, span, attributes, note))

    def edit_relation_note(self, relation, note: str) -> None:
        if self.session is not None:
            kind = self.session.relations.types.get(relation.type)
            self.session.push(EditRelationNote(self.session, relation, note,
                                               shown(kind) if kind else relation.type))

    def edit_document(self, document_id: int, old: DocumentDetails,
                      new: DocumentDetails) -> None:
        if self.session is not None:
            self.session.push(EditDocumentDetails(self.session, document_id, old, new))

    def _document_edited(self, document: Document) -> None:
        window = self.window
        if self.session.document is not None and self.session.document.id == document.id:
            self.panel.show_document(document)
            window.document_info.show_document(document)
        window.document_list.model_.update_row(self.session.summary(document.id))
