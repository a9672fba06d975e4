"""Bad input: the user is told what happened and the file is not modified."""

import hashlib
import os
import sqlite3
import stat
import sys

import pytest

from storage.errors import NewerProject, NotAProject, ProjectLocked, ProjectMissing, ProjectReadOnly
from storage import schema
from storage.project import Project


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_missing_file(tmp_path):
    with pytest.raises(ProjectMissing):
        Project.open(tmp_path / "nope.hanmark")
    assert not (tmp_path / "nope.hanmark").exists()


@pytest.mark.parametrize("content", [b"", b"hello, not sqlite", b"\x89PNG\r\n" + bytes(200)])
def test_not_a_project(tmp_path, content):
    path = tmp_path / "x.hanmark"
    path.write_bytes(content)
    with pytest.raises(NotAProject):
        Project.open(path)
    assert path.read_bytes() == content


def test_sqlite_file_of_another_program_is_left_alone(tmp_path):
    path = tmp_path / "other" / "other.db"
    path.parent.mkdir()
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE t (x)")
    conn.close()
    before = digest(path)
    with pytest.raises(NotAProject, match="another program"):
        Project.open(path)
    assert digest(path) == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["other.db"]


def _bump_version(path, version):
    with Project.open(path) as project:
        project.db.execute("UPDATE project_info SET value = ? WHERE key = 'schema_version'",
                           [str(version)])
        project.db.conn.commit()


def test_newer_schema_is_refused_untouched(astral_path):
    _bump_version(astral_path, 99)
    before = digest(astral_path)
    with pytest.raises(NewerProject) as caught:
        Project.open(astral_path)
    assert (caught.value.found, caught.value.supported) == (99, schema.latest_version())
    assert digest(astral_path) == before
    assert not list(astral_path.parent.glob("*backup*"))


def test_unknown_migration_means_newer(astral_path):
    with Project.open(astral_path) as project:
        project.db["_sqlite_migrations"].insert(
            {"migration_set": "hanmark", "name": "m002_from_the_future", "applied_at": "x"})
    with pytest.raises(NewerProject):
        Project.open(astral_path)


def test_locked_by_another_writer(astral_path):
    other = sqlite3.connect(astral_path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(ProjectLocked):
            Project.open(astral_path)
    finally:
        other.execute("ROLLBACK")
        other.close()
    Project.open(astral_path).close()


def test_an_edit_while_locked_reports_locked_and_keeps_nothing(astral_path):
    project = Project.open(astral_path)
    other = sqlite3.connect(astral_path, isolation_level=None, timeout=0.1)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(ProjectLocked):
            project.add_span(1, 0, 3, "LOC", annotator="a")
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert project.spans(1) == []
    project.close()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
def test_read_only_file(astral_path):
    os.chmod(astral_path, stat.S_IRUSR | stat.S_IRGRP)
    before = digest(astral_path)
    try:
        with pytest.raises(ProjectReadOnly):
            Project.open(astral_path)
        with Project.open(astral_path, readonly=True) as project:  # export and stats still work
            assert len(project.document_ids()) == 2
    finally:
        os.chmod(astral_path, stat.S_IRUSR | stat.S_IWUSR)
    assert digest(astral_path) == before


def test_readonly_open_refuses_writes(astral_path):
    with Project.open(astral_path, readonly=True) as project:
        with pytest.raises(Exception):
            project.add_span(1, 0, 3, "LOC", annotator="a")
    with Project.open(astral_path) as project:
        assert project.spans(1) == []


def test_a_full_disk_is_reported_and_nothing_is_half_written(astral_path):
    from tests.conftest import new_document
    from storage.errors import ProjectWriteFailed

    with Project.open(astral_path) as project:
        pages = project.db.execute("PRAGMA page_count").fetchone()[0]
        project.db.execute(f"PRAGMA max_page_count = {pages}")  # SQLite now answers SQLITE_FULL
        big = new_document("德州" * 20000, "big.txt")
        with pytest.raises(ProjectWriteFailed, match="full"):
            project.add_document(big)
        assert len(project.document_ids()) == 2
        project.add_span(1, 4, 8, "ORG", annotator="a")  # small edits still fit
    with Project.open(astral_path) as project:
        assert project.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert [s.text for s in project.spans(1)] == ["平原县委"]
