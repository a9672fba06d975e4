"""Layers loaded with ``hanmark import --annotator`` carry no statuses of their own: each
record counts as the annotator's (in progress), an empty record too, so that it counts in
adjudication, and gold becomes done where nothing is left to curate."""

import json

from corpus.document import Status
from storage.project import Project
from tests.conftest import run_hanmark

AGREED_TEXT = "德州市审计局召开全体干部大会。"
OPEN_TEXT = "平原县委书记王玉东到王庙镇调研。"


def import_layer(tmp_path, project, name, records):
    path = tmp_path / f"{name}.jsonl"
    path.write_text("".join(json.dumps({"text": t, "label": spans}, ensure_ascii=False) + "\n"
                            for t, spans in records), encoding="utf-8")
    result = run_hanmark("import", str(project), str(path), "--annotator", name,
                         "--offsets", "codepoint", "--quiet")
    assert result.returncode == 0, result.stdout + result.stderr


def test_an_empty_record_covers_and_gold_is_done_where_nothing_is_left(tmp_path):
    project = tmp_path / "team.hanmark"
    assert run_hanmark("new", str(project)).returncode == 0
    org, per = [0, 6, "ORG"], [6, 9, "PER"]
    import_layer(tmp_path, project, "alice", [(AGREED_TEXT, [org]), (OPEN_TEXT, [per])])
    import_layer(tmp_path, project, "bob", [(AGREED_TEXT, [org]), (OPEN_TEXT, [per])])
    import_layer(tmp_path, project, "carol", [(AGREED_TEXT, [org]), (OPEN_TEXT, [])])
    import_layer(tmp_path, project, "dave", [(AGREED_TEXT, [org]), (OPEN_TEXT, [[10, 13,
                                                                              "LOC"]])])
    with Project.open(project, readonly=True) as opened:
        ids = {opened.text_of(d): d for d in opened.document_ids()}
        assert opened.status(ids[OPEN_TEXT], "carol") is Status.IN_PROGRESS   # she saw it
    report = json.loads(run_hanmark("adjudicate", str(project), "--json").stdout)
    # Four cover the second text (carol with nothing marked): 2 of 4 is no majority.
    conflicts = [c for c in report["conflicts"] if c["document"] == ids[OPEN_TEXT]]
    assert [(k["label"], k["annotators"]) for c in conflicts for k in c["candidates"]] == \
        [("PER", ["alice", "bob"]), ("LOC", ["dave"])]
    with Project.open(project, readonly=True) as opened:
        assert opened.status(ids[AGREED_TEXT], "gold") is Status.DONE
        assert opened.status(ids[OPEN_TEXT], "gold") is Status.IN_PROGRESS
    out = tmp_path / "gold.jsonl"
    result = run_hanmark("export", str(project), "--annotator", "gold", "--status", "done",
                         "-o", str(out))
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(r["text"], r["label"]) for r in records] == [(AGREED_TEXT, [org])]


def test_an_import_without_annotator_sets_no_status(tmp_path):
    project = tmp_path / "p.hanmark"
    run_hanmark("new", str(project))
    path = tmp_path / "mine.jsonl"
    path.write_text(json.dumps({"text": AGREED_TEXT, "label": [[0, 6, "ORG"]]},
                               ensure_ascii=False), encoding="utf-8")
    assert run_hanmark("import", str(project), str(path), "--offsets",
                       "codepoint").returncode == 0
    with Project.open(project, readonly=True) as opened:
        assert opened.statuses(opened.document_ids()[0]) == {}      # still yours to review
