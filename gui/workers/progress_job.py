"""Long work (import, export) in a worker with a progress dialog and a Cancel button."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QMetaMethod, QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from gui import crash_report
from gui.workers.tasks import run_task

Work = Callable[[Callable[[int, int], None], threading.Event], Any]


class ProgressJob(QObject):
    """Runs ``work(progress, cancel)``; ``finished`` carries its result, ``failed`` the error."""

    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, parent: QWidget, title: str, step_text: str, work: Work) -> None:
        super().__init__(parent)
        self.step_text = step_text  # "… %1 of %2 …"
        self.cancel_event = threading.Event()
        self.dialog = QProgressDialog(title + "…", self.tr("Cancel"), 0, 0, parent)
        self.dialog.setObjectName("progressDialog")
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(0)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancel_event.set)
        self.dialog.show()
        self.task = run_task(lambda progress: work(progress, self.cancel_event),
                             on_done=self._done, on_error=self._error,
                             on_progress=self._progress)

    def _progress(self, done: int, total: int) -> None:
        self.dialog.setMaximum(total)
        self.dialog.setValue(done)
        self.dialog.setLabelText(self.step_text.replace("%1", str(done))
                                 .replace("%2", str(total)))

    def _close(self) -> None:
        self.dialog.canceled.disconnect(self.cancel_event.set)
        self.dialog.close()

    def _done(self, result: Any) -> None:
        self._close()
        self.finished.emit(result)

    def _error(self, error: BaseException) -> None:
        self._close()
        if self.isSignalConnected(QMetaMethod.fromSignal(self.failed)):
            self.failed.emit(error)
        else:   # nobody handles it: the user still hears that the job failed
            crash_report.report_error(error)
