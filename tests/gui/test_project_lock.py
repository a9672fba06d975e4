"""One window per project: a second Hanmark asks before opening a project that is open,
a crashed one leaves nothing in the way, and closing or switching lets go."""

import os
import subprocess
import sys

from PySide6.QtWidgets import QMessageBox

from gui import project_lock
from gui.project_lock import ProjectLock, lock_path
from storage.project import Project
from tests.conftest import new_document


def make_project(path):
    with Project.create(path) as project:
        project.add_document(new_document("德州市审计局召开会议。", "a.txt"))
    return path


def answer(monkeypatch, button):
    asked = []

    def question(parent, title, text, *args):
        asked.append(text)
        return button
    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def test_a_project_open_elsewhere_is_opened_only_if_the_user_says_so(open_window, tmp_path,
                                                                     monkeypatch):
    first, second = make_project(tmp_path / "a.hanmark"), make_project(tmp_path / "b.hanmark")
    window = open_window(first)
    other = ProjectLock(second)            # another Hanmark window has b open
    assert other.acquire()
    asked = answer(monkeypatch, QMessageBox.StandardButton.Cancel)
    assert not window.files.open(second)
    assert window.session.project.path == first and "b.hanmark" in asked[0]
    assert f"process {os.getpid()}" in asked[0]          # who holds it
    answer(monkeypatch, QMessageBox.StandardButton.Open)
    assert window.files.open(second)
    assert window.session.project.path == second
    other.release()


def test_the_window_holds_its_project_and_lets_go_on_switch_and_close(open_window, tmp_path,
                                                                      monkeypatch):
    first, second = make_project(tmp_path / "a.hanmark"), make_project(tmp_path / "b.hanmark")
    window = open_window(first)
    assert window.files.open(first)                 # this window's own project: no question
    answer(monkeypatch, QMessageBox.StandardButton.Cancel)
    assert window.files.open(second)                # nobody else holds it
    assert not ProjectLock(second).acquire()        # held by the window now
    assert ProjectLock(first).acquire()             # and the first let go
    window.close()
    assert ProjectLock(second).acquire()


def test_a_lock_left_by_a_crashed_process_does_not_stand_in_the_way(tmp_path, monkeypatch):
    project = make_project(tmp_path / "a.hanmark")
    crash = ("from PySide6.QtCore import QLockFile; import os, sys; "
             "lock = QLockFile(sys.argv[1]); lock.setStaleLockTime(0); "
             "assert lock.tryLock(0); os._exit(0)")
    subprocess.run([sys.executable, "-c", crash, str(lock_path(project.resolve()))], check=True)
    assert lock_path(project.resolve()).exists()    # left behind
    monkeypatch.setattr(QMessageBox, "question", lambda *a: (_ for _ in ()).throw(
        AssertionError("asked about a dead process's lock")))
    lock = project_lock.claim(None, project)
    assert lock is not None and not ProjectLock(project).acquire()
    lock.release()


def test_a_project_double_clicked_on_macos_opens_in_the_window(open_window, tmp_path):
    from PySide6.QtGui import QFileOpenEvent
    from PySide6.QtWidgets import QApplication

    from gui.file_open import FileOpenHandler

    first, second = make_project(tmp_path / "a.hanmark"), make_project(tmp_path / "b.hanmark")
    window = open_window(first)
    app = QApplication.instance()
    handler = FileOpenHandler(window)
    app.installEventFilter(handler)
    try:
        QApplication.sendEvent(app, QFileOpenEvent(str(second)))
        assert window.session.project.path == second
        QApplication.sendEvent(app, QFileOpenEvent(str(tmp_path / "article.txt")))
        assert window.session.project.path == second
        assert "article.txt" in window.statusBar().currentMessage()
    finally:
        app.removeEventFilter(handler)
