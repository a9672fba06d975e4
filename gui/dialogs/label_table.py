"""The table of the scheme dialog: one row per label with its colour, names, kind,
hotkey, span count and description.  A row dragged to another place asks for that order
(``moveRequested``); the dialog makes it an undoable change and reloads the table."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QMimeData, Qt, QTimer, Signal
from PySide6.QtGui import QColor

from corpus.labels import Label
from gui.dialogs.label_form import kind_name
from gui.panels.row_table import RowTableModel


@dataclass(frozen=True)
class LabelRow:
    label: Label
    spans: int

    @property
    def id(self) -> int | None:
        return self.label.id


MIME = "application/x-hanmark-label"


class LabelTableModel(RowTableModel):
    NAME, DISPLAY, DISPLAY_EN, KIND, HOTKEY, SPANS, DESCRIPTION = range(7)
    moveRequested = Signal(list)          # the label names in their new order

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Name"), self.tr("Chinese"), self.tr("English"), self.tr("Kind"),
                self.tr("Key"), self.tr("Spans"), self.tr("Description"))

    def load(self, project) -> None:
        counts = dict(project.db.execute(
            "SELECT label_id, count(*) FROM spans GROUP BY label_id").fetchall())
        self.set_rows([LabelRow(label, counts.get(label.id, 0)) for label in project.scheme()])

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        row = self.rows[index.row()]
        label, column = row.label, index.column()
        if role == Qt.ItemDataRole.DecorationRole and column == self.NAME:
            return QColor(label.color)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.SPANS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        return (label.name, label.display, label.display_en, kind_name(label.kind.value),
                label.hotkey, str(row.spans), label.description)[column]

    # -- drag a row to reorder ---------------------------------------------------------
    def flags(self, index):
        base = super().flags(index) | Qt.ItemFlag.ItemIsDropEnabled
        return base | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else base

    def supportedDropActions(self):  # noqa: N802
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [MIME]

    def mimeData(self, indexes) -> QMimeData:  # noqa: N802
        data = QMimeData()
        rows = sorted({index.row() for index in indexes})
        data.setData(MIME, self.rows[rows[0]].label.name.encode() if rows else b"")
        return data

    def dropMimeData(self, data, action, row, column, parent) -> bool:  # noqa: N802
        """Ask for the new order; the rows themselves change only when the table reloads."""
        name = bytes(data.data(MIME)).decode()
        names = [r.label.name for r in self.rows]
        if name not in names:
            return False
        old = names.index(name)
        target = row if row >= 0 else (parent.row() if parent.isValid() else len(names))
        names.pop(old)
        names.insert(target - 1 if target > old else target, name)
        if names != [r.label.name for r in self.rows]:   # after the view's drop handling
            QTimer.singleShot(0, lambda: self.moveRequested.emit(names))
        return False
