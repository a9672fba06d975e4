"""File → Merge Annotators' Files…: the layers come back and the open document shows them."""

from PySide6.QtWidgets import QFileDialog, QMessageBox

from storage.project import Project
from storage.team.split import SplitOptions, split_project
from tests.conftest import new_document


def test_merging_from_the_file_menu(open_window, tmp_path, qtbot, monkeypatch):
    lead = tmp_path / "lead.hanmark"
    with Project.create(lead) as project:
        project.add_document(new_document("平原县委书记王玉东讲话。", "a.txt"))
        split_project(project, tmp_path / "out", SplitOptions(annotators=("alice",)))
    with Project.open(tmp_path / "out" / "alice.hanmark") as mine:
        mine.add_span(1, 0, 4, "ORG", annotator="alice")
    junk = tmp_path / "junk.hanmark"
    junk.write_bytes(b"junk" * 100)
    window = open_window(lead, annotator="alice")
    assert len(window.session.spans) == 0
    shown = []
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: (
        [str(tmp_path / "out" / "alice.hanmark"), str(junk)], ""))
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    window.actions.merge_files.trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert "alice.hanmark (alice): 1 documents matched; spans added 1" in shown[0]
    assert "junk.hanmark: not merged — " in shown[0] and "not a Hanmark project" in shown[0]
    assert [s.text for s in window.session.spans] == ["平原县委"]
