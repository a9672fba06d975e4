"""A read-only project file: the window offers to open it read-only, then refuses edits
politely (a status-bar line, no dialog per keystroke) and never touches the file."""

import hashlib
import stat

import pytest

from gui.dialogs import read_only
from storage.errors import ProjectReadOnly


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def read_only_path(astral_path):
    astral_path.chmod(stat.S_IRUSR | stat.S_IRGRP)
    yield astral_path
    astral_path.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_accepting_the_offer_opens_it_read_only_and_edits_are_refused(
        open_window, astral_path, read_only_path, monkeypatch):
    window = open_window(_writable_copy(astral_path))
    monkeypatch.setattr(read_only, "ANSWER", True)
    before = digest(read_only_path)
    assert window.files.open(read_only_path)
    session = window.session
    assert session.project.readonly and "(read-only)" in window.windowTitle()
    session.open_document(1)
    session.apply_label("ORG", (4, 8))
    assert "read-only" in window.statusBar().currentMessage()
    assert window.reported == []          # no modal dialog for a refused edit
    assert session.project.spans(1) == []
    assert digest(read_only_path) == before


def test_declining_the_offer_explains_and_keeps_the_current_project(
        open_window, astral_path, read_only_path, monkeypatch):
    window = open_window(_writable_copy(astral_path))
    current = window.session.project
    monkeypatch.setattr(read_only, "ANSWER", False)
    assert not window.files.open(read_only_path)
    assert window.session.project is current
    assert [type(e) for e in window.reported] == [ProjectReadOnly]


def _writable_copy(path):
    import shutil

    copy = path.with_name("writable.hanmark")
    shutil.copy(path, copy)
    copy.chmod(stat.S_IRUSR | stat.S_IWUSR)
    return copy
