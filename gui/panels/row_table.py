"""What the document list and the span list share: a read-only table of rows,
one selected at a time, the first column stretching."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

Index = QModelIndex | QPersistentModelIndex


class RowTableModel(QAbstractTableModel):
    """Subclasses set ``rows`` and implement ``headers()`` and ``data()``."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list = []
        self._columns: int | None = None

    def headers(self) -> tuple[str, ...]:
        raise NotImplementedError

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_of(self, row_id: int | None) -> int | None:
        return next((i for i, row in enumerate(self.rows) if row.id == row_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        # Asked thousands of times per paint; the headers are translated strings.
        if self._columns is None:
            self._columns = len(self.headers())
        return self._columns

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None


def configure(view: QTableView, model: RowTableModel, widths: tuple[int, ...] = ()) -> None:
    """The first column stretches; the others get fixed starting widths the user can drag
    (sizing them to their contents would measure every row: slow with 20,000 spans)."""
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for column, width in enumerate(widths, start=1):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(column, width)
