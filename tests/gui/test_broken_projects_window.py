"""Opening each kind of broken project the way the window does (hanmark/launcher's open
path): a ProjectError whose dialog text names the trouble, no internal text, and the
file unchanged."""

import hashlib

import pytest

from gui import errors
from gui.dialogs import read_only
from hanmark import launcher
from storage.errors import ProjectError
from tests import broken_projects

INTERNAL = ("Traceback", "sqlite3", "malformed", "file is not a database", "Errno")


def fingerprint(path):
    if path.is_dir():
        return sorted(p.name for p in path.iterdir())
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("kind", sorted(broken_projects.KINDS))
def test_the_window_open_path_explains_each_broken_project(qapp, tmp_path, monkeypatch, kind):
    monkeypatch.setattr(read_only, "ANSWER", False)  # the user declines read-only
    path = broken_projects.KINDS[kind](tmp_path)
    before, listing = fingerprint(path), sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(ProjectError) as caught:
        launcher.open_project(path)
    what, hint = errors.explain(caught.value)
    assert str(path) in what and hint
    for text in INTERNAL:
        assert text not in what + hint
    assert fingerprint(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == listing


def test_a_read_only_project_opens_read_only_when_the_user_accepts(qapp, tmp_path,
                                                                   monkeypatch):
    monkeypatch.setattr(read_only, "ANSWER", True)
    path = broken_projects.read_only(tmp_path)
    before = fingerprint(path)
    project = launcher.open_project(path)
    try:
        assert project.readonly and project.document_ids()
    finally:
        project.close()
    assert fingerprint(path) == before
