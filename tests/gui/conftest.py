import pytest
from PySide6.QtWidgets import QApplication

from gui.main_window import MainWindow
from storage.project import Project


@pytest.fixture
def open_window(qtbot, monkeypatch):
    """Open a project in the real main window, shown and active (so hotkeys work)."""
    reported = []
    monkeypatch.setattr("gui.errors.show_project_error",
                        lambda parent, error: reported.append(error))
    monkeypatch.setattr("gui.errors.show_message",
                        lambda parent, title, text, error=True: reported.append(text))
    windows = []

    def make(path, annotator="tester"):
        window = MainWindow(Project.open(path), annotator)
        window.reported = reported
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        window.view.setFocus()
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()
