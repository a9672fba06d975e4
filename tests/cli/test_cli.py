"""The command line, run as a user runs it: ``python -m hanmark ...`` in a subprocess."""

import json
import sqlite3

import orjson
import pytest

from storage.project import Project
from tests.conftest import run_hanmark


def test_new_then_stats(tmp_path):
    path = tmp_path / "新 项目.hanmark"  # Chinese and a space in the path
    result = run_hanmark("new", str(path))
    assert result.returncode == 0, result.stderr
    stats = run_hanmark("stats", str(path), "--json")
    data = json.loads(stats.stdout)
    assert data["documents"] == 0
    assert set(data["spans"]) == {"PER", "ORG", "LOC", "POST", "METRIC", "SLOGAN"}


def test_sample_stats_and_export(tmp_path):
    path = tmp_path / "sample.hanmark"
    assert run_hanmark("sample", str(path)).returncode == 0
    with Project.open(path) as project:
        text = project.document(1).text
        start = text.index("平原县委")
        project.add_span(1, start, start + 4, "ORG", annotator="cli")
        project.set_status(1, "cli", "done")
    stats = run_hanmark("stats", str(path), "--annotator", "cli")
    assert stats.returncode == 0
    assert "documents  5  (todo 4, in progress 0, done 1, skipped 0)" in stats.stdout
    assert "ORG" in stats.stdout and "机构" in stats.stdout
    data = json.loads(run_hanmark("stats", str(path), "--json", "--annotator", "cli").stdout)
    assert data["status"]["done"] == 1 and data["spans"]["ORG"] == 1

    out = tmp_path / "导出.jsonl"
    result = run_hanmark("export", str(path), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "exported 5 documents, 1 spans" in result.stdout
    records = [orjson.loads(line) for line in out.read_bytes().splitlines()]
    assert len(records) == 5
    assert set(records[0]) == {"id", "text", "label", "meta"}
    assert records[0]["label"] == [[start, start + 4, "ORG"]]
    assert records[0]["meta"]["status"] == {"cli": "done"}


@pytest.mark.parametrize("args,message", [
    (["stats", "{missing}"], "no such project file"),
    (["export", "{text}", "-o", "{out}"], "not a Hanmark project"),
    (["new", "{text}"], "already exists"),
    (["sample", "{text}"], "already exists"),
])
def test_errors_are_one_line_on_stderr_with_non_zero_exit(tmp_path, args, message):
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    names = {"missing": tmp_path / "missing.hanmark", "text": text, "out": tmp_path / "o.jsonl"}
    result = run_hanmark(*[a.format(**names) for a in args])
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("hanmark: error: ") and message in lines[0]
    assert text.read_text() == "hello"
    assert not (tmp_path / "o.jsonl").exists()


def test_newer_project_is_refused_by_the_cli(astral_path):
    conn = sqlite3.connect(astral_path)
    conn.execute("UPDATE project_info SET value = '42' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    result = run_hanmark("stats", str(astral_path))
    assert result.returncode == 1
    assert "newer Hanmark (schema 42" in result.stderr


def test_usage_errors_exit_2():
    assert run_hanmark("export").returncode == 2
    assert run_hanmark("--lang", "fr").returncode == 2


def test_version():
    result = run_hanmark("--version")
    assert result.returncode == 0 and result.stdout.startswith("Hanmark ")


def test_gui_starts_on_the_sample_project_through_the_real_entry_point(hermetic_home):
    result = run_hanmark("--lang", "zh_CN", env={"HANMARK_STARTUP_PROBE": "1"})
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.startswith("window-ready ")
    samples = list(hermetic_home.rglob("sample.hanmark"))
    assert len(samples) == 1
    with Project.open(samples[0], readonly=True) as project:
        assert len(project.document_ids()) == 5


def test_gui_with_a_bad_project_exits_non_zero(tmp_path):
    bogus = tmp_path / "x.hanmark"
    bogus.write_text("nope")
    result = run_hanmark(str(bogus), env={"HANMARK_STARTUP_PROBE": "1"})
    assert result.returncode == 1
    assert "not a Hanmark project" in result.stderr



def test_output_cut_short_by_a_pipe_ends_quietly():
    """`hanmark … | head -1`, for any command: the reader closes the pipe early; no error
    line, exit 0 (a command that prints 10 MB stands in for a long listing)."""
    import subprocess
    import sys

    code = ("import sys\nfrom hanmark import cli, cli_project\n"
            "def long_listing(args):\n"
            "    for _ in range(10000):\n        print('x' * 1000)\n    return 0\n"
            "cli_project.run_stats = long_listing\n"
            "sys.exit(cli.main(['stats', 'any.hanmark']))")
    with subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE) as process:
        first = process.stdout.readline()
        process.stdout.close()                  # as head does after its line
        error = process.stderr.read()
        assert process.wait(timeout=120) == 0
    assert first.strip() and error == b""
