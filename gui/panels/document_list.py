"""The document list: title, status and span count of every document."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTableView, QWidget

from corpus.document import DocumentSummary, Status
from gui.commands.spans import status_name
from gui.panels import row_table

STATUS_COLOURS = {
    Status.TODO: "#9e9e9e", Status.IN_PROGRESS: "#f0a202",
    Status.DONE: "#2e9d45", Status.SKIPPED: "#7a7a7a",
}


class DocumentListModel(row_table.RowTableModel):
    TITLE, STATUS, SPANS = range(3)
    rows: list[DocumentSummary]

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Title"), self.tr("Status"), self.tr("Spans"))

    def update_row(self, summary: DocumentSummary) -> None:
        row = self.row_of(summary.id)
        if row is not None:
            self.rows[row] = summary
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        summary = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.TITLE:
                return summary.title
            if column == self.STATUS:
                return status_name(summary.status)
            return summary.span_count
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATUS:
            return QColor(STATUS_COLOURS[summary.status])
        if role == Qt.ItemDataRole.ToolTipRole and column == self.TITLE:
            return summary.title
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.SPANS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class DocumentList(QTableView):
    documentChosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentList")
        self.model_ = DocumentListModel(self)
        row_table.configure(self, self.model_, widths=(64, 52))
        self.selectionModel().currentRowChanged.connect(self._row_changed)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.documentChosen.emit(self.model_.rows[current.row()].id)

    def show_current(self, document_id: int) -> None:
        row = self.model_.row_of(document_id)
        if row is not None and self.currentIndex().row() != row:
            self.selectRow(row)
