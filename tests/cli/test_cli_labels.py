"""hanmark labels, as a user runs it: exact counts after each rename, merge and delete,
and every bad input a one-line error that changes nothing."""

import json

import pytest

from storage.project import Project
from storage.team.split import SplitOptions, split_project
from tests.cli.test_broken_projects import assert_one_line_refusal, fingerprint
from tests.conftest import run_hanmark
from tests.scheme_project import build


@pytest.fixture
def path(tmp_path):
    return build(tmp_path / "p.hanmark")


def counts(path) -> dict[str, int]:
    result = run_hanmark("labels", str(path), "list", "--json")
    assert result.returncode == 0, result.stderr
    return {row["name"]: row["spans"] for row in json.loads(result.stdout)}


def ok(*args) -> str:
    result = run_hanmark("labels", *map(str, args))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


def test_list_rename_merge_delete_with_exact_counts(path):
    assert counts(path) == {"PER": 3, "ORG": 3, "LOC": 4, "POST": 0, "METRIC": 1, "SLOGAN": 0}
    assert "LOC        地点" in ok(path, "list")
    out = ok(path, "rename", "LOC", "PLACE", "--display", "地名", "--display-en", "Place")
    assert out.strip() == ("renamed LOC to PLACE: 4 spans, 1 suggestion, "
                           "1 curation rejection, 0 relations")
    assert counts(path) == {"PER": 3, "ORG": 3, "PLACE": 4, "POST": 0, "METRIC": 1, "SLOGAN": 0}
    out = ok(path, "merge", "PLACE", "ORG")
    assert out.strip() == ("merged PLACE into ORG: 4 spans, 1 suggestion, 1 curation "
                           "rejection, 0 relations (1 identical to an existing ORG span of the "
                           "same annotator, removed)")
    assert counts(path) == {"PER": 3, "ORG": 6, "POST": 0, "METRIC": 1, "SLOGAN": 0}
    out = ok(path, "delete", "METRIC", "--force")
    assert out.strip() == ("deleted METRIC with 1 span, 0 suggestions, 0 curation "
                           "rejections, 0 relations")
    assert counts(path) == {"PER": 3, "ORG": 6, "POST": 0, "SLOGAN": 0}
    with Project.open(path, readonly=True) as project:
        assert project.span_count() == 9
        assert sorted(s.annotator for s in project.spans(1) if s.label == "ORG") == [
            "alice", "bob", "bob", "carol", "carol"]
        assert [s.label for s in project.spans(2)] == ["ORG"]


def test_add_set_order(path):
    assert ok(path, "add", "TIME", "--kind", "metric", "--display", "时间", "--color",
              "#AABBCC", "--hotkey", "7").strip() == "added TIME (metric, #aabbcc, hotkey 7)"
    assert ok(path, "set", "TIME", "--display-en", "Time", "--hotkey", "8").strip() == (
        "changed TIME: display_en, hotkey")
    ok(path, "order", "TIME,PER,ORG,LOC,POST,METRIC,SLOGAN")
    rows = json.loads(ok(path, "list", "--json"))
    assert rows[0] == {"name": "TIME", "display": "时间", "display_en": "Time", "kind": "metric",
                       "color": "#aabbcc", "hotkey": "8", "description": "", "spans": 0}


@pytest.mark.parametrize(("args", "words"), [
    (["add", "PER", "--kind", "entity"], "a label named PER already exists"),
    (["add", "TIME", "--kind", "entity", "--hotkey", "1"], "hotkey '1' is already PER's"),
    (["add", "TIME", "--kind", "entity", "--color", "blue"], "colour 'blue' is not #RRGGBB"),
    (["add", "TIME", "--kind", "event"], "unknown kind 'event'"),
    (["add", "TIME", "--kind", "entity", "--hotkey", "xy"], "must be one key"),
    (["rename", "LOC", "ORG"], "a label named ORG already exists"),
    (["rename", "NOPE", "X"], "unknown label 'NOPE'"),
    (["rename", "LOC", "地点"], "must be letters, digits"),
    (["set", "LOC", "--hotkey", "2"], "hotkey '2' is already ORG's"),
    (["add", "TIME", "--kind", "metric", "--hotkey", "R"],
     "hotkey 'R' is taken by the window (R starts a relation)"),
    (["set", "LOC", "--hotkey", "r"], "hotkey 'r' is taken by the window (R starts a relation)"),
    (["set", "LOC", "--hotkey", "["],
     "hotkey '[' is taken by the window ([ moves to the previous suggestion)"),
    (["set", "LOC", "--hotkey", " "], "a hotkey cannot be white space"),
    (["set", "LOC", "--kind", "place"], "unknown kind 'place'"),
    (["set", "LOC"], "say what to change"),
    (["delete", "LOC"], "LOC still has 4 spans; use --force"),
    (["merge", "METRIC", "ORG"], "METRIC is a metric label and ORG an entity label; use --force"),
    (["merge", "LOC", "NOPE"], "unknown label 'NOPE'"),
    (["order", "PER,ORG"], "every label once"),
])
def test_bad_input_is_one_line_and_changes_nothing(path, args, words):
    before = fingerprint(path)
    assert_one_line_refusal(run_hanmark("labels", str(path), *args), words)
    assert fingerprint(path) == before


def test_forced_merge_of_different_kinds(path):
    assert "merged METRIC into ORG: 1 span" in ok(path, "merge", "METRIC", "ORG", "--force")
    assert counts(path)["ORG"] == 4


def test_export_import_round_trip_and_report(path, tmp_path):
    ok(path, "add", "TIME", "--kind", "metric", "--hotkey", "7", "--color", "#112233")
    ok(path, "set", "PER", "--display-en", "Person name", "--color", "#000000")
    scheme = tmp_path / "scheme.json"
    assert ok(path, "export", scheme).strip() == (
        f"wrote 7 labels and 3 relation types to {scheme}")
    data = json.loads(scheme.read_text(encoding="utf-8"))
    assert [t["name"] for t in data["relation_types"]] == ["INDICATOR_OF", "HOLDS", "PROPOSES"]
    assert [lb["name"] for lb in data["labels"]][-1] == "TIME"
    fresh = tmp_path / "fresh.hanmark"
    assert run_hanmark("new", str(fresh)).returncode == 0
    out = ok(fresh, "import", scheme)
    assert out.splitlines() == [f"imported {scheme}: added 1, updated 1, unchanged 5",
                                "  added    TIME", "  updated  PER: display_en, color"]
    again = json.loads(ok(fresh, "import", scheme, "--json"))
    assert again == {"added": [], "updated": {}, "unchanged": [lb["name"] for lb in
                                                           data["labels"]],
                     "relation_types": []}        # the same types: nothing changed
    assert json.loads(ok(fresh, "list", "--json"))[0]["display_en"] == "Person name"


@pytest.mark.parametrize(("content", "words"), [
    ("not json", "not a scheme file (bad JSON at line 1)"),
    ('{"labels": 3}', 'a JSON object with a "labels" list'),
    ('{"labels": [{"name": "X", "kind": "entity"}]}', "label 1: colour '' is not #RRGGBB"),
    ('{"labels": [{"name": "X", "kind": "entity", "color": "#000000", "hotkey": "1"}]}',
     "would not be valid: label hotkeys must be unique"),
    ('{"labels": [{"name": "X", "kind": "entity", "color": "#000000", "hotkey": "R"}]}',
     "X: hotkey 'R' is taken by the window (R starts a relation)"),
    ('{"labels": [], "relation_types": {}}', '"relation_types" must be a list'),
    ('{"labels": [], "relation_types": [{"type": "x"}]}', "relation type is missing 'name'"),
    ('{"labels": [{"name": "A", "kind": "entity", "color": "#000000"}, '
     '{"name": "A", "kind": "entity", "color": "#000000"}]}', "names A twice"),
])
def test_a_bad_scheme_file_is_one_line_and_changes_nothing(path, tmp_path, content, words):
    scheme = tmp_path / "bad.json"
    scheme.write_text(content, encoding="utf-8")
    before = fingerprint(path)
    assert_one_line_refusal(run_hanmark("labels", str(path), "import", str(scheme)), words)
    assert fingerprint(path) == before
    missing = run_hanmark("labels", str(path), "import", str(tmp_path / "none.json"))
    assert_one_line_refusal(missing, "no such scheme file")


def test_read_only_project_lists_and_exports_but_refuses_changes(path, tmp_path):
    path.chmod(0o444)
    try:
        before = fingerprint(path)
        assert counts(path)["LOC"] == 4
        ok(path, "export", tmp_path / "s.json")
        assert_one_line_refusal(run_hanmark("labels", str(path), "rename", "LOC", "PLACE"),
                                "read-only")
        assert fingerprint(path) == before
    finally:
        path.chmod(0o644)


def test_split_carries_the_changed_scheme(path, tmp_path):
    ok(path, "rename", "LOC", "PLACE", "--display-en", "Place")
    ok(path, "add", "TIME", "--kind", "metric", "--hotkey", "7")
    with Project.open(path, readonly=True) as source:
        split_project(source, tmp_path / "files", SplitOptions(annotators=("alice", "bob")))
        expected = [label.to_dict() for label in source.scheme()]
    with Project.open(tmp_path / "files" / "alice.hanmark", readonly=True) as alice:
        assert [label.to_dict() for label in alice.scheme()] == expected


def test_relation_types_follow_a_rename_and_a_delete_and_travel_in_a_scheme_file(path, tmp_path):
    from storage.project import Project

    ok(path, "rename", "POST", "TITLE")
    with Project.open(path) as project:
        holds = {t.name: t for t in project.relation_types()}["HOLDS"]
        assert holds.pairs == (("PER", "TITLE"),)
    ok(path, "delete", "TITLE", "--force")
    with Project.open(path) as project:
        assert "HOLDS" not in {t.name for t in project.relation_types()}   # no pair left
    scheme = tmp_path / "scheme.json"
    ok(path, "export", scheme)
    data = json.loads(scheme.read_text(encoding="utf-8"))
    data["relation_types"][0]["color"] = "#123456"
    scheme.write_text(json.dumps(data), encoding="utf-8")
    fresh = tmp_path / "fresh.hanmark"
    assert run_hanmark("new", str(fresh)).returncode == 0
    report = json.loads(ok(fresh, "import", scheme, "--json"))
    assert report["relation_types"] == ["INDICATOR_OF"]
    with Project.open(fresh) as project:
        assert project.relation_types()[0].color == "#123456"
        assert len(project.relation_types()) == 3            # none removed by an import
