"""hanmark split and hanmark merge, as a user runs them."""

import json

from corpus.document import Status
from storage.project import Project
from tests.conftest import new_document, run_hanmark


def lead_project(tmp_path):
    path = tmp_path / "lead.hanmark"
    with Project.create(path) as lead:
        for i in range(10):
            lead.add_document(new_document(f"第{i}篇：平原县委书记王玉东讲话。" * (i + 1), f"{i}.txt"))
    return path


def test_split_then_merge(tmp_path):
    lead = lead_project(tmp_path)
    out = tmp_path / "files"
    args = ("split", str(lead), "-o", str(out), "--annotators", "alice,bob", "--overlap", "0.2",
            "--seed", "3", "--json")
    result = run_hanmark(*args)
    assert result.returncode == 0, result.stderr
    assignment = json.loads(result.stdout)
    assert len(assignment["overlap"]) == 2 and assignment["documents"] == 10
    assert json.loads(run_hanmark(*args, "--force").stdout) == assignment   # reproducible
    refused = run_hanmark(*args)
    assert refused.returncode == 1 and "already exists" in refused.stderr
    assert "Traceback" not in refused.stderr and len(refused.stderr.splitlines()) == 1
    alice = out / "alice.hanmark"
    first = assignment["annotators"]["alice"]["documents"][0]
    with Project.open(alice) as mine:
        mine.add_span(first, 4, 8, "ORG", annotator="alice")
        mine.set_status(first, "alice", Status.DONE)
    merged = run_hanmark("merge", str(lead), str(alice), str(out / "bob.hanmark"))
    assert merged.returncode == 0, merged.stderr
    assert "alice; 6 documents matched; spans +1 ~0 -0; 1 statuses updated" in merged.stdout
    again = json.loads(run_hanmark("merge", str(lead), str(alice), "--json").stdout)
    assert again["files"][0]["spans_added"] == 0 and again["failed"] == []
    with Project.open(lead, readonly=True) as project:
        assert [s.text for s in project.spans(first, "alice")] == ["平原县委"]


def test_merge_names_the_file_that_cannot_be_merged(tmp_path):
    lead = lead_project(tmp_path)
    junk = tmp_path / "junk.hanmark"
    junk.write_bytes(b"not a project at all" * 10)
    result = run_hanmark("merge", str(lead), str(junk), str(tmp_path / "missing.hanmark"))
    assert result.returncode == 1
    assert f"failed  {junk}: {junk}: not a Hanmark project" in result.stdout
    assert "missing.hanmark: no such project file" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
