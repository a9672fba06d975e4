"""Run work off the UI thread and get the result back on it.

``run_task(fn, ...)`` runs ``fn(progress)`` on Qt's thread pool; ``on_done``,
``on_error`` and ``on_progress`` are called on the UI thread (queued signals); without
``on_error`` a failure is shown to the user as an unexpected error (gui/crash_report.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from gui import crash_report

_alive: set["Task"] = set()


class _Relay(QObject):
    progress = Signal(int, int)
    done = Signal(object)
    failed = Signal(object)


class Task(QRunnable):
    def __init__(self, fn: Callable[[Callable[[int, int], None]], Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.fn = fn
        self.relay = _Relay()  # created on the UI thread, so its slots run there

    def run(self) -> None:
        try:
            result = self.fn(self._progress)
        except BaseException as error:  # reported to the UI, never lost in a thread
            self._emit(self.relay.failed, error)
        else:
            self._emit(self.relay.done, result)

    def _progress(self, done: int, total: int) -> None:
        self._emit(self.relay.progress, done, total)

    @staticmethod
    def _emit(signal, *values) -> None:
        try:
            signal.emit(*values)
        except RuntimeError:  # the application quit while the task ran: nobody to tell
            pass


def run_task(fn: Callable[[Callable[[int, int], None]], Any], *,
             on_done: Callable[[Any], None],
             on_error: Callable[[BaseException], None] | None = None,
             on_progress: Callable[[int, int], None] | None = None,
             pool: QThreadPool | None = None) -> Task:
    task = Task(fn)
    _alive.add(task)
    task.relay.done.connect(on_done)
    task.relay.failed.connect(on_error or crash_report.report_error)  # never lost
    task.relay.done.connect(lambda _r: _alive.discard(task))
    task.relay.failed.connect(lambda _e: _alive.discard(task))
    if on_progress is not None:
        task.relay.progress.connect(on_progress)
    (pool or QThreadPool.globalInstance()).start(task)
    return task
