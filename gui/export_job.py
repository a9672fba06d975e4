"""File → Export: runs the export in a worker with a progress dialog and cancel."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from gui.tasks import run_task
from storage.errors import ProjectError
from storage.export import ExportCancelled, ExportFailed, ExportResult, export_jsonl


class ExportJob(QObject):
    finished = Signal(object)  # ExportResult
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget, project_path: Path, out_path: Path) -> None:
        super().__init__(parent)
        self.cancel_event = threading.Event()
        self.dialog = QProgressDialog(self.tr("Exporting…"), self.tr("Cancel"), 0, 0, parent)
        self.dialog.setObjectName("exportProgress")
        self.dialog.setWindowTitle(self.tr("Export"))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(0)
        self.dialog.canceled.connect(self.cancel_event.set)
        self.dialog.show()
        self.task = run_task(
            lambda progress: export_jsonl(project_path, out_path, progress=progress,
                                          cancel=self.cancel_event),
            on_done=self._done, on_error=self._error, on_progress=self._progress,
        )

    def _progress(self, done: int, total: int) -> None:
        self.dialog.setMaximum(total)
        self.dialog.setValue(done)
        self.dialog.setLabelText(self.tr("Exporting document %1 of %2…")
                                 .replace("%1", str(done)).replace("%2", str(total)))

    def _done(self, result: ExportResult) -> None:
        self.dialog.reset()
        self.dialog.hide()
        self.finished.emit(result)

    def _error(self, error: BaseException) -> None:
        self.dialog.reset()
        self.dialog.hide()
        if isinstance(error, ExportCancelled):
            self.cancelled.emit()
        elif isinstance(error, (ExportFailed, ProjectError)):
            self.failed.emit(getattr(error, "message", str(error)))
        else:
            self.failed.emit(f"{type(error).__name__}: {error}")
