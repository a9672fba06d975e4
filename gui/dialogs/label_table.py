"""The table of the scheme dialog: one row per label with its colour, names, kind,
hotkey, span count and description."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
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


class LabelTableModel(RowTableModel):
    NAME, DISPLAY, DISPLAY_EN, KIND, HOTKEY, SPANS, DESCRIPTION = range(7)

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
