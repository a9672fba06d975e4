"""The window as a user starts it: `hanmark [PROJECT]` through the real CLI and launcher
(isolated HOME and settings), File-menu actions answered by the test as a user answers their
dialogs, and what the window saves when it quits."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from hanmark import cli, launcher, paths

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture
def launched(hermetic_home, qtbot, monkeypatch):
    """``launch(*argv)``: runs ``hanmark *argv``; returns the window once it is shown.
    The event loop is the test's (qtbot), not ``app.exec()``."""
    made = []
    real_main_window = launcher.main_window

    def keep(*args, **kwargs):
        window, service = real_main_window(*args, **kwargs)
        made.append((window, service))
        return window, service

    monkeypatch.setattr(launcher, "main_window", keep)
    monkeypatch.setattr(QApplication, "exec", lambda *_args: 0)
    monkeypatch.setattr(launcher, "WARM_UP_DELAY_MS", 10**7)   # jieba: tested elsewhere
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[1:3])
                        or QMessageBox.StandardButton.Open)

    def launch(*argv):
        assert cli.main(list(argv)) == 0
        window, _service = made[-1]
        qtbot.addWidget(window)
        qtbot.waitExposed(window)
        _activate(qtbot, window)
        window.asked = asked
        return window

    yield launch
    for window, service in made:
        window.close()
        service.tokenizer.close()


def _activate(qtbot, window):
    window.activateWindow()     # as a user's click would: the hotkeys need it
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.view.setFocus()


def _answer(monkeypatch, name, value):
    monkeypatch.setattr(QFileDialog, name, lambda *a, **k: value)


def test_first_start_opens_the_sample_project_from_the_data_folder(launched):
    window = launched("--lang", "en", "--annotator", "alice")
    assert window.session.project.path == paths.sample_project_path()
    assert window.session.document is not None and window.session.annotator == "alice"
    assert window.windowTitle().endswith(paths.SAMPLE_NAME)


def test_new_project_import_annotate_done_and_quit(launched, monkeypatch, qtbot, tmp_path):
    window = launched("--lang", "en", "--annotator", "alice")
    new = tmp_path / "work" / "news"
    new.parent.mkdir()
    _answer(monkeypatch, "getSaveFileName", (str(new), ""))
    window.actions.new_project.trigger()              # File → New Project…
    assert window.session.project.path == new.with_suffix(".hanmark")
    assert window.session.document is None

    seeds = sorted(SEEDS.glob("*.txt"))[:3]
    _answer(monkeypatch, "getOpenFileNames", ([str(p) for p in seeds], ""))
    window.actions.import_files.trigger()             # File → Import Articles…
    qtbot.waitUntil(lambda: getattr(window, "import_report", None) is not None, timeout=30000)
    window.import_report.accept()
    _activate(qtbot, window)
    assert len(window.document_list.model_.rows) == 3
    first = window.session.document
    assert first is not None

    window.view.select_range(0, 2)
    window.label_actions()["ORG"].trigger()
    window.view.setFocus()
    assert [(s.start, s.end, s.label) for s in window.session.spans] == [(0, 2, "ORG")]
    qtbot.keyClick(window.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.session.document.id != first.id     # Ctrl+Enter: done, on to the next
    assert window.session.project.status(first.id, "alice").value == "done"

    window.actions.quit.trigger()                     # File → Quit
    assert (paths.config_dir() / "window.ini").is_file()
    again = launched(str(new.with_suffix(".hanmark")), "--lang", "en", "--annotator", "alice")
    assert again.session.project.path == new.with_suffix(".hanmark")
    assert again.session.document.id != first.id      # the first not-done document


def test_open_project_refuses_a_bad_file_and_keeps_the_current_one(launched, monkeypatch,
                                                                   tmp_path):
    window = launched("--lang", "en")
    shown = window.session.project.path
    bogus = tmp_path / "bogus.hanmark"
    bogus.write_text("not sqlite", encoding="utf-8")
    reported = []
    monkeypatch.setattr("gui.errors.show_project_error", lambda parent, e: reported.append(e))
    _answer(monkeypatch, "getOpenFileName", (str(bogus), ""))
    window.actions.open_project.trigger()             # File → Open Project…
    assert [e.code for e in reported] == ["not_a_project"]
    assert window.session.project.path == shown
