"""Project → Statistics…: the project's statistics as charts (gui/dialogs/statistics_charts.py),
one tab each; every chart saves as PNG and its numbers as CSV, or all of them into a
folder.  The numbers are read off the UI thread on a read-only connection of its own."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
)

from gui import crash_report, errors
from gui.workers.tasks import run_task
from storage.errors import ProjectError
from storage.project import Project
from storage.views.statistics import statistics


def statistics_of(path: Path) -> tuple[dict, dict[str, str]]:
    """Runs on a worker thread: its own connection, read-only."""
    with Project.open(path, readonly=True) as project:
        return statistics(project), {label.name: label.color for label in project.scheme()}


class StatisticsDialog(QDialog):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.setObjectName("statisticsDialog")
        self.setWindowTitle(self.tr("Statistics"))
        self.resize(1000, 660)
        self.window_ = window
        self.charts: list = []
        self.tabs = QTabWidget(self)
        self.note = QLabel(self.tr("Counting…"), self)
        self.save_png = QPushButton(self.tr("Save Chart as PNG…"), self)
        self.save_csv = QPushButton(self.tr("Save Numbers as CSV…"), self)
        self.save_all = QPushButton(self.tr("Save All to a Folder…"), self)
        self.save_png.clicked.connect(lambda: self._save_current(".png"))
        self.save_csv.clicked.connect(lambda: self._save_current(".csv"))
        self.save_all.clicked.connect(self._save_everything)
        for button in (self.save_png, self.save_csv, self.save_all):
            button.setEnabled(False)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.note, 1)
        for button in (self.save_png, self.save_csv, self.save_all):
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(row)
        layout.addWidget(close)
        path = window.session.project.path
        self.task = run_task(lambda _progress: statistics_of(path), on_done=self._show,
                             on_error=self._failed)

    def _show(self, result) -> None:
        from gui.dialogs.statistics_charts import all_charts   # pyqtgraph: on first use

        stats, colours = result
        self.stats = stats
        self.charts = all_charts(stats, colours)
        for chart in self.charts:
            self.tabs.addTab(chart.widget, chart.title)
        self.note.setText("")
        for button in (self.save_png, self.save_csv, self.save_all):
            button.setEnabled(True)

    def _failed(self, error: BaseException) -> None:
        self.note.setText(self.tr("The statistics could not be read."))
        if isinstance(error, ProjectError):
            errors.show_project_error(self, error)
        else:
            crash_report.report_error(error)

    def current(self):
        index = self.tabs.currentIndex()
        return self.charts[index] if 0 <= index < len(self.charts) else None

    def _save_current(self, suffix: str) -> None:
        chart = self.current()
        if chart is None:
            return
        kind = self.tr("PNG image (*.png)") if suffix == ".png" else self.tr("CSV table (*.csv)")
        name, _filter = QFileDialog.getSaveFileName(self, self.tr("Save"),
                                                    f"{chart.name}{suffix}", kind)
        if name:
            self._write(lambda: (chart.save_png if suffix == ".png" else chart.save_csv)(
                Path(name)), Path(name))

    def _save_everything(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Save All to a Folder"))
        if folder:
            from gui.dialogs.statistics_charts import write_charts

            self._write(lambda: write_charts(self.charts, Path(folder)), Path(folder))

    def _write(self, save, target: Path) -> None:
        try:
            save()
        except OSError as error:
            errors.show_message(self, self.tr("Not Saved"), self.tr(
                "%1 could not be written: %2").replace("%1", str(target)).replace(
                "%2", error.strerror or str(error)))
            return
        self.note.setText(self.tr("Saved %1").replace("%1", str(target)))


def add_statistics_action(window) -> QAction:
    """Project → Statistics…"""
    action = QAction(QCoreApplication.translate("StatisticsDialog", "&Statistics…"), window)
    action.triggered.connect(lambda: open_statistics(window))
    window.actions.project_menu.addAction(action)
    return action


def open_statistics(window) -> StatisticsDialog:
    dialog = StatisticsDialog(window)
    dialog.show()
    window.statistics_dialog = dialog
    return dialog
