"""Label all occurrences: the other places a labelled string occurs, with their context,
to accept all at once or one by one."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

CONTEXT = 14  # characters shown on each side


class OccurrencesDialog(QDialog):
    accepted_items = Signal(list)  # [(suggestion id, Suggestion)]

    def __init__(self, found: list, titles: dict[int, str], texts, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.setObjectName("occurrencesDialog")
        self.setWindowTitle(self.tr("Label All Occurrences"))
        self.resize(760, 420)
        self.found = found
        self.table = QTableWidget(len(found), 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("Document"), self.tr("Context")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for row, (_sid, document_id, suggestion) in enumerate(found):
            title = QTableWidgetItem(titles.get(document_id, str(document_id)))
            title.setFlags(title.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            title.setCheckState(Qt.CheckState.Checked)
            self.table.setItem(row, 0, title)
            self.table.setItem(row, 1, QTableWidgetItem(_context(texts(document_id), suggestion)))
        summary = self.tr("%1 other places, in %2 documents.").replace("%1", str(len(found)))
        summary = summary.replace("%2", str(len({d for _s, d, _x in found})))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.accept_checked = QPushButton(self.tr("Accept Checked"), self)
        buttons.addButton(self.accept_checked, QDialogButtonBox.ButtonRole.ActionRole)
        self.accept_checked.clicked.connect(self._accept_checked)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(summary))
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

    def checked(self) -> list:
        return [(sid, suggestion) for row, (sid, _d, suggestion) in enumerate(self.found)
                if self.table.item(row, 0).checkState() == Qt.CheckState.Checked]

    def _accept_checked(self) -> None:
        self.accepted_items.emit(self.checked())
        self.accept()


def _context(text: str, suggestion) -> str:
    left = text[max(0, suggestion.start - CONTEXT):suggestion.start].replace("\n", " ")
    right = text[suggestion.end:suggestion.end + CONTEXT].replace("\n", " ")
    return f"…{left}【{suggestion.text}】{right}…"
