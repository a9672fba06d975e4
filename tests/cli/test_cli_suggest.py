import orjson

from storage.project import Project
from tests.conftest import run_hanmark


def test_suggest_writes_jsonl_and_applies_once(tmp_path):
    project = tmp_path / "s.hanmark"
    assert run_hanmark("sample", str(project)).returncode == 0
    out = tmp_path / "建议.jsonl"
    result = run_hanmark("suggest", str(project), "-o", str(out))
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

    applied = run_hanmark("suggest", str(project), "--apply")
    assert applied.returncode == 0 and "stored" in applied.stdout
    with Project.open(project, readonly=True) as opened:
        assert sum(len(opened.suggestions(d)) for d in opened.document_ids()) > 0
    again = run_hanmark("suggest", str(project), "--apply")
    assert "stored 0 new suggestions" in again.stdout


def test_unknown_suggester_is_one_line_and_exit_1(tmp_path):
    project = tmp_path / "s.hanmark"
    run_hanmark("new", str(project))
    result = run_hanmark("suggest", str(project), "--suggesters", "crystal-ball")
    assert result.returncode == 1
    assert "no suggester 'crystal-ball'" in result.stderr
