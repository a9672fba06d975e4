import orjson

from storage.project import Project
from tests.conftest import run_hanmark


def test_suggest_writes_jsonl_and_applies_once(tmp_path):
    project = tmp_path / "s.hanmark"
    assert run_hanmark("sample", str(project)).returncode == 0
    out = tmp_path / "建议.jsonl"
    result = run_hanmark("suggest", str(project), "-o", str(out),
                         "--suggesters", "metrics,slogans")
    assert result.returncode == 0, result.stderr
    assert "metrics:" in result.stdout and "slogans:" in result.stdout
    records = [orjson.loads(line) for line in out.read_bytes().splitlines()]
    assert len(records) == 5
    labels = {label for r in records for _s, _e, label in r["label"]}
    assert labels == {"METRIC", "SLOGAN"}
    for record in records:
        for (start, end, label), detail in zip(record["label"], record["suggestions"]):
            assert detail["start"] == start and detail["label"] == label
            assert detail["source"] in ("metrics", "slogans")
    metric = next(d for r in records for d in r["suggestions"] if d["source"] == "metrics")
    assert "value" in metric["attributes"]

    applied = run_hanmark("suggest", str(project), "--apply", "--suggesters", "metrics,slogans")
    assert applied.returncode == 0 and "stored" in applied.stdout
    with Project.open(project, readonly=True) as opened:
        assert sum(len(opened.suggestions(d)) for d in opened.document_ids()) > 0
    again = run_hanmark("suggest", str(project), "--apply", "--suggesters", "metrics,slogans")
    assert "stored 0 new suggestions" in again.stdout


def test_unknown_suggester_is_one_line_and_exit_1(tmp_path):
    project = tmp_path / "s.hanmark"
    run_hanmark("new", str(project))
    result = run_hanmark("suggest", str(project), "--suggesters", "crystal-ball")
    assert result.returncode == 1
    assert "no suggester 'crystal-ball'" in result.stderr


def test_entities_come_from_jieba_tags(tmp_path):
    from tests.conftest import new_document

    project = tmp_path / "e.hanmark"
    with Project.create(project) as created:
        created.add_document(new_document("平原县委书记王玉东介绍，德州市审计局在王庙镇调研。", "a.txt"))
    out = tmp_path / "e.jsonl"
    result = run_hanmark("suggest", str(project), "--suggesters", "entities", "-o", str(out))
    assert result.returncode == 0, result.stderr
    record = orjson.loads(out.read_bytes())
    found = {(record["text"][s:e], label) for s, e, label in record["label"]}
    assert {("王玉东", "PER"), ("德州市审计局", "ORG"), ("王庙镇", "LOC")} <= found
