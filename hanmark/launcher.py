"""Starting the GUI: application, language, project, window; jieba warms up behind it."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from corpus.resources import resource_path
from corpus.text.tokenizer_process import ProcessTokenizer
from gui import crash_report, errors, i18n, project_lock
from gui.dialogs import read_only
from gui.file_open import FileOpenHandler
from gui.main_window import MainWindow
from gui.view.fonts import apply_interface_font
from gui.workers.token_service import TokenService
from hanmark import APP_NAME, ORG_DOMAIN, ORG_NAME, __version__, paths, settings
from storage.errors import ProjectError
from storage.project import Project
from storage.sample import ensure_sample

STARTUP_PROBE = "HANMARK_STARTUP_PROBE"  # benchmarks/startup.py: print when usable, then quit
WARM_UP_DELAY_MS = 200  # let the window paint before jieba competes for the GIL
_started = time.perf_counter()


def application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(ORG_NAME)
    app.setOrganizationDomain(ORG_DOMAIN)
    app.setWindowIcon(QIcon(str(resource_path("icons", "hanmark.png"))))
    apply_interface_font(app)   # Simplified CJK shapes whatever the system locale
    return app


def open_project(path: Path | None) -> Project:
    """The project asked for, or the sample project (built on first use)."""
    if path is None:
        return Project.open(ensure_sample(paths.sample_project_path()))
    return read_only.open_project(None, path)  # a read-only file: offer to open it so


def token_service(window: MainWindow, service: TokenService, then=lambda: None) -> None:
    """Start jieba behind the window; the status bar says when words are ready."""
    def ready(ok: bool, detail: str) -> None:
        window.set_tokenizer_ready(ok, detail)
        session = window.session
        if ok and session is not None and session.document is not None:
            service.request(session.document.id, session.document.text)
        then()  # last: the startup probe quits here, which closes the window

    service.ready.connect(ready)
    service.start()


def remember(user: settings.Settings, **changes) -> None:
    for key, value in changes.items():
        setattr(user, key, value)
    try:
        settings.save(user)
    except OSError as error:  # the change still applies to this session
        print(f"hanmark: could not save settings: {error}", file=sys.stderr)


def launch(args: argparse.Namespace) -> int:
    user = settings.load()
    app = application()
    crash_report.install(paths.log_dir())   # an error in a slot reaches the user as a dialog
    i18n.install(app, i18n.choose_language(args.lang or user.lang))
    probe = os.environ.get(STARTUP_PROBE, "")   # a measuring run: nobody to click anything
    try:
        project = open_project(args.project)
    except ProjectError as error:
        print(f"hanmark: error: {error.message}. {error.hint}", file=sys.stderr)
        if not probe:
            errors.show_project_error(None, error)
        return 1
    lock = project_lock.claim(None, project.path, ask=not probe)
    if lock is None:            # open in another window, and the user chose that one
        project.close()
        return 0
    window, service = main_window(app, project, args, user)
    window.hold_lock(lock)
    window.show()
    stalls = StallMeter() if probe == "stall" else None
    finish = (lambda: stalls.report(app)) if stalls else (lambda: None)
    QTimer.singleShot(WARM_UP_DELAY_MS, window,   # with the window: never after it is gone
                      lambda: token_service(window, service, then=finish))
    if probe:
        QTimer.singleShot(0, lambda: _report_ready(app, quit_now=stalls is None))
    return app.exec()


def main_window(app: QApplication, project: Project, args: argparse.Namespace,
                user) -> tuple[MainWindow, TokenService]:
    """The window on ``project``, with jieba in its own process behind it."""
    tokenizer = ProcessTokenizer(paths.cache_dir() / "jieba")
    app.aboutToQuit.connect(tokenizer.close)
    service = TokenService(tokenizer)
    # A file made by `hanmark split` is one annotator's: the window edits that layer.
    annotator = args.annotator or project.info().get("annotator") or user.effective_annotator()
    window = MainWindow(project, annotator, user.font_size,
                        state_file=paths.config_dir() / "window.ini", tokens=service,
                        model_cache=paths.cache_dir())
    service.setParent(window)
    app.installEventFilter(FileOpenHandler(window))  # macOS: a project double-clicked
    window.annotatorChanged.connect(lambda name: remember(user, annotator=name))
    window.fontSizeChanged.connect(lambda size: remember(user, font_size=size))
    return window, service


def _report_ready(app: QApplication, quit_now: bool) -> None:
    print(f"window-ready {(time.perf_counter() - _started) * 1000:.1f}", flush=True)
    if quit_now:
        app.quit()


class StallMeter:
    """For benchmarks/startup.py: the longest the event loop went unserved while
    the tokenizer warmed up (a 5 ms timer that should fire every 5 ms)."""

    def __init__(self) -> None:
        self.longest = 0.0
        self.last = time.perf_counter()
        self.timer = QTimer()
        self.timer.timeout.connect(self._tick)
        self.timer.start(5)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, (now - self.last) * 1000)
        self.last = now

    def report(self, app: QApplication) -> None:
        self.timer.stop()
        print(f"stall-max {self.longest:.1f}", flush=True)
        app.quit()
