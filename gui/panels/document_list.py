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

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows_by_id: dict[int, int] = {}
        self.done_count = 0

    def set_rows(self, rows: list[DocumentSummary]) -> None:
        super().set_rows(rows)
        self._rows_by_id = {row.id: i for i, row in enumerate(self.rows)}
        self.done_count = sum(row.status == Status.DONE for row in self.rows)

    def row_of(self, row_id: int | None) -> int | None:
        """A dict look-up: called on every document opened, in 100,000 rows."""
        return self._rows_by_id.get(row_id)

    def update_row(self, summary: DocumentSummary) -> None:
        row = self.row_of(summary.id)
        if row is not None:
            self.done_count += (summary.status == Status.DONE) - \
                (self.rows[row].status == Status.DONE)
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
        row_table.configure(self, self.model_, widths=self._widths())
        self.selectionModel().currentRowChanged.connect(self._row_changed)

    def _widths(self) -> tuple[int, int]:
        """Status and span-count columns as wide as their longest text in this language
        (the statuses are four words: measured, not guessed; no row is read)."""
        metrics, pad = self.fontMetrics(), 18
        headers = self.model_.headers()
        status = max(metrics.horizontalAdvance(t)
                     for t in [headers[1], *(status_name(s) for s in Status)])
        spans = max(metrics.horizontalAdvance(headers[2]), metrics.horizontalAdvance("00000"))
        return status + pad, spans + pad

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.documentChosen.emit(self.model_.rows[current.row()].id)

    def show_current(self, document_id: int) -> None:
        row = self.model_.row_of(document_id)
        if row is not None and self.currentIndex().row() != row:
            self.selectRow(row)
