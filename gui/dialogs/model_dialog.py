"""Suggestions → Model…: the model in the loop at a glance: what it was trained on, its
held-out F1, and its learning curve on the project's own done documents (computed in
the background: the model trained on 1, 2, 5, 10 and 20 of them, scored per label on
a held-out quarter)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui import crash_report
from gui.dialogs.curve_chart import CurveChart

MIN_DOCUMENTS = 3       # one held out, two to train on at least


class ModelDialog(QDialog):
    def __init__(self, parent: QWidget | None, summary: str, colours: dict[str, str],
                 compute) -> None:
        super().__init__(parent)
        self.setObjectName("modelDialog")
        self.setWindowTitle(self.tr("The Model"))
        self.compute_curve = compute        # (on_done, on_progress, on_error) → started?
        self.colours = colours
        self.summary = QLabel(summary, self)
        self.summary.setWordWrap(True)
        self.chart = CurveChart(self)
        self.status = QLabel(self.tr("The learning curve shows how the model improves with "
                                     "more done documents."), self)
        self.status.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.hide()
        self.start = QPushButton(self.tr("Compute the &Learning Curve"), self)
        self.start.clicked.connect(self.compute)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.summary, self.chart, self.status, self.progress, self.start, close):
            layout.addWidget(widget)
        self.resize(640, 460)

    def compute(self) -> None:
        self.start.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.status.setText(self.tr("Training on growing shares of the done documents…"))
        if not self.compute_curve(self.show_curve, self.show_progress, self.show_error):
            self.show_error(None)

    def show_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def show_curve(self, result) -> None:
        points, pool, held = result
        self.progress.hide()
        self.start.setEnabled(True)
        if not points:
            self.show_error(None)
            return
        self.chart.set_curve(points, self.colours)
        self.status.setText(self.tr("Trained on up to %1 of %2 done documents, scored on %3 "
                                    "held out. Overall F1 at the most: %4.")
                            .replace("%1", str(points[-1].documents)).replace("%2", str(pool))
                            .replace("%3", str(held)).replace("%4", f"{points[-1].f1:.2f}"))

    def show_error(self, error) -> None:
        self.progress.hide()
        self.start.setEnabled(True)
        if error is None:
            self.status.setText(self.tr("A learning curve needs at least %1 done documents "
                                        "with spans.").replace("%1", str(MIN_DOCUMENTS)))
        else:       # the one error handler: logged, shown with details to copy
            crash_report.report_error(error)
            self.status.setText(self.tr("The learning curve could not be computed."))
