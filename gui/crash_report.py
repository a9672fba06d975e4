"""An unexpected error reaches the user as a dialog, never only stderr.

``install(log_dir)`` sets ``sys.excepthook`` (exceptions in Qt slots and virtual methods
arrive there) and ``threading.excepthook`` (worker threads: forwarded to the UI thread).
Each error is written to a log file in ``log_dir``; the dialog says what happened and
that the work is saved; the traceback is only behind "Show details" and "Copy details".
"""

from __future__ import annotations

import sys
import threading
import traceback
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (QApplication, QDialog, QDialogButtonBox, QLabel,
                               QPlainTextEdit, QPushButton, QVBoxLayout, QWidget)

_state: dict = {"log_dir": None, "relay": None, "dialogs": []}


class CrashDialog(QDialog):
    def __init__(self, details: str, log_file: Path | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.setWindowTitle(self.tr("Hanmark"))
        self.details = details
        text = self.tr("Something went wrong inside Hanmark, and the last action may not "
                       "have finished.\n\nYour work is saved: every change is stored in the "
                       "project as you make it. You can go on working; if this happens "
                       "again, please send the details to the developers.")
        if log_file is not None:
            text += "\n\n" + self.tr("The details were also written to:\n%1") \
                .replace("%1", str(log_file))
        self.message = QLabel(text)
        self.message.setWordWrap(True)
        self.message.setObjectName("crashMessage")
        self.details_view = QPlainTextEdit(details)
        self.details_view.setReadOnly(True)
        self.details_view.setVisible(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.show_button = QPushButton(self.tr("Show &Details"))
        self.copy_button = QPushButton(self.tr("&Copy Details"))
        for button in (self.show_button, self.copy_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self.show_button.clicked.connect(self.toggle_details)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        for widget in (self.message, self.details_view, buttons):
            layout.addWidget(widget)
        self.resize(520, 0)

    def toggle_details(self) -> None:
        shown = not self.details_view.isVisible()
        self.details_view.setVisible(shown)
        self.show_button.setText(self.tr("Hide &Details") if shown else self.tr("Show &Details"))

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details)


class _Relay(QObject):
    """Carries a worker thread's error to the UI thread."""
    error = Signal(object, object, object)


def write_log(details: str) -> Path | None:
    folder = _state["log_dir"]
    if folder is None:
        return None
    try:
        Path(folder).mkdir(parents=True, exist_ok=True)
        path = Path(folder) / f"error-{datetime.now():%Y%m%d-%H%M%S-%f}.log"
        path.write_text(details, encoding="utf-8")
        return path
    except OSError:
        return None     # a full disk must not turn one error into two


def report(kind, error, tb) -> CrashDialog | None:
    """Log ``error`` and show it to the user (on the UI thread)."""
    details = "".join(traceback.format_exception(kind, error, tb))
    log_file = write_log(details)
    print(f"hanmark: unexpected error: {kind.__name__} (details: {log_file or 'stderr'})",
          file=sys.stderr)
    if log_file is None:
        print(details, file=sys.stderr)
    if QApplication.instance() is None:
        return None
    dialog = CrashDialog(details, log_file, QApplication.activeWindow())
    _state["dialogs"].append(dialog)    # kept alive until closed
    dialog.finished.connect(lambda _r: _state["dialogs"].remove(dialog))
    dialog.open()
    return dialog


def report_error(error: BaseException) -> CrashDialog | None:
    """The default for a background job's failure that nobody else handles."""
    return report(type(error), error, error.__traceback__)


def _excepthook(kind, error, tb) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, tb)
        return
    report(kind, error, tb)


def _thread_hook(args: threading.ExceptHookArgs) -> None:
    relay = _state["relay"]
    if relay is None or args.exc_type is SystemExit:
        threading.__excepthook__(args)
        return
    relay.error.emit(args.exc_type, args.exc_value, args.exc_traceback)


def install(log_dir: Path | None) -> None:
    """Route every uncaught exception to ``report``; call with a QApplication running."""
    _state["log_dir"] = log_dir
    relay = _Relay()
    relay.error.connect(report)     # queued from other threads: runs on the UI thread
    _state["relay"] = relay
    sys.excepthook = _excepthook
    threading.excepthook = _thread_hook
