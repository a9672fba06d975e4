"""The open suggestions of the current document, listed beside its spans: text, label and
score (the suggester in the tooltip).  A click makes one current (the text scrolls to it; Enter in the
text accepts it, Delete rejects it)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTableView, QWidget

from corpus.labels import LabelScheme
from gui.i18n import titled
from gui.panels import row_table

_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                    Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.TextAlignmentRole})


class SuggestionListModel(row_table.RowTableModel):
    TEXT, LABEL, SCORE = range(3)
    rows: list[tuple[int, object]]     # (suggestion id, Suggestion), in text order

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.colours: dict[str, QColor] = {}
        self.names: dict[str, str] = {}
        self._rows_by_id: dict[int, int] = {}

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Text"), self.tr("Label"), self.tr("Score"))

    def set_scheme(self, scheme: LabelScheme) -> None:
        self.colours = {label.name: QColor(label.color) for label in scheme}
        self.names = {label.name: titled(label) for label in scheme}

    def set_rows(self, rows: list) -> None:
        super().set_rows(rows)
        self._rows_by_id = {suggestion_id: i for i, (suggestion_id, _s) in enumerate(self.rows)}

    def row_of(self, row_id: int | None) -> int | None:
        return self._rows_by_id.get(row_id)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role not in _ROLES:
            return None
        suggestion = self.rows[index.row()][1]
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter) \
                if column == self.SCORE else None
        if role == Qt.ItemDataRole.DecorationRole:
            return self.colours.get(suggestion.label) if column == self.LABEL else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.describe(suggestion)
        if column == self.TEXT:
            return suggestion.text.replace("\n", " ⏎ ")
        if column == self.LABEL:
            return self.names.get(suggestion.label, suggestion.label)
        return f"{suggestion.score:.2f}"

    def describe(self, suggestion) -> str:
        return self.tr("%1 · %2 (by %3, score %4)") \
            .replace("%1", self.names.get(suggestion.label, suggestion.label)) \
            .replace("%2", suggestion.text).replace("%3", suggestion.source) \
            .replace("%4", f"{suggestion.score:.2f}")


class SuggestionList(QTableView):
    suggestionChosen = Signal(object)   # (suggestion id, Suggestion)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("suggestionList")
        self.model_ = SuggestionListModel(self)
        row_table.configure(self, self.model_, widths=self._widths([]))
        self.clicked.connect(self._clicked)

    def set_scheme(self, scheme: LabelScheme) -> None:
        """The label column as wide as the scheme's longest label, with its swatch."""
        self.model_.set_scheme(scheme)
        self.horizontalHeader().resizeSection(1, self._widths(list(self.model_.names.values()))[0])

    def _widths(self, names: list[str]) -> tuple[int, int]:
        metrics, pad = self.fontMetrics(), 18
        swatch = self.iconSize().width() if self.iconSize().width() > 0 else 16
        headers = self.model_.headers()
        label = max(metrics.horizontalAdvance(t) for t in [headers[1], *names]) + swatch + pad
        score = max(metrics.horizontalAdvance(headers[2]), metrics.horizontalAdvance("0.00"))
        return label, score + pad

    def show_items(self, items: list, current) -> None:
        self.model_.set_rows(items)
        self.show_current(current)

    def show_current(self, current) -> None:
        row = self.model_.row_of(current[0]) if current is not None else None
        if row is None:
            self.clearSelection()
        elif self.currentIndex().row() != row:
            self.selectRow(row)

    def _clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.suggestionChosen.emit(self.model_.rows[index.row()])
