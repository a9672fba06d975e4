"""Every command on every kind of broken project: one line on stderr, a non-zero exit,
no traceback or SQLite text, and the file byte-for-byte as it was."""

import hashlib
import subprocess
import sqlite3
import sys

import pytest

from tests import broken_projects
from tests.conftest import run_hanmark

READING = {
    "stats": lambda p, out: ["stats", p],
    "export": lambda p, out: ["export", p, "-o", str(out / "out.jsonl")],
    "doctor": lambda p, out: ["doctor", p],
    "labels list": lambda p, out: ["labels", p, "list", "--json"],
    "labels export": lambda p, out: ["labels", p, "export", str(out / "scheme.json")],
}
WRITING = {
    "import": lambda p, out: ["import", p, str(out / "new.txt")],
    "suggest": lambda p, out: ["suggest", p, "--suggesters", "metrics", "--apply"],
    "labels rename": lambda p, out: ["labels", p, "rename", "ORG", "ORGANISATION"],
}
INTERNAL = ("Traceback", "sqlite3.", "Error:", "database disk image", "file is not a database",
            "malformed", "errno", "Errno")
EXPECTED = {  # the words that say which kind of trouble it is
    "random": "not a Hanmark project", "zero": "not a Hanmark project",
    "truncated": "damaged", "header_only": "damaged", "folder": "folder",
    "foreign": "another program", "newer": "newer Hanmark", "read_only": "read-only",
}


def fingerprint(path):
    if path.is_dir():
        return sorted(p.name for p in path.iterdir())
    return hashlib.sha256(path.read_bytes()).hexdigest()


def folder_listing(path):
    return sorted(p.name for p in path.parent.iterdir())


def assert_one_line_refusal(result, words):
    assert result.returncode != 0, result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("hanmark: error: ")
    assert words in lines[0], lines[0]
    for text in INTERNAL:
        assert text not in result.stderr + result.stdout


@pytest.fixture
def out(tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "new.txt").write_text("新华社北京电 平原县委召开会议。", encoding="utf-8")
    return folder


def _commands(kind):
    chosen = dict(WRITING)
    if kind in broken_projects.UNREADABLE:
        chosen.update(READING)
    return sorted(chosen.items())


@pytest.mark.parametrize("kind,command", [
    (kind, name) for kind in broken_projects.KINDS for name, _ in _commands(kind)])
def test_every_command_refuses_a_broken_project_in_one_line(tmp_path, out, kind, command):
    project_folder = tmp_path / "projects"
    project_folder.mkdir()
    path = broken_projects.KINDS[kind](project_folder)
    before, listing = fingerprint(path), folder_listing(path)
    args = dict(_commands(kind))[command](str(path), out)
    assert_one_line_refusal(run_hanmark(*args), EXPECTED[kind])
    assert fingerprint(path) == before
    assert folder_listing(path) == listing  # no -wal, -shm or backup left beside it


@pytest.mark.parametrize("command", sorted(READING))
def test_a_read_only_project_can_still_be_read(tmp_path, out, command):
    path = broken_projects.read_only(tmp_path)
    before = fingerprint(path)
    result = run_hanmark(*READING[command](str(path), out))
    assert result.returncode == 0, result.stderr
    assert fingerprint(path) == before


@pytest.mark.parametrize("command", sorted(WRITING))
def test_a_locked_project_is_explained_after_a_bounded_wait(tmp_path, out, command):
    path = broken_projects._real(tmp_path / "locked.hanmark")
    holder = sqlite3.connect(path)
    holder.execute("BEGIN IMMEDIATE")  # another program's write transaction
    try:
        before = fingerprint(path)
        result = run_hanmark(*WRITING[command](str(path), out))
        assert_one_line_refusal(result, "locked by another program")
        assert fingerprint(path) == before
    finally:
        holder.rollback()
        holder.close()


def test_an_unexpected_failure_is_one_line_and_a_logged_traceback(monkeypatch, capsys):
    """The catch-all in main(): a bug still reaches the user as one line, exit 1."""
    from hanmark import cli, cli_project

    def broken(args):
        raise RuntimeError("internal detail the user must not see")

    monkeypatch.setattr(cli_project, "run_stats", broken)
    assert cli.main(["stats", "whatever.hanmark"]) == 1
    captured = capsys.readouterr()
    line = captured.err.strip()
    assert line.startswith("hanmark: error: ") and "\n" not in line
    assert "internal detail" not in captured.err + captured.out
    log = line.split("details in ")[1].rstrip(")")
    logged = open(log, encoding="utf-8").read()
    assert "Traceback" in logged and "internal detail the user must not see" in logged


def test_a_command_imports_only_its_own_module():
    """`hanmark stats` does not pay for the agreement statistics or cn2an (checks) at start."""
    code = ("import sys; from hanmark.cli import command_parser; command_parser('stats'); "
            "print(sorted(m for m in ('cn2an', 'corpus.team.agreement', "
            "'hanmark.cli_check', 'hanmark.cli_agreement') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"
