import json

from corpus.resources import seeds_dir
from tests.conftest import run_hanmark


def test_import_reports_and_exits_zero_when_nothing_failed(tmp_path):
    project = tmp_path / "p.hanmark"
    assert run_hanmark("new", str(project)).returncode == 0
    result = run_hanmark("import", str(project), str(seeds_dir()))
    assert result.returncode == 0, result.stderr
    assert "imported 5, skipped as duplicate 0, failed 0" in result.stdout
    again = run_hanmark("import", str(project), str(seeds_dir() / "*.txt"), "--json")
    assert again.returncode == 0
    report = json.loads(again.stdout)
    assert len(report["duplicates"]) == 5 and report["imported"] == []


def test_import_exits_non_zero_when_a_file_failed(tmp_path):
    project = tmp_path / "p.hanmark"
    run_hanmark("new", str(project))
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "ok.txt").write_text("德州市审计局。", encoding="utf-8")
    result = run_hanmark("import", str(project), str(tmp_path / "empty.txt"),
                         str(tmp_path / "ok.txt"))
    assert result.returncode == 1
    assert "failed     empty.txt:" in result.stdout
    assert "imported 1, skipped as duplicate 0, failed 1" in result.stdout


def test_import_into_a_missing_project_is_one_line(tmp_path):
    result = run_hanmark("import", str(tmp_path / "nope.hanmark"), str(seeds_dir()))
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "no such project file" in result.stderr
