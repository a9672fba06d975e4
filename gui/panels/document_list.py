"""The document list: title, status and span count of every document, read from the
project a page at a time (gui/panels/document_rows.py) and changed row by row."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTableView, QWidget

from corpus.document import DocumentSummary, Status
from gui.commands.spans import status_name
from gui.panels import row_table
from gui.panels.document_rows import PagedRows

STATUS_COLOURS = {
    Status.TODO: "#9e9e9e", Status.IN_PROGRESS: "#f0a202",
    Status.DONE: "#2e9d45", Status.SKIPPED: "#7a7a7a",
}


class DocumentListModel(row_table.RowTableModel):
    TITLE, STATUS, SPANS = range(3)
    countsChanged = Signal()
    rows: PagedRows

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Title"), self.tr("Status"), self.tr("Spans"))

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows = PagedRows()
        self.done_count = 0       # of the whole project, for the listed statuses' annotator
        self.total = 0            # documents in the project
        self.follows = True       # the statuses shown are the window's annotator's
        self.recount = lambda: (self.done_count, self.total)
        self._status_names: dict[Status, str] = {}   # translated once, not per painted cell

    def set_rows(self, rows: PagedRows, recount=None) -> None:
        """Show ``rows``; ``recount()`` gives (done, total) from the project."""
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()
        if recount is not None:
            self.recount = recount
        self.done_count, self.total = self.recount()
        self.countsChanged.emit()

    def row_of(self, row_id: int | None) -> int | None:
        """A bisection or a map look-up: called on every document opened, in 100,000 rows."""
        return self.rows.row_of(row_id)

    def update_row(self, summary: DocumentSummary) -> None:
        """One document's status or span count changed: that row is redrawn, nothing else
        is read again (unless its old status is not at hand: then the counts are)."""
        if not self.follows:
            return                 # the list shows another annotator's statuses
        row, old = self.rows.replace(summary)
        if old is None:
            self.done_count, self.total = self.recount()
        else:
            self.done_count += (summary.status == Status.DONE) - (old.status == Status.DONE)
        if row is not None:
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
        self.countsChanged.emit()

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole,
                        Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.TextAlignmentRole):
            return None
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter) \
                if column == self.SPANS else None
        summary = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.TITLE:
                return summary.title
            if column == self.STATUS:
                if not self._status_names:
                    self._status_names = {status: status_name(status) for status in Status}
                return self._status_names[summary.status]
            return summary.span_count
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATUS:
            return QColor(STATUS_COLOURS[summary.status])
        if role == Qt.ItemDataRole.ToolTipRole and column == self.TITLE:
            return summary.title
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
            self.documentChosen.emit(self.model_.rows.id_at(current.row()))

    def show_current(self, document_id: int) -> None:
        row = self.model_.row_of(document_id)
        if row is not None and self.currentIndex().row() != row:
            self.selectRow(row)
