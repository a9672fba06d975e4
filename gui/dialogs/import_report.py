"""The report shown after an import: what came in, what was a duplicate, what failed and why."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from storage.interchange.importer import ImportReport

FAILED_COLOUR = "#c62828"


class ImportReportDialog(QDialog):
    def __init__(self, report: ImportReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importReport")
        self.setWindowTitle(self.tr("Import Report"))
        self.resize(760, 420)
        self.summary = QLabel(self._summary(report))
        self.summary.setWordWrap(True)
        self.table = self._table(self._rows(report))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

    def _summary(self, report: ImportReport) -> str:
        text = self.tr("Imported %1, skipped %2 as duplicates, %3 failed, from %4 files.")
        for i, n in enumerate((len(report.imported), len(report.duplicates),
                               len(report.failed), report.files), start=1):
            text = text.replace(f"%{i}", str(n))
        if report.cancelled:
            text += " " + self.tr("The import was cancelled; what was imported stays.")
        return text

    def _rows(self, report: ImportReport) -> list[tuple[str, str, str]]:
        rows = [(self.tr("failed"), item["name"], item["reason"]) for item in report.failed]
        rows += [(self.tr("span rejected"), item["name"], f"{item['span']}: {item['reason']}")
                 for item in getattr(report, "spans_rejected", ())]
        rows += [(self.tr("not imported"), item["name"], item["reason"])
                 for item in getattr(report, "skipped", ())]
        rows += [(self.tr("note"), item["name"], item["note"])
                 for item in getattr(report, "notes", ())]
        rows += [(self.tr("duplicate"), item["name"],
                  self.tr("same text as document %1").replace("%1", str(item["same_as"])))
                 for item in report.duplicates]
        for item in report.imported:
            detail = " · ".join(x for x in (item["title"], item["format"], item["encoding"]) if x)
            if item["damage"]:
                detail += " · " + self.tr("%1 damaged characters flagged").replace(
                    "%1", str(item["damage"]))
            rows.append((self.tr("imported"), item["name"], detail))
        return rows

    def _table(self, rows: list[tuple[str, str, str]]) -> QTableWidget:
        table = QTableWidget(len(rows), 3, self)
        table.setObjectName("importReportTable")
        table.setHorizontalHeaderLabels([self.tr("Result"), self.tr("File"), self.tr("Details")])
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        failed, rejected = self.tr("failed"), self.tr("span rejected")
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                if row[0] in (failed, rejected):
                    item.setForeground(QColor(FAILED_COLOUR))
                table.setItem(r, c, item)
        table.resizeColumnsToContents()
        return table
