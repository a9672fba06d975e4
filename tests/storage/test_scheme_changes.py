"""Scheme changes carry spans, suggestions, curation rejections and relations along,
refuse bad input without changing anything, and undo exactly."""

from __future__ import annotations

import pytest

from storage.scheme import scheme_changes as sc
from storage.project import Project
from tests.scheme_project import build


@pytest.fixture
def project(tmp_path):
    with Project.open(build(tmp_path / "p.hanmark")) as project:
        yield project


def rows(project, table: str) -> list[tuple]:
    return project.db.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall()


def state(project) -> dict:
    return {t: rows(project, t) for t in ("labels", "spans", "suggestions",
                                          "curation_rejections", "project_info")}


def per_label(project) -> dict[str, int]:
    return project.stats("alice")["spans"]


def test_rename_moves_names_but_no_span_row(project):
    before = state(project)
    assert sc.impact(project, "LOC") == sc.Impact(spans=4, suggestions=1, rejections=1)
    change = sc.rename_label(project, "LOC", "PLACE", display="地名", display_en="Place")
    assert change.impact.spans == 4
    assert per_label(project) == {"PER": 3, "ORG": 3, "PLACE": 4, "POST": 0, "METRIC": 1,
                                  "SLOGAN": 0}
    place = project.scheme().get("PLACE")
    assert (place.display, place.display_en, place.hotkey) == ("地名", "Place", "3")
    assert rows(project, "spans") == before["spans"]          # ids, uids, attributes as they were
    assert project.db.execute("SELECT label FROM curation_rejections").fetchall() == [("PLACE",)]
    assert project.suggest_settings().gazetteer == {"平原县": "PLACE", "齐强": "PER"}
    assert sorted(s.label for _i, s in project.suggestions(1)) == ["ORG", "PLACE", "POST"]
    sc.revert_change(project, change.revert)
    assert state(project) == before


def test_merge_removes_duplicates_of_the_same_annotator_and_undoes_exactly(project):
    before = state(project)
    expected = sc.Impact(spans=4, suggestions=1, rejections=1, duplicates=1)
    assert sc.merge_impact(project, "LOC", "ORG") == expected
    change = sc.merge_labels(project, "LOC", "ORG")
    assert change.impact == expected
    assert "LOC" not in project.scheme()
    assert per_label(project) == {"PER": 3, "ORG": 6, "POST": 0, "METRIC": 1, "SLOGAN": 0}
    layers = project.db.execute(
        "SELECT annotator, count(*) FROM spans s JOIN labels l ON l.id = s.label_id "
        "WHERE l.name = 'ORG' GROUP BY annotator ORDER BY annotator").fetchall()
    assert layers == [("alice", 2), ("bob", 2), ("carol", 2)]
    alice_org = [s for s in project.spans(1, "alice") if s.label == "ORG"]
    assert [(s.text, s.attributes) for s in alice_org] == [("平原县委", {"who": "alice"})]
    assert [s.label for _i, s in project.suggestions(1)] == ["POST", "ORG"]   # LOC one = ORG one
    assert project.db.execute("SELECT label FROM curation_rejections").fetchall() == [("ORG",)]
    assert project.suggest_settings().gazetteer == {"平原县": "ORG", "齐强": "PER"}
    sc.revert_change(project, change.revert)
    assert state(project) == before


def test_delete_needs_force_with_spans_and_undoes_exactly(project):
    before = state(project)
    with pytest.raises(sc.SchemeRefused, match="LOC still has 4 spans"):
        sc.delete_label(project, "LOC")
    assert state(project) == before
    change = sc.delete_label(project, "LOC", force=True)
    assert change.impact == sc.Impact(spans=4, suggestions=1, rejections=1)
    assert project.span_count() == 11 - 4
    assert rows(project, "curation_rejections") == []
    assert project.suggest_settings().gazetteer == {"齐强": "PER"}
    sc.revert_change(project, change.revert)
    assert state(project) == before
    empty = sc.delete_label(project, "SLOGAN")            # no spans: no force needed
    assert empty.impact == sc.Impact() and "SLOGAN" not in project.scheme()


@pytest.mark.parametrize(("call", "message"), [
    (lambda p: sc.add_label(p, sc.new_label("PER", "entity")), "named PER already exists"),
    (lambda p: sc.add_label(p, sc.new_label("TIME", "entity", hotkey="1")), "already PER's"),
    (lambda p: sc.add_label(p, sc.new_label("TIME", "entity", color="red")), "not #RRGGBB"),
    (lambda p: sc.add_label(p, sc.new_label("TIME", "event")), "unknown kind 'event'"),
    (lambda p: sc.add_label(p, sc.new_label("TIME", "entity", hotkey="]")), "taken by"),
    (lambda p: sc.add_label(p, sc.new_label("时间", "entity")), "letters, digits"),
    (lambda p: sc.rename_label(p, "LOC", "ORG"), "named ORG already exists"),
    (lambda p: sc.rename_label(p, "NOPE", "X"), "unknown label 'NOPE'"),
    (lambda p: sc.edit_label(p, "LOC", hotkey="2"), "already ORG's"),
    (lambda p: sc.edit_label(p, "LOC", color="#12345"), "not #RRGGBB"),
    (lambda p: sc.edit_label(p, "LOC", kind="thing"), "unknown kind"),
    (lambda p: sc.merge_labels(p, "METRIC", "ORG"), "use --force"),
    (lambda p: sc.merge_labels(p, "ORG", "ORG"), "into itself"),
    (lambda p: sc.reorder_labels(p, ["PER", "ORG"]), "every label once"),
])
def test_bad_input_changes_nothing(project, call, message):
    before = state(project)
    with pytest.raises(sc.SchemeRefused, match=message):
        call(project)
    assert state(project) == before


def test_forced_merge_of_kinds_add_edit_reorder(project):
    before = state(project)
    added = sc.add_label(project, sc.new_label("TIME", "metric", display="时间",
                                               color="#AABBCC", hotkey="7"))
    assert project.scheme().get("TIME").color == "#aabbcc"
    merged = sc.merge_labels(project, "METRIC", "TIME", force=False)
    assert per_label(project)["TIME"] == 1
    edit = sc.edit_label(project, "TIME", kind="entity", description="when")
    assert project.scheme().get("TIME").kind.value == "entity" and edit.impact.spans == 1
    order = ["TIME", "SLOGAN", "POST", "LOC", "ORG", "PER"]
    reorder = sc.reorder_labels(project, order)
    assert [label.name for label in project.scheme()] == order
    forced = sc.merge_labels(project, "TIME", "SLOGAN", force=True)
    assert forced.impact.spans == 1 and per_label(project)["SLOGAN"] == 1
    sc.revert_change(project, forced.revert)
    assert [label.name for label in project.scheme()] == order
    for change in (reorder, edit, merged, added):      # undo runs backwards
        sc.revert_change(project, change.revert)
    assert state(project) == before


def test_relations_are_counted_moved_and_restored(project):
    """Relations between spans of a label are counted, follow a merge to the span a
    duplicate equalled, go with a forced delete, and come back with the undo."""
    db = project.db
    ids = {(s.annotator, s.label, s.text): s.id for s in project.spans(1)}
    dup, kept = ids[("alice", "LOC", "平原县委")], ids[("alice", "ORG", "平原县委")]
    per = ids[("alice", "PER", "王玉东")]
    db.execute("INSERT INTO relations (document_id, from_span_id, to_span_id, type, annotator) "
               "VALUES (1, ?, ?, 'HOLDS', 'alice'), (1, ?, ?, 'HOLDS', 'bob')",
               [per, dup, ids[("bob", "PER", "王玉东")], ids[("bob", "LOC", "平原县")]])
    db.conn.commit()
    before = rows(project, "relations")
    assert sc.impact(project, "LOC").relations == 2
    change = sc.merge_labels(project, "LOC", "ORG")
    assert change.impact.relations == 2
    assert db.execute("SELECT from_span_id, to_span_id FROM relations ORDER BY id"
                      ).fetchall()[0] == (per, kept)
    sc.revert_change(project, change.revert)
    assert rows(project, "relations") == before
    deleted = sc.delete_label(project, "LOC", force=True)
    assert rows(project, "relations") == []
    sc.revert_change(project, deleted.revert)
    assert rows(project, "relations") == before


def test_duplicates_are_found_whichever_label_is_smaller(project):
    """ORG (3 spans) into LOC (4) is driven by ORG, LOC into ORG by ORG too: same pairs."""
    assert sc.merge_impact(project, "ORG", "LOC").duplicates == 1
    assert sc.merge_impact(project, "LOC", "ORG").duplicates == 1
    change = sc.merge_labels(project, "ORG", "LOC")
    assert per_label(project)["LOC"] == 3 + 4 - 1
    alice = [(s.text, s.attributes) for s in project.spans(1, "alice") if s.label == "LOC"]
    assert alice == [("平原县委", {})]            # alice's LOC span stays, her ORG one goes
    sc.revert_change(project, change.revert)
    assert per_label(project)["ORG"] == 3


def test_a_change_failing_half_way_leaves_nothing_half_done(project, monkeypatch):
    import sqlite3

    from storage.errors import ProjectWriteFailed

    before = state(project)

    def full(*_args):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(sc, "_change_gazetteer", full)   # after the spans have moved
    with pytest.raises(ProjectWriteFailed):
        sc.merge_labels(project, "LOC", "ORG")
    with pytest.raises(ProjectWriteFailed):
        sc.delete_label(project, "LOC", force=True)
    assert state(project) == before
