"""Every kind of broken project a user can hand Hanmark, built fresh in a folder.

Used by tests/cli/test_broken_projects.py; each maker returns the path to pass to a command.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

from storage.project import Project
from tests.conftest import new_document


def _real(path: Path) -> Path:
    with Project.create(path) as project:
        for i in range(30):
            project.add_document(new_document(f"第{i}篇：平原县委书记到德州市审计局调研。" * 20,
                                              f"d{i}.txt"))
        project.add_span(1, 5, 9, "ORG", annotator="broken")
    return path


def random_bytes(folder: Path) -> Path:
    path = folder / "random.hanmark"
    path.write_bytes(os.urandom(8192))
    return path


def zero_bytes(folder: Path) -> Path:
    path = folder / "empty.hanmark"
    path.write_bytes(b"")
    return path


def truncated(folder: Path) -> Path:
    path = _real(folder / "truncated.hanmark")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    return path


def header_only(folder: Path) -> Path:
    path = _real(folder / "header.hanmark")
    path.write_bytes(path.read_bytes()[:100])
    return path


def a_folder(folder: Path) -> Path:
    path = folder / "folder.hanmark"
    path.mkdir()
    return path


def foreign_sqlite(folder: Path) -> Path:
    path = folder / "foreign.hanmark"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE t (x)")
    db.commit()
    db.close()
    return path


def newer(folder: Path) -> Path:
    path = _real(folder / "newer.hanmark")
    db = sqlite3.connect(path)
    db.execute("UPDATE project_info SET value = '999' WHERE key = 'schema_version'")
    db.commit()
    db.close()
    return path


def read_only(folder: Path) -> Path:
    path = _real(folder / "readonly.hanmark")
    path.chmod(stat.S_IRUSR | stat.S_IRGRP)
    return path


KINDS = {
    "random": random_bytes, "zero": zero_bytes, "truncated": truncated,
    "header_only": header_only, "folder": a_folder, "foreign": foreign_sqlite,
    "newer": newer, "read_only": read_only,
}
# These refuse reading as well as writing; a read-only file can still be read.
UNREADABLE = {"random", "zero", "truncated", "header_only", "folder", "foreign", "newer"}
