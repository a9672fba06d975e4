"""The span list of the current document: text, label, position."""

from __future__ import annotations

from bisect import bisect_left

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTableView, QWidget

from corpus.labels import LabelScheme
from corpus.span import Span
from gui.i18n import titled
from gui.panels import row_table

_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                    Qt.ItemDataRole.DecorationRole})


def _key(span: Span) -> tuple[int, int, int]:
    return (span.start, span.end, span.id or 0)


class SpanListModel(row_table.RowTableModel):
    TEXT, LABEL, POSITION, RELATIONS = range(4)
    rows: list[Span]

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.colours: dict[str, QColor] = {}
        self.names: dict[str, str] = {}
        self.relation_text = lambda span: ""   # a span's relations, in words (relation tools)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Text"), self.tr("Label"), self.tr("Position"), self.tr("Relations"))

    def refresh(self, spans: list[Span]) -> None:
        """Redraw the relations of these spans' rows."""
        for span in spans:
            row = self.row_of_span(span)
            if row is not None:
                index = self.index(row, self.RELATIONS)
                self.dataChanged.emit(index, index)

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
        self.names = {label.name: titled(label) for label in scheme}

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
            if column == self.RELATIONS:
                return self.relation_text(span)
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
        row_table.configure(self, self.model_, widths=(120, 96, 80))
        self.clicked.connect(self._clicked)
        self.activated.connect(self._clicked)
        # Edits reach the list one event-loop turn after the text: the annotator sees a
        # span appear in the text first, and the list's redraw (new rows shaped, ~5 ms)
        # does not delay that frame.  Several edits in one turn are applied together.
        self._pending: list[tuple[list[Span], list[Span]]] = []
        self._selected: Span | None = None
        self._sync = QTimer(self)
        self._sync.setSingleShot(True)
        self._sync.setInterval(0)
        self._sync.timeout.connect(self.catch_up)

    def show_rows(self, rows: list[Span]) -> None:
        """A document opened: its spans, now (anything still pending is for another)."""
        self._pending.clear()
        self.model_.set_rows(rows)

    def follow(self, removed: list[Span], added: list[Span]) -> None:
        self._pending.append((removed, added))
        self._sync.start()

    def follow_selection(self, span: Span | None) -> None:
        self._selected = span
        self._sync.start()

    def catch_up(self) -> None:
        """Apply the edits and the selection that are still pending."""
        self._sync.stop()
        pending, self._pending = self._pending, []
        for removed, added in pending:
            self.model_.apply(removed, added)
        self.show_selected(self._selected)

    def _clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.spanChosen.emit(self.model_.rows[index.row()].id)

    def show_selected(self, span: Span | None) -> None:
        row = self.model_.row_of_span(span)
        if row is None:
            self.clearSelection()
        elif self.currentIndex().row() != row:
            self.selectRow(row)
