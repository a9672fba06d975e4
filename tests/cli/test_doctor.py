"""hanmark doctor: healthy exits 0, a damaged project is described in words and exits 1,
and the file is never modified."""

import hashlib
import json
import sqlite3

from storage.project import Project
from tests.conftest import run_hanmark


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_healthy_project(astral_path):
    with Project.open(astral_path) as project:
        project.add_span(1, 4, 8, "ORG", annotator="doc")
    before = digest(astral_path)
    result = run_hanmark("doctor", str(astral_path))
    assert result.returncode == 0, result.stderr
    assert "healthy" in result.stdout
    assert digest(astral_path) == before


def _damage(path):
    """Break the invariants behind the project's back, as a foreign tool might."""
    db = sqlite3.connect(path)
    db.execute("PRAGMA foreign_keys = OFF")
    triggers = db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                          "AND tbl_name = 'spans'").fetchall()
    for (name,) in triggers:
        db.execute(f"DROP TRIGGER {name}")
    db.execute("UPDATE spans SET text = 'X' WHERE id = 1")
    db.execute('UPDATE spans SET "end" = 9999 WHERE id = 2')
    db.execute("UPDATE spans SET label_id = 777 WHERE id = 3")
    db.commit()
    db.close()


def test_damaged_spans_are_reported_in_words_and_as_json(astral_path):
    with Project.open(astral_path) as project:
        for start in (4, 10, 12):
            project.add_span(1, start, start + 2, "ORG", annotator="doc")
    _damage(astral_path)
    before = digest(astral_path)
    result = run_hanmark("doctor", str(astral_path))
    assert result.returncode == 1
    assert "problems found" in result.stdout
    assert "spans whose text differs from text[start:end]" in result.stdout
    assert "spans outside their document's text" in result.stdout
    assert "spans with a label that does not exist" in result.stdout
    report = json.loads(run_hanmark("doctor", str(astral_path), "--json").stdout)
    assert report["healthy"] is False and report["integrity_check"] == ["ok"]
    problems = {p["problem"]: p["examples"] for p in report["problems"]}
    assert problems["spans with a label that does not exist"] == [3]
    assert digest(astral_path) == before
