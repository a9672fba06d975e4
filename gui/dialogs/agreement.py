"""Project → Agreement…: the figures of ``hanmark agreement`` in the window.

One table of pairs (documents, span F1, partial F1, κ overall, and α over all
chosen annotators); choosing a row shows its figures per label and its most
confused label pairs.  The computation runs off the UI thread on its own read-only
connection to the project file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from corpus.team.agreement import Agreement, AgreementError, compute, figure
from gui.errors import explain
from gui.i18n import titled
from gui.workers.tasks import run_task
from storage.errors import ProjectError
from storage.project import Project
from storage.team.agreement_data import GOLD, AgreementRequest, read_input


def agreement_of(path: Path, request: AgreementRequest) -> Agreement:
    """Runs on a worker thread: its own connection, read-only."""
    with Project.open(path, readonly=True) as project:
        data = read_input(project, request)
    return compute(data)


class AgreementDialog(QDialog):
    def __init__(self, window, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.window = window
        self.result: Agreement | None = None
        self.task = None
        self.setWindowTitle(self.tr("Agreement"))
        project = window.session.project
        self.path = project.path
        self.displays = {label.name: titled(label) for label in project.scheme()}
        self.choices = [QCheckBox(name, self) for name in project.annotators()]
        for box in self.choices:
            box.setChecked(box.text() != GOLD)
        self.every_document = QCheckBox(self.tr("Compare every document (an annotator with no "
                                                "span there marked nothing)"), self)
        self.every_document.setToolTip(self.tr("Otherwise a pair is compared on the documents "
                                               "both have marked done"))
        self.compute_button = QPushButton(self.tr("&Compute"), self)
        self.note = QLabel(self)
        self.note.setObjectName("agreementNote")
        self.note.setWordWrap(True)
        self.pairs = self._table("agreementPairs", (
            self.tr("Annotators"), self.tr("Documents"), self.tr("Span F1"),
            self.tr("Partial F1"), self.tr("κ / α")))
        self.labels = self._table("agreementLabels", (
            self.tr("Label"), self.tr("Span F1"), self.tr("Partial F1"), self.tr("κ"),
            self.tr("α")))
        self.confused = QLabel(self)
        self.confused.setObjectName("agreementConfusions")
        self.confused.setWordWrap(True)
        self._lay_out()
        self.compute_button.clicked.connect(self.start)
        self.pairs.currentCellChanged.connect(lambda row, *_: self.show_row(row))
        self.start()

    def _table(self, name: str, headers: tuple[str, ...]) -> QTableWidget:
        table = QTableWidget(0, len(headers), self)
        table.setObjectName(name)
        table.setHorizontalHeaderLabels(list(headers))
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        return table

    def _lay_out(self) -> None:
        people = QHBoxLayout()
        people.addWidget(QLabel(self.tr("Annotators:"), self))
        for box in self.choices:
            people.addWidget(box)
        people.addStretch(1)
        people.addWidget(self.compute_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(people)
        layout.addWidget(self.every_document)
        layout.addWidget(self.note)
        layout.addWidget(self.pairs, 2)
        layout.addWidget(QLabel(self.tr("Per label, for the chosen row:"), self))
        layout.addWidget(self.labels, 3)
        layout.addWidget(self.confused)
        layout.addWidget(buttons)
        self.resize(620, 560)

    def request(self) -> AgreementRequest:
        chosen = tuple(box.text() for box in self.choices if box.isChecked())
        return AgreementRequest(annotators=chosen, all_documents=self.every_document.isChecked())

    def start(self) -> None:
        if self.task is not None:
            return
        chosen = [box for box in self.choices if box.isChecked()]
        if len(chosen) < 2:
            self._show_error(AgreementError("", "annotators"))
            return
        self.compute_button.setEnabled(False)
        self.note.setText(self.tr("Computing…"))
        path, request = self.path, self.request()
        self.task = run_task(lambda _progress: agreement_of(path, request),
                             on_done=self._done, on_error=self._failed)

    def _done(self, result: Agreement) -> None:
        self.task = None
        self.compute_button.setEnabled(True)
        self.result = result
        text = self.tr("%1 documents compared (marked done by at least two annotators).") \
            if not self.every_document.isChecked() else self.tr("%1 documents compared.")
        self.note.setText(text.replace("%1", str(result.documents)))
        rows = [(f"{p.a} – {p.b}", str(p.documents), figure(p.span_f1.overall),
                 figure(p.partial_f1.overall), figure(p.kappa.overall)) for p in result.pairs]
        rows.append((self.tr("α, all annotators"), str(result.documents), "", "",
                     figure(result.alpha.overall)))
        _fill(self.pairs, rows)
        self.pairs.selectRow(0)
        self.show_row(0)

    def show_row(self, row: int) -> None:
        if self.result is None or row < 0:
            return
        result = self.result
        pair = result.pairs[row] if row < len(result.pairs) else None
        names = [n for n in self.displays if n in result.alpha.labels
                 or (pair is not None and n in pair.kappa.labels)]
        rows = []
        for name in names:
            cells = ("", "", "") if pair is None else tuple(
                figure(scores.labels[name]) if name in scores.labels else ""
                for scores in (pair.span_f1, pair.partial_f1, pair.kappa))
            alpha = result.alpha.labels.get(name)
            rows.append((self.displays[name], *cells,
                         figure(alpha) if name in result.alpha.labels else ""))
        _fill(self.labels, rows)
        confusions = result.confusions if pair is None else pair.confusions
        self.confused.setText(self._confusion_text(confusions))

    def _confusion_text(self, confusions) -> str:
        if not confusions:
            return self.tr("No characters with one label in one layer and another label in "
                           "the other.")
        parts = [f"{self.displays.get(x, x)} ↔ {self.displays.get(y, y)}: {count}"
                 for x, y, count in confusions]
        return self.tr("Most confused labels (characters): %1").replace("%1", "; ".join(parts))

    def _failed(self, error: BaseException) -> None:
        self.task = None
        self.compute_button.setEnabled(True)
        self._show_error(error)

    def _show_error(self, error: BaseException) -> None:
        self.result = None
        _fill(self.pairs, [])
        _fill(self.labels, [])
        self.confused.clear()
        self.note.setText(self.explain(error))

    def explain(self, error: BaseException) -> str:
        if isinstance(error, ProjectError):
            what, hint = explain(error)
            return f"{what}\n{hint}".strip()
        texts = {
            "annotators": self.tr("Choose at least two annotators. Agreement compares the "
                                  "layers of two or more annotators."),
            "no_common": self.tr("No document is marked done by two of these annotators. "
                                 "Mark documents done, or compare every document."),
            "no_documents": self.tr("The project has no documents yet."),
            "too_large": self.tr("This project is too large to compare here; use "
                                 "hanmark agreement with --labels."),
        }
        code = getattr(error, "code", "")
        return texts.get(code, self.tr("Agreement could not be computed."))


def _fill(table: QTableWidget, rows: list[tuple[str, ...]]) -> None:
    table.setRowCount(len(rows))
    numbers = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            if c:
                item.setTextAlignment(numbers)
            table.setItem(r, c, item)


def open_agreement(window) -> AgreementDialog:
    """Show the window's agreement dialog (one per project), computing afresh."""
    dialog = getattr(window, "agreement_dialog", None)
    if dialog is not None and dialog.path == window.session.project.path:
        dialog.start()
    else:
        dialog = AgreementDialog(window)
        dialog.setObjectName("agreementDialog")
        window.agreement_dialog = dialog
    dialog.show()
    dialog.raise_()
    return dialog
