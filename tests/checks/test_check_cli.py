"""``hanmark check`` run as a user runs it, on the seed articles with a clean layer and
with one of each inconsistency planted."""

from __future__ import annotations

import json

import pytest

from corpus.checks import ALL_CHECKS
from tests.checks.planted import clean_project, plant
from tests.conftest import run_hanmark


@pytest.fixture(scope="module")
def projects(tmp_path_factory):
    folder = tmp_path_factory.mktemp("check")
    clean = clean_project(folder / "clean.hanmark")
    planted_path = clean_project(folder / "planted.hanmark")
    return clean, planted_path, plant(planted_path)


def test_a_clean_layer_raises_no_alarm(projects):
    clean, _planted, _where = projects
    result = run_hanmark("check", str(clean))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "no findings"
    assert run_hanmark("check", str(clean), "--json").stdout == ""


def test_every_planted_inconsistency_is_found_and_nothing_else(projects):
    _clean, planted_path, where = projects
    result = run_hanmark("check", str(planted_path), "--json")
    assert result.returncode == 1, result.stderr
    found = [json.loads(line) for line in result.stdout.splitlines()]
    places = {(f["check"], f["document"], f["start"], f["end"]) for f in found}
    for check, place in where.items():
        assert (check, *place) in places, check
    assert set(where) == set(ALL_CHECKS)
    planted_places = set(where.values())
    for f in found:      # every other finding is a consequence of a plant, at its place
        place = (f["document"], f["start"], f["end"])
        assert place in planted_places or f["check"] == "layer-conflict" and \
            f["text"] == "王玉东", f
    first = next(f for f in found if f["check"] == "label-conflict")
    assert first["text"] == "德州" and first["fix"] == {"action": "relabel", "label": "LOC"}
    assert set(first) >= {"check", "document", "start", "end", "text", "details"}
    missed = next(f for f in found if f["check"] == "missed")
    assert missed["fix"]["action"] == "add" and missed["fix"]["label"] == "ORG"


def test_annotator_and_checks_narrow_the_report(projects):
    _clean, planted_path, where = projects
    result = run_hanmark("check", str(planted_path), "--annotator", "bob", "--json")
    found = [json.loads(line) for line in result.stdout.splitlines()]
    assert found and {f["annotator"] for f in found} == {"bob"}
    assert {f["check"] for f in found} == {"layer-conflict"}
    assert found[0]["fix"] == {"action": "relabel", "label": "PER"}
    result = run_hanmark("check", str(planted_path), "--checks", "duplicate,edge")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[-1] == "2 finding(s): edge 1, duplicate 1"
    assert "→ trim to" in result.stdout and "→ delete the copy" in result.stdout


def test_errors_exit_2_with_one_line(projects, tmp_path):
    clean, _planted, _where = projects
    result = run_hanmark("check", str(clean), "--checks", "spelling")
    assert result.returncode == 2
    assert result.stderr.startswith("hanmark: error: unknown check 'spelling'")
    assert "Traceback" not in result.stderr
    missing = run_hanmark("check", str(tmp_path / "none.hanmark"))
    assert missing.returncode == 2 and len(missing.stderr.strip().splitlines()) == 1
    garbage = tmp_path / "garbage.hanmark"
    garbage.write_bytes(b"not a project at all" * 100)
    assert run_hanmark("check", str(garbage)).returncode == 2
