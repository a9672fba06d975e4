import sqlite3
from argparse import Namespace

from PySide6.QtGui import QColor

from corpus.labels import LabelScheme
from hanmark import launcher
from storage.errors import NotAProject, ProjectLocked


def test_a_failed_edit_is_reported_and_leaves_no_command(open_window, astral_path, qtbot):
    window = open_window(astral_path)
    other = sqlite3.connect(astral_path, isolation_level=None, timeout=0.1)
    other.execute("BEGIN IMMEDIATE")
    try:
        window.session.apply_label("LOC", (4, 7))
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert any(isinstance(e, ProjectLocked) for e in window.reported)
    assert window.session.undo_stack.count() == 0
    assert len(window.session.spans) == 0
    window.session.apply_label("LOC", (4, 7))  # works again once the lock is gone
    assert len(window.session.spans) == 1


def test_opening_a_non_project_keeps_the_current_one(open_window, astral_path, tmp_path):
    window = open_window(astral_path)
    bogus = tmp_path / "notes.hanmark"
    bogus.write_text("not a project")
    assert window.open_project_file(bogus) is False
    assert isinstance(window.reported[-1], NotAProject)
    assert window.session.project.path == astral_path
    assert bogus.read_text() == "not a project"


def test_launcher_refuses_a_bad_project_with_a_message(tmp_path, monkeypatch, qapp, capsys):
    shown = []
    monkeypatch.setattr("gui.errors.show_project_error", lambda parent, error: shown.append(error))
    bogus = tmp_path / "x.hanmark"
    bogus.write_bytes(b"garbage")
    code = launcher.launch(Namespace(project=bogus, lang="en", annotator=None))
    assert code == 1
    assert isinstance(shown[0], NotAProject)
    assert "not a Hanmark project" in capsys.readouterr().err


def test_launcher_opens_the_sample_project_without_argument(hermetic_home, qapp):
    from hanmark import paths

    project = launcher.open_project(None)
    try:
        assert project.path == paths.sample_project_path()
        assert project.path.is_relative_to(hermetic_home)
        assert len(project.document_ids()) == 5
    finally:
        project.close()


def test_the_view_renders_text_and_span_colours(open_window, sample_path, qtbot):
    window = open_window(sample_path)
    window.resize(1200, 800)
    text = window.session.document.text
    start = text.index("平原县委")
    window.session.apply_label("ORG", (start, start + 4))
    window.session.select_span(None)
    qtbot.wait(1)  # let the repaint happen (event loop turn, not wall-clock sleeping)
    image = window.view.viewport().grab().toImage()
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 3)
               for y in range(0, image.height(), 3)}
    assert len(colours) > 10  # text was drawn, not a blank page
    org = QColor(LabelScheme.default().get("ORG").color)
    tint = window.view.highlighter._formats["ORG"].background().color()
    assert tint.name() in colours, "the ORG span's background is on screen"
    assert org.name() != tint.name()
