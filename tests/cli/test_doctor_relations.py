"""hanmark doctor checks relations, as a user runs it: ends that point at missing spans,
self links, links across documents or layers, relations filed under another layer, unknown
types and types that no longer allow their labels; ``--fix`` repairs all but the last,
after a copy, and the report says what it did."""

import hashlib
import json
import sqlite3

from storage.project import Project
from tests.conftest import new_document, run_hanmark

TEXT = "平原县委书记王玉东讲话。"


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def relations(path):
    conn = sqlite3.connect(path)
    rows = conn.execute("SELECT id, document_id, from_span_id, to_span_id, type, annotator "
                        "FROM relations ORDER BY id").fetchall()
    conn.close()
    return rows


def damaged(tmp_path):
    """One good relation (1) and one of each problem, as a foreign tool might leave them."""
    path = tmp_path / "d.hanmark"
    with Project.create(path) as project:
        project.add_document(new_document(TEXT, "a.txt"))
        project.add_document(new_document(TEXT + "\n第二篇。", "b.txt"))
        post = project.add_span(1, 2, 6, "POST", annotator="alice").id     # 1
        per = project.add_span(1, 6, 9, "PER", annotator="alice").id       # 2
        org = project.add_span(1, 0, 4, "ORG", annotator="alice").id       # 3
        other_doc = project.add_span(2, 2, 6, "POST", annotator="alice").id  # 4
        bobs = project.add_span(1, 2, 6, "POST", annotator="bob").id       # 5
        project.add_relation(per, post, "HOLDS")
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = OFF")
    rows = [(1, per, 9999, "HOLDS", "alice"),          # 2: an end that does not exist
            (1, per, per, "HOLDS", "alice"),           # 3: a span to itself
            (1, per, other_doc, "HOLDS", "alice"),     # 4: two documents
            (1, per, bobs, "HOLDS", "alice"),          # 5: two layers
            (2, per, post, "HOLDS", "bob"),            # 6: filed under doc 2 and bob
            (1, org, post, "CAUSES", "alice"),         # 7: a type the scheme lacks
            (1, per, org, "HOLDS", "alice")]           # 8: HOLDS does not allow PER → ORG
    conn.executemany("INSERT INTO relations (document_id, from_span_id, to_span_id, type, "
                     "annotator) VALUES (?, ?, ?, ?, ?)", rows)
    conn.commit()
    conn.close()
    return path


def test_doctor_reports_each_relation_problem_and_changes_nothing(tmp_path):
    path = damaged(tmp_path)
    before = digest(path)
    result = run_hanmark("doctor", str(path))
    assert result.returncode == 1 and result.stderr == ""
    lines = result.stdout.splitlines()
    for line in ("1 relations whose span at one end does not exist (relation ids 2; --fix: "
                 "deleted)",
                 "1 relations from a span to itself (relation ids 3; --fix: deleted)",
                 "1 relations between spans of different documents (relation ids 4; --fix: "
                 "deleted)",
                 "1 relations between spans of different annotators (relation ids 5; --fix: "
                 "deleted)",
                 "1 relations filed under another document or annotator than their spans "
                 "(relation ids 6; --fix: filed under their spans' document and annotator)",
                 "1 relations of a type the scheme does not have (relation ids 7; --fix: "
                 "their types added to the scheme)",
                 "1 relations whose type does not allow their labels (relation ids 8)"):
        assert f"  {line}" in lines
    report = json.loads(run_hanmark("doctor", str(path), "--json").stdout)
    problems = {p["problem"]: (p["of"], p["examples"]) for p in report["problems"]}
    assert problems["relations whose type does not allow their labels"] == ("relation", [8])
    assert digest(path) == before                # never written without --fix


def test_fix_repairs_what_it_can_after_a_copy_and_leaves_the_choice(tmp_path):
    path = damaged(tmp_path)
    result = run_hanmark("doctor", str(path), "--fix")
    assert result.returncode == 1, result.stderr     # the disallowed pair is still there
    backup = tmp_path / "d.doctor-backup.hanmark"
    assert result.stdout.splitlines()[:8] == [
        "fixed 1 relations of a type the scheme does not have: their types added to the "
        "scheme",
        "fixed 1 relations whose span at one end does not exist: deleted",
        "fixed 1 relations from a span to itself: deleted",
        "fixed 1 relations between spans of different documents: deleted",
        "fixed 1 relations between spans of different annotators: deleted",
        "fixed 1 relations filed under another document or annotator than their spans: "
        "filed under their spans' document and annotator",
        f"the project as it was is kept in {backup}",
        f"{path}: problems found"]
    assert "relations whose type does not allow their labels (relation ids 8)" in result.stdout
    assert [r[0] for r in relations(path)] == [1, 6, 7, 8]
    assert relations(path)[1] == (6, 1, 2, 1, "HOLDS", "alice")
    assert len(relations(backup)) == 8               # the file as it was
    with Project.open(path, readonly=True) as project:
        assert project.relation_type("CAUSES").pairs == ()
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("DELETE FROM relations WHERE id = 8")   # the team's choice
    conn.close()
    healthy = run_hanmark("doctor", str(path), "--fix", "--json")
    assert healthy.returncode == 0, healthy.stdout
    report = json.loads(healthy.stdout)
    assert report["healthy"] and report["fixed"] == [] and report["backup"] is None


def test_fix_of_a_healthy_project_writes_nothing(tmp_path, astral_path):
    before = digest(astral_path)
    result = run_hanmark("doctor", str(astral_path), "--fix")
    assert result.returncode == 0
    assert result.stdout.splitlines()[0] == "nothing to fix"
    assert digest(astral_path) == before
    assert not (tmp_path / "astral.doctor-backup.hanmark").exists()
