"""The span list of the current document: text, label, position."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from corpus.labels import LabelScheme
from corpus.span import Span

Index = QModelIndex | QPersistentModelIndex


class SpanListModel(QAbstractTableModel):
    TEXT, LABEL, POSITION = range(3)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.spans: list[Span] = []
        self.colours: dict[str, QColor] = {}
        self.names: dict[str, str] = {}

    def set_scheme(self, scheme: LabelScheme) -> None:
        self.colours = {label.name: QColor(label.color) for label in scheme}
        self.names = {label.name: f"{label.display} {label.name}" for label in scheme}

    def set_spans(self, spans: list[Span]) -> None:
        self.beginResetModel()
        self.spans = list(spans)
        self.endResetModel()

    def row_of(self, span_id: int | None) -> int | None:
        return next((i for i, s in enumerate(self.spans) if s.id == span_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.spans)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 3

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Text"), self.tr("Label"), self.tr("Position"))[section]
        return None

    def data(self, index: Index, role=Qt.ItemDataRole.DisplayRole):
        span = self.spans[index.row()]
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
        self.setModel(self.model_)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.clicked.connect(self._clicked)
        self.activated.connect(self._clicked)

    def _clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.spanChosen.emit(self.model_.spans[index.row()].id)

    def show_selected(self, span: Span | None) -> None:
        row = self.model_.row_of(span.id if span else None)
        if row is None:
            self.clearSelection()
        elif self.currentIndex().row() != row:
            self.selectRow(row)
