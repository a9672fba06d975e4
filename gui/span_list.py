"""The span list of the current document: text, label, position."""

from __future__ import annotations

from bisect import bisect_left

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTableView, QWidget

from corpus.labels import LabelScheme
from corpus.span import Span
from gui import row_table


_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                    Qt.ItemDataRole.DecorationRole})


def _key(span: Span) -> tuple[int, int, int]:
    return (span.start, span.end, span.id or 0)


class SpanListModel(row_table.RowTableModel):
    TEXT, LABEL, POSITION = range(3)
    rows: list[Span]

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.colours: dict[str, QColor] = {}
        self.names: dict[str, str] = {}

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Text"), self.tr("Label"), self.tr("Position"))

    def apply(self, removed: list[Span], added: list[Span]) -> None:
        """Remove and insert single rows, keeping the (start, end, id) order."""
        for span in removed:
            row = self.row_of_span(span)
            if row is not None:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self.rows[row]
                self.endRemoveRows()
        for span in added:
            row = bisect_left(self.rows, _key(span), key=_key)
            self.beginInsertRows(QModelIndex(), row, row)
            self.rows.insert(row, span)
            self.endInsertRows()

    def row_of_span(self, span: Span | None) -> int | None:
        """The row of ``span`` by its (start, end, id) order: no scan of 20,000 rows."""
        if span is None:
            return None
        row = bisect_left(self.rows, _key(span), key=_key)
        return row if row < len(self.rows) and self.rows[row].id == span.id else None

    def set_scheme(self, scheme: LabelScheme) -> None:
        self.colours = {label.name: QColor(label.color) for label in scheme}
        self.names = {label.name: f"{label.display} {label.name}" for label in scheme}

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role not in _ROLES:      # a paint asks for a dozen roles per cell
            return None
        span = self.rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == self.TEXT:
                return span.text.replace("\n", " ⏎ ")
            if column == self.LABEL:
                return self.names.get(span.label, span.label)
            return f"{span.start}–{span.end}"
        if role == Qt.ItemDataRole.DecorationRole and column == self.LABEL:
            return self.colours.get(span.label)
        return None


class SpanList(QTableView):
    spanChosen = Signal(object)  # span id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("spanList")
        self.model_ = SpanListModel(self)
        row_table.configure(self, self.model_, widths=(120, 96))
        self.clicked.connect(self._clicked)
        self.activated.connect(self._clicked)

    def _clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.spanChosen.emit(self.model_.rows[index.row()].id)

    def show_selected(self, span: Span | None) -> None:
        row = self.model_.row_of_span(span)
        if row is None:
            self.clearSelection()
        elif self.currentIndex().row() != row:
            self.selectRow(row)
