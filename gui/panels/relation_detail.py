"""The selected relation in the Span Details panel: its type, its two spans, its
annotator and its note, which is edited as a span's note is (saved when typing pauses or
the focus leaves, one undo step).  Shown only while a relation is selected."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QWidget

from corpus.relations import Relation
from gui.i18n import titled
from gui.panels.span_detail import _NoteBox


class RelationDetail(QGroupBox):
    noteEdited = Signal(object, str)        # the Relation as shown, its new note

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Relation"))
        self.setObjectName("relationDetail")
        self.relation: Relation | None = None
        form = QFormLayout(self)
        self.type_label, self.ends_label, self.annotator_label = (QLabel(self)
                                                                  for _ in range(3))
        self.ends_label.setWordWrap(True)
        self.ends_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Type:"), self.type_label)
        form.addRow(self.tr("Spans:"), self.ends_label)
        form.addRow(self.tr("Annotator:"), self.annotator_label)
        self.note = _NoteBox(self)
        self.note.setObjectName("relationNote")
        self.note.setPlaceholderText(self.tr("A note on this relation"))
        self.note.finished.connect(self._send)
        form.addRow(self.tr("Note:"), self.note)
        self.hide()

    def show_relation(self, relation: Relation | None, layer=None) -> None:
        """Show ``relation`` of ``layer`` (the session's RelationLayer); None hides the
        box.  A pending note of the one shown before is sent first."""
        if self.relation is not None and (relation is None or relation.id != self.relation.id):
            self.note.flush()
        same = relation is not None and self.relation is not None and \
            relation.id == self.relation.id
        self.relation = relation
        self.setVisible(relation is not None)
        if relation is None:
            return
        kind = layer.types.get(relation.type) if layer is not None else None
        self.type_label.setText(titled(kind) if kind else relation.type)
        spans = layer.session.spans if layer is not None else None
        ends = [spans.get(i) if spans is not None else None
                for i in (relation.from_span_id, relation.to_span_id)]
        self.ends_label.setText(" → ".join(s.text if s else "?" for s in ends))
        self.annotator_label.setText(relation.annotator)
        if not (same and self.note.hasFocus()):
            self.note.set_text(relation.note)

    def _send(self) -> None:
        if self.relation is not None and self.note.toPlainText() != self.relation.note:
            self.noteEdited.emit(self.relation, self.note.toPlainText())
