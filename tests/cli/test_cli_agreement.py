"""hanmark agreement, as a user runs it: layers built with ``hanmark import --annotator``,
the figures checked against an independent computation, and bad input."""

from __future__ import annotations

import json
import random

import orjson
import pytest

from storage.project import Project
from tests.conftest import new_document, run_hanmark
from tests.corpus import agreement_reference as ref
from tests.corpus.test_agreement import random_layers

ANNOTATORS = ["alice", "bob", "carol"]


def imported_project(tmp_path, seed=3):
    """Three annotators' doccano files of the same texts, imported one after another."""
    rng = random.Random(seed)
    letters = "平原县委书记王玉东德州市审计局五型"
    texts = ["".join(rng.choice(letters) for _ in range(rng.randrange(8, 30))) + f"（{i}）"
             for i in range(10)]
    lengths = [len(t) for t in texts]
    layers = random_layers(rng, ANNOTATORS, lengths)
    path = tmp_path / "team.hanmark"
    assert run_hanmark("new", str(path)).returncode == 0
    for name in ANNOTATORS:
        source = tmp_path / f"{name}.jsonl"
        source.write_bytes(b"\n".join(
            orjson.dumps({"text": text, "label": [list(s) for s in layers[name][i]]})
            for i, text in enumerate(texts)))
        result = run_hanmark("import", str(path), str(source), "--annotator", name,
                             "--offsets", "codepoint")
        assert result.returncode == 0, result.stdout + result.stderr
    return path, layers, lengths


def test_all_json_matches_an_independent_computation(tmp_path):
    path, layers, lengths = imported_project(tmp_path)
    result = run_hanmark("agreement", str(path), "--all", "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["annotators"] == ANNOTATORS and report["documents"] == len(lengths)
    everything = list(range(len(lengths)))
    covered = {name: set(everything) for name in ANNOTATORS}
    for pair in report["pairs"]:
        a, b = pair["a"], pair["b"]
        assert pair["documents"] == len(lengths)
        assert pair["kappa"]["overall"] == pytest.approx(
            ref.kappa(layers, a, b, everything, lengths), abs=1e-6)
        assert pair["span_f1"]["overall"] == pytest.approx(
            ref.span_f1(layers, a, b, everything), abs=1e-6)
        for label, value in pair["kappa"]["labels"].items():
            assert value == pytest.approx(ref.kappa(layers, a, b, everything, lengths, label),
                                          abs=1e-6)
        assert set(pair["partial_f1"]) == {"overall", "labels"}
    assert report["alpha"]["overall"] == pytest.approx(
        ref.alpha(layers, ANNOTATORS, covered, lengths), abs=1e-6)


def test_default_compares_documents_marked_done_and_prints_a_table(tmp_path):
    path, _layers, _lengths = imported_project(tmp_path)
    with Project.open(path) as project:
        for document_id in (1, 2, 3):
            project.set_status(document_id, "alice", "done")
            project.set_status(document_id, "bob", "done")
        project.set_status(4, "carol", "done")
        project.add_span(1, 0, 2, "PER", annotator="gold")   # never compared by default
    report = json.loads(run_hanmark("agreement", str(path), "--json").stdout)
    assert report["annotators"] == ANNOTATORS
    assert [(p["a"], p["b"], p["documents"]) for p in report["pairs"]] == [
        ("alice", "bob", 3), ("alice", "carol", 0), ("bob", "carol", 0)]
    assert report["pairs"][1]["kappa"] == {"overall": None, "labels": {}}
    assert report["documents"] == 3
    table = run_hanmark("agreement", str(path), "--annotators", "alice,bob", "--labels", "PER",
                        "--documents", "1-2")
    assert table.returncode == 0, table.stderr
    lines = table.stdout.splitlines()
    assert lines[0] == "annotators  alice, bob"
    assert lines[1] == "documents   2 compared (marked done by both of a pair)"
    assert any(line.startswith("alice–bob") for line in lines)
    assert any(line.startswith("alpha (all)") for line in lines)
    assert "ORG" not in table.stdout


def test_unknown_annotator_label_and_bad_documents_are_one_line_errors(tmp_path):
    path, _layers, _lengths = imported_project(tmp_path)
    for args, message in (
            (["--annotators", "alice,dave"], "unknown annotator 'dave' (this project has: "
                                             "alice, bob, carol)"),
            (["--labels", "GPE"], "unknown label 'GPE'"),
            (["--documents", "x"], "expected ids like 1,4,10-20"),
            (["--documents", "99"], "none of the documents given by --documents"),
            (["--annotators", "alice"], "at least two annotators"),
            ([], "no document is marked done by two of the annotators")):
        result = run_hanmark("agreement", str(path), *args)
        assert result.returncode != 0, args
        assert result.stdout == ""
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
        assert message in result.stderr, result.stderr


def test_a_project_with_one_annotator_says_so(tmp_path):
    path = tmp_path / "solo.hanmark"
    with Project.create(path) as project:
        document_id = project.add_document(new_document("平原县委书记王玉东。", "a.txt"))
        project.add_span(document_id, 0, 4, "ORG", annotator="alice")
        project.set_status(document_id, "alice", "done")
    result = run_hanmark("agreement", str(path), "--all")
    assert result.returncode == 1
    assert result.stderr.strip() == ("hanmark: error: agreement needs at least two "
                                     "annotators; this project has 1 (alice)")
    missing = run_hanmark("agreement", str(tmp_path / "nope.hanmark"))
    assert missing.returncode == 1 and len(missing.stderr.strip().splitlines()) == 1
