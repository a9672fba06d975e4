"""An unexpected error in a slot, a worker thread or a background job reaches the user as a
dialog (plain words, the traceback only behind Show/Copy Details) and a log file."""

import sys
import threading

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from gui import crash_report
from gui.workers.progress_job import ProgressJob
from gui.workers.tasks import run_task

SECRET = "internal detail xyz-42"


class _Emitter(QObject):
    fired = Signal()


@pytest.fixture
def hook(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    monkeypatch.setitem(crash_report._state, "dialogs", [])
    crash_report.install(tmp_path / "logs")
    yield tmp_path / "logs"


def _fail(*_args):
    raise ValueError(SECRET)


def _shown(qtbot):
    qtbot.waitUntil(lambda: bool(crash_report._state["dialogs"]))
    return crash_report._state["dialogs"][-1]


def _check(dialog, logs):
    assert SECRET not in dialog.message.text()       # the user reads plain words
    assert "saved" in dialog.message.text()
    assert not dialog.details_view.isVisible()
    assert "ValueError" in dialog.details and SECRET in dialog.details
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == dialog.details
    assert dialog.isVisible()                        # copying does not close it
    dialog.show_button.click()
    assert dialog.details_view.isVisible()
    (log,) = logs.glob("error-*.log")
    assert SECRET in log.read_text(encoding="utf-8") and str(log) in dialog.message.text()
    dialog.accept()


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_qt_slot_shows_the_error_dialog(qtbot, hook):
    emitter = _Emitter()
    emitter.fired.connect(_fail)
    emitter.fired.emit()
    _check(_shown(qtbot), hook)


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_worker_thread_shows_the_error_dialog(qtbot, hook):
    thread = threading.Thread(target=_fail)
    thread.start()
    thread.join()
    _check(_shown(qtbot), hook)


@pytest.mark.qt_no_exception_capture
def test_a_background_task_without_an_error_handler_still_tells_the_user(qtbot, hook):
    run_task(_fail, on_done=lambda _r: None)
    _check(_shown(qtbot), hook)


@pytest.mark.qt_no_exception_capture
def test_a_progress_job_whose_failure_nobody_connected_shows_a_dialog(qtbot, hook):
    parent = QWidget()
    qtbot.addWidget(parent)
    ProgressJob(parent, "Import", "%1 of %2", lambda progress, cancel: _fail())
    _check(_shown(qtbot), hook)


def test_a_connected_progress_job_failure_goes_to_its_handler(qtbot, hook):
    parent = QWidget()
    qtbot.addWidget(parent)
    job = ProgressJob(parent, "Import", "%1 of %2", lambda progress, cancel: _fail())
    with qtbot.waitSignal(job.failed) as blocker:
        pass
    assert isinstance(blocker.args[0], ValueError)
    assert crash_report._state["dialogs"] == []
