"""Starting the GUI: application, language, project, window; jieba warms up behind it."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from corpus.tokenizer import Tokenizer
from gui import errors, i18n
from gui.main_window import MainWindow
from gui.tasks import run_task
from hanmark import APP_NAME, ORG_DOMAIN, ORG_NAME, __version__, paths, settings
from storage.errors import ProjectError
from storage.project import Project
from storage.sample import ensure_sample

STARTUP_PROBE = "HANMARK_STARTUP_PROBE"  # benchmarks/startup.py: print when usable, then quit
_started = time.perf_counter()


def application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(ORG_NAME)
    app.setOrganizationDomain(ORG_DOMAIN)
    return app


def open_project(path: Path | None) -> Project:
    """The project asked for, or the sample project (built on first use)."""
    return Project.open(path if path is not None else ensure_sample(paths.sample_project_path()))


def warm_up_tokenizer(window: MainWindow) -> Tokenizer:
    tokenizer = Tokenizer(paths.cache_dir() / "jieba")
    run_task(lambda _progress: tokenizer.initialize(),
             on_done=lambda _t: window.set_tokenizer_ready(True),
             on_error=lambda e: window.set_tokenizer_ready(False, str(e)))
    return tokenizer


def remember_annotator(user: settings.Settings, name: str) -> None:
    user.annotator = name
    try:
        settings.save(user)
    except OSError as error:  # the name still applies to this session
        print(f"hanmark: could not save settings: {error}", file=sys.stderr)


def launch(args: argparse.Namespace) -> int:
    user = settings.load()
    app = application()
    i18n.install(app, i18n.choose_language(args.lang or user.lang))
    try:
        project = open_project(args.project)
    except ProjectError as error:
        print(f"hanmark: error: {error.message}. {error.hint}", file=sys.stderr)
        if not os.environ.get(STARTUP_PROBE):  # a measuring run has nobody to click OK
            errors.show_project_error(None, error)
        return 1
    window = MainWindow(project, args.annotator or user.effective_annotator(), user.font_size,
                        state_file=paths.config_dir() / "window.ini")
    window.annotatorChanged.connect(lambda name: remember_annotator(user, name))
    window.show()
    window.tokenizer = warm_up_tokenizer(window)
    if os.environ.get(STARTUP_PROBE):
        QTimer.singleShot(0, lambda: _report_ready(app))
    return app.exec()


def _report_ready(app: QApplication) -> None:
    print(f"window-ready {(time.perf_counter() - _started) * 1000:.1f}", flush=True)
    app.quit()
