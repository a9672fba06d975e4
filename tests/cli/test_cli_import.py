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
    (tmp_path / "new.txt").write_text("平原县召开会议。", encoding="utf-8")
    quiet = run_hanmark("import", str(project), str(tmp_path / "*.txt"), "--quiet")
    assert quiet.returncode == 1
    assert quiet.stdout.splitlines() == [                 # no line per imported file
        f"failed     empty.txt: {result.stdout.split('empty.txt: ')[1].splitlines()[0]}",
        "imported 1, skipped as duplicate 1, failed 1 (3 files)"]


def test_import_into_a_missing_project_is_one_line(tmp_path):
    result = run_hanmark("import", str(tmp_path / "nope.hanmark"), str(seeds_dir()))
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "no such project file" in result.stderr


def test_a_large_import_from_the_command_line_runs_in_worker_processes(tmp_path):
    """Over 200 files go to worker processes (forked where that is safe: no Qt here)."""
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(230):
        (folder / f"{i:04d}.txt").write_text(f"第{i}篇：德州市审计局召开会议。\n", encoding="utf-8")
    (folder / "0229.txt").write_text('{"text": "平原县委", "label": [[0, 3, "LOC"]]}\n',
                                     encoding="utf-8")       # spans among the articles
    project = tmp_path / "p.hanmark"
    assert run_hanmark("new", str(project)).returncode == 0
    result = run_hanmark("import", str(project), str(folder), "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert len(report["imported"]) == 230 and report["failed"] == []
    assert report["imported"][0]["name"] == "0000.txt"


def test_workers_fork_only_in_a_process_without_qt():
    import subprocess
    import sys

    probe = "from storage.interchange.importer import _start_method; print(_start_method())"
    from tests.conftest import ROOT

    plain = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                           cwd=ROOT)
    with_qt = subprocess.run([sys.executable, "-c", "import PySide6.QtCore; " + probe],
                             capture_output=True, text=True, cwd=ROOT)
    expected = "fork" if sys.platform.startswith("linux") else "spawn"
    assert (plain.stdout.strip(), with_qt.stdout.strip()) == (expected, "spawn")
