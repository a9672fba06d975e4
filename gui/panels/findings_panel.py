"""Project → Check Consistency…: the findings of the consistency checks, in a docked
table: check, document, text, what is wrong, whose layer, and the fix.  Activating a
row opens its document at the place; Fix Selected applies the fixes (one undo step)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from corpus.checks import ALL_CHECKS, Finding
from gui.panels.finding_texts import check_title, details, fix_text

COLUMNS = 6


class FindingsPanel(QWidget):
    findingActivated = Signal(object)      # Finding
    fixRequested = Signal(list)            # [Finding]
    recheckRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findingsPanel")
        self.findings: list[Finding] = []
        self.shown: list[Finding] = []
        self.titles: dict[int, str] = {}
        self.summary = QLabel(self)
        self.filter = QComboBox(self)
        self.filter.addItem(self.tr("All checks"), "")
        for check in ALL_CHECKS:
            self.filter.addItem(check_title(check), check)
        self.filter.currentIndexChanged.connect(lambda _i: self._fill())
        self.fix_button = QPushButton(self.tr("Fix Selected"), self)
        self.fix_button.clicked.connect(lambda: self.fixRequested.emit(self.selected()))
        self.again = QPushButton(self.tr("Check Again"), self)
        self.again.clicked.connect(self.recheckRequested)
        self.table = QTableWidget(0, COLUMNS, self)
        self.table.setHorizontalHeaderLabels([self.tr("Check"), self.tr("Document"),
                                              self.tr("Text"), self.tr("What"),
                                              self.tr("Layer"), self.tr("Fix")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.itemActivated.connect(lambda item: self._activate(item.row()))
        self.table.itemSelectionChanged.connect(self._selection_changed)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        for widget in (self.filter, self.fix_button, self.again):
            top.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.can_fix = lambda _finding: False
        self.show_running()

    def show_running(self) -> None:
        self.summary.setText(self.tr("Checking the project…"))
        self.fix_button.setEnabled(False)

    def show_findings(self, findings: list[Finding], titles: dict[int, str]) -> None:
        self.findings, self.titles = list(findings), titles
        self._fill()

    def remove(self, fixed: list[Finding]) -> None:
        gone = {id(f) for f in fixed}
        self.findings = [f for f in self.findings if id(f) not in gone]
        self._fill()

    def _fill(self) -> None:
        check = self.filter.currentData()
        self.shown = [f for f in self.findings if not check or f.check == check]
        self.table.setRowCount(len(self.shown))
        for row, finding in enumerate(self.shown):
            title = self.titles.get(finding.document, "")
            cells = (check_title(finding.check), f"{finding.document} {title}".strip(),
                     finding.text.replace("\n", "⏎"), details(finding), finding.annotator,
                     fix_text(finding))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 3:
                    item.setToolTip(finding.details)
                self.table.setItem(row, column, item)
        documents = len({f.document for f in self.findings})
        self.summary.setText(self.tr("%1 findings in %2 documents").replace(
            "%1", str(len(self.findings))).replace("%2", str(documents))
            if self.findings else self.tr("No findings: the layers are consistent."))
        self._selection_changed()

    def selected(self) -> list[Finding]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.shown[row] for row in rows if row < len(self.shown)]

    def _selection_changed(self) -> None:
        self.fix_button.setEnabled(any(self.can_fix(f) for f in self.selected()))

    def _activate(self, row: int) -> None:
        if 0 <= row < len(self.shown):
            self.findingActivated.emit(self.shown[row])
