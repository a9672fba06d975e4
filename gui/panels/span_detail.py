"""The span panel: the selected span (text, label, annotator, origin, its attributes as
an editable table and its note) and the open document's title, date, source and note.

The panel only shows and asks: an edit leaves it as ``spanEdited(span, attributes,
note)`` or ``documentEdited(id, before, after)``, and the caller saves it (one undoable
command).  A note is sent when typing pauses, when the note loses the focus and before
the panel shows another span or document.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (QFormLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QPlainTextEdit, QPushButton, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from corpus.attributes import (BadAttribute, check_key, format_value, parse_value,
                               shown_keys)
from corpus.document import Document
from corpus.labels import Kind, LabelScheme
from corpus.span import Span
from gui.i18n import titled
from storage.span_details import DocumentDetails

PAUSE_MS = 700      # a note is saved this long after the last key


class _NoteBox(QPlainTextEdit):
    """A note editor that says when typing paused or the focus left."""
    finished = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setMaximumHeight(90)
        self.timer = QTimer(self, singleShot=True, interval=PAUSE_MS)
        self.timer.timeout.connect(self.finished)
        self.textChanged.connect(self._typed)
        self._quiet = False

    def set_text(self, text: str) -> None:
        if text != self.toPlainText():
            self._quiet = True
            self.setPlainText(text)
            self._quiet = False
        self.timer.stop()

    def _typed(self) -> None:
        if not self._quiet:
            self.timer.start()

    def focusOutEvent(self, event) -> None:  # noqa: N802
        super().focusOutEvent(event)
        self.flush()

    def flush(self) -> None:
        if self.timer.isActive():
            self.timer.stop()
            self.finished.emit()


class SpanDetail(QWidget):
    spanEdited = Signal(object, dict, str)          # the Span as shown, attributes, note
    documentEdited = Signal(int, object, object)    # document id, DocumentDetails before, after
    KEY, VALUE = range(2)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("spanDetail")
        self.span: Span | None = None
        self.document: DocumentDetails | None = None
        self.document_id: int | None = None
        self.scheme: LabelScheme | None = None
        self._filling = False
        layout = QVBoxLayout(self)
        layout.addWidget(self._span_box())
        layout.addWidget(self._document_box())
        layout.addStretch(1)
        self.show_span(None)
        self.show_document(None)

    # -- building ---------------------------------------------------------------
    def _span_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Span"), self)
        form = QFormLayout(box)
        self.text_label, self.label_label = QLabel(box), QLabel(box)
        self.annotator_label, self.origin_label = QLabel(box), QLabel(box)
        for label in (self.text_label, self.origin_label):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Text:"), self.text_label)
        form.addRow(self.tr("Label:"), self.label_label)
        form.addRow(self.tr("Annotator:"), self.annotator_label)
        form.addRow(self.tr("Origin:"), self.origin_label)
        self.table = QTableWidget(0, 2, box)
        self.table.setObjectName("spanAttributes")
        self.table.setHorizontalHeaderLabels([self.tr("Attribute"), self.tr("Value")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setMinimumHeight(120)
        self.table.itemChanged.connect(self._cell_changed)
        form.addRow(self.table)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add Attribute"), box)
        self.remove_button = QPushButton(self.tr("Remove Attribute"), box)
        self.add_button.clicked.connect(self.add_attribute)
        self.remove_button.clicked.connect(self.remove_attribute)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        form.addRow(buttons)
        self.error_label = QLabel(box)
        self.error_label.setObjectName("spanDetailError")
        self.error_label.setStyleSheet("color: #b00020")
        self.error_label.setWordWrap(True)
        form.addRow(self.error_label)
        self.note = _NoteBox(box)
        self.note.setObjectName("spanNote")
        self.note.setPlaceholderText(self.tr("A note on this span"))
        self.note.finished.connect(self._send_span)
        form.addRow(self.tr("Note:"), self.note)
        self.span_box = box
        return box

    def _document_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Document"), self)
        form = QFormLayout(box)
        self.title_edit, self.date_edit, self.source_edit = (QLineEdit(box) for _ in range(3))
        self.date_edit.setPlaceholderText(self.tr("e.g. 2021-03-09"))
        for name, edit in (("documentTitle", self.title_edit), ("documentDate", self.date_edit),
                           ("documentSource", self.source_edit)):
            edit.setObjectName(name)
            edit.editingFinished.connect(self._send_document)
        form.addRow(self.tr("Title:"), self.title_edit)
        form.addRow(self.tr("Date:"), self.date_edit)
        form.addRow(self.tr("Source:"), self.source_edit)
        self.document_note = _NoteBox(box)
        self.document_note.setObjectName("documentNote")
        self.document_note.setPlaceholderText(self.tr("A note on this document"))
        self.document_note.finished.connect(self._send_document)
        form.addRow(self.tr("Note:"), self.document_note)
        self.document_box = box
        return box

    # -- showing ------------------------------------------------------------------
    def set_scheme(self, scheme: LabelScheme) -> None:
        self.scheme = scheme

    def show_span(self, span: Span | None) -> None:
        """Show ``span`` (None: nothing selected); a pending note of the previous one is
        sent first.  The same span shown again keeps the editors as they are."""
        if self.span is not None and (span is None or span.id != self.span.id):
            self.note.flush()
        same = span is not None and self.span is not None and span.id == self.span.id
        self.span = span
        if not same:
            self.error_label.clear()
        editable = span is not None
        for widget in (self.table, self.note, self.add_button, self.remove_button):
            widget.setEnabled(editable)
        if span is None:
            self.text_label.setText(self.tr("No span selected: click a span, or press Tab."))
            for label in (self.label_label, self.annotator_label, self.origin_label):
                label.clear()
            self._fill_table({}, metric=False)
            self.note.set_text("")
            return
        self.text_label.setText(f"{span.text}  [{span.start}, {span.end})")
        self.label_label.setText(self._label_name(span.label))
        self.annotator_label.setText(span.annotator)
        self.origin_label.setText(span.origin)
        if not (same and self.table.state() == QTableWidget.State.EditingState):
            self._fill_table(span.attributes, metric=self._is_metric(span.label))
        if not (same and self.note.hasFocus()):
            self.note.set_text(span.note)

    def show_document(self, document: Document | None) -> None:
        if self.document is not None:
            self.document_note.flush()
        self.document = None if document is None else DocumentDetails.of(document)
        self.document_id = None if document is None else document.id
        for widget in (self.title_edit, self.date_edit, self.source_edit, self.document_note):
            widget.setEnabled(document is not None)
        details = self.document or DocumentDetails()
        for edit, value in ((self.title_edit, details.title), (self.date_edit, details.date),
                            (self.source_edit, details.source)):
            if not edit.hasFocus() or edit.text() == value:
                edit.setText(value)
                edit.setCursorPosition(0)       # a long title shows its beginning
        if not self.document_note.hasFocus():
            self.document_note.set_text(details.note)

    def _label_name(self, name: str) -> str:
        if self.scheme is not None and name in self.scheme:
            return titled(self.scheme.get(name))
        return name

    def _is_metric(self, name: str) -> bool:
        return self.scheme is not None and name in self.scheme and \
            self.scheme.get(name).kind is Kind.METRIC

    def _fill_table(self, attributes: dict, metric: bool) -> None:
        self._filling = True
        self.table.setRowCount(0)
        for key in shown_keys(attributes, metric):
            self._append_row(key, format_value(attributes.get(key)), fixed=metric and key in
                             shown_keys({}, True))
        self._filling = False

    def key_hints(self) -> dict[str, str]:
        """What the metric suggester's attributes mean (the keys stay as exported)."""
        return {
            "value": self.tr("The number, scaled (9.35万 → 93500); a percentage as a ratio "
                             "(86.72% → 0.8672)"),
            "unit": self.tr("The unit or measure word as written (场次, 张, 元, %)"),
            "scale": self.tr("The scale as written (万, 亿)"),
            "approximation": self.tr("≥ (余, 多, 以上, 超过), ≈ (约, 近, 左右), < (不到, 不足), "
                                     "≤ (以下, 以内), or empty"),
            "percent": self.tr("true for a percentage (%, 百分之)"),
            "rank": self.tr("The rank of 第N位/名"),
            "value_max": self.tr("The upper bound of a range"),
            "kind": self.tr("quantity, percent, fraction, rank, range or date"),
        }

    def _append_row(self, key: str, value: str, fixed: bool) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        key_item = QTableWidgetItem(key)
        key_item.setToolTip(self.key_hints().get(key, ""))
        if fixed:       # a metric's own keys are always there: only their values change
            key_item.setFlags(key_item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.table.setItem(row, self.KEY, key_item)
        self.table.setItem(row, self.VALUE, QTableWidgetItem(value))
        return row

    # -- editing --------------------------------------------------------------------
    def add_attribute(self) -> None:
        """A new row: its name is typed first; nothing is saved until it has one."""
        if self.span is None:
            return
        self._filling = True
        row = self._append_row("", "", fixed=False)
        self._filling = False
        self.table.setCurrentCell(row, self.KEY)
        self.table.editItem(self.table.item(row, self.KEY))

    def remove_attribute(self) -> None:
        row = self.table.currentRow()
        item = self.table.item(row, self.KEY) if row >= 0 else None
        if item is None or not item.flags() & Qt.ItemFlag.ItemIsEditable:
            self.error_label.setText(self.tr("A metric's own attributes stay; clear the "
                                             "value instead."))
            return
        self.table.removeRow(row)
        self._send_span()

    def _cell_changed(self, _item) -> None:
        if not self._filling:
            self._send_span()

    def attributes(self) -> dict:
        """The table as attributes; raises BadAttribute (with the reason) when it
        cannot be stored.  Rows without a name, and a metric's unset keys, are left out."""
        stored = self.span.attributes if self.span is not None else {}
        out: dict = {}
        for row in range(self.table.rowCount()):
            key_text = self.table.item(row, self.KEY).text()
            value_text = self.table.item(row, self.VALUE).text()
            if not key_text.strip():
                continue
            key = check_key(key_text)
            if key in out:
                raise BadAttribute(self.tr("The attribute %1 is there twice.")
                                      .replace("%1", key))
            value = parse_value(key, value_text)
            if key in stored or value_text.strip():
                out[key] = value
        return out

    def _send_span(self) -> None:
        if self.span is None:
            return
        try:
            attributes = self.attributes()
        except BadAttribute as error:
            self.error_label.setText(str(error))
            return
        self.error_label.clear()
        note = self.note.toPlainText()
        if (attributes, note) != (self.span.attributes, self.span.note):
            self.spanEdited.emit(self.span, attributes, note)

    def _send_document(self) -> None:
        if self.document is None:
            return
        title = self.title_edit.text().strip() or self.document.title   # never blank
        details = DocumentDetails(title, self.date_edit.text().strip(),
                                  self.source_edit.text().strip(),
                                  self.document_note.toPlainText())
        if details != self.document:
            self.documentEdited.emit(self.document_id, self.document, details)
