"""The concordance table's model: one row per hit, left context | hit | right context,
aligned on the hit (the left context is right-aligned), with the document and the labels
covering the hit.  Sorting by the left context reads it backwards from the hit."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFont

from corpus.search import SORT_KEYS, Hit, one_line
from gui.panels.row_table import RowTableModel

ALIGN = Qt.AlignmentFlag


class HitTableModel(RowTableModel):
    DOCUMENT, LEFT, HIT, RIGHT, LABELS = range(5)
    SORTS = ("document", "left", "hit", "right", "label")
    rows: list[Hit]

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.titles: dict[int, str] = {}
        self.names: dict[str, str] = {}  # label name → "显示 NAME"
        self.bold = QFont()
        self.bold.setBold(True)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Document"), self.tr("Left"), self.tr("Hit"), self.tr("Right"),
                self.tr("Labels"))

    def add_hits(self, hits: list[Hit]) -> None:
        if not hits:
            return
        first = len(self.rows)
        self.beginInsertRows(QModelIndex(), first, first + len(hits) - 1)
        self.rows.extend(hits)
        self.endInsertRows()

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        hit, column = self.rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(hit, column, role == Qt.ItemDataRole.ToolTipRole)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return {self.LEFT: ALIGN.AlignRight | ALIGN.AlignVCenter,
                    self.HIT: ALIGN.AlignCenter}.get(column, ALIGN.AlignLeft | ALIGN.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and column == self.HIT:
            return self.bold
        return None

    def _text(self, hit: Hit, column: int, tooltip: bool) -> str:
        if column == self.DOCUMENT:
            title = self.titles.get(hit.document_id, "")
            return f"{hit.document_id} {title}".strip() + (f" · {hit.start}–{hit.end}"
                                                            if tooltip else "")
        if column == self.LABELS:
            return ", ".join(self.names.get(n, n) for n in hit.labels)
        text = {self.LEFT: hit.left, self.HIT: hit.text, self.RIGHT: hit.right}[column]
        return one_line(text)

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self.rows.sort(key=SORT_KEYS[self.SORTS[column]],
                       reverse=order == Qt.SortOrder.DescendingOrder)
        self.layoutChanged.emit()
