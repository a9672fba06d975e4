"""``hanmark gazetteer`` as a user runs it, and the gazetteer applied by ``hanmark suggest``."""

import orjson

from storage.project import Project
from tests.conftest import new_document, run_hanmark

TEXT = "旺蒼縣農業農村局局長李強到嘉川鎮調研。旺苍县农业农村局表示，嘉川镇今年新建果园。"


def make_project(tmp_path):
    path = tmp_path / "g.hanmark"
    assert run_hanmark("new", str(path)).returncode == 0
    with Project.open(path) as project:
        project.add_document(new_document(TEXT, "a.txt"))
    return path


def test_add_list_import_remove(tmp_path):
    path = make_project(tmp_path)
    added = run_hanmark("gazetteer", str(path), "add", "LOC", "嘉川镇", "旺苍县")
    assert added.returncode == 0, added.stderr
    assert "added 2 names" in added.stdout
    names = tmp_path / "名单.tsv"
    names.write_text("# 机构\nORG\t旺苍县农业农村局\nPER,李强\n", encoding="utf-8")
    imported = run_hanmark("gazetteer", str(path), "import", str(names))
    assert imported.returncode == 0 and "added 2 names" in imported.stdout
    listed = run_hanmark("gazetteer", str(path), "list")
    assert listed.stdout.splitlines() == ["LOC\t嘉川镇", "LOC\t旺苍县", "ORG\t旺苍县农业农村局",
                                          "PER\t李强"]
    removed = run_hanmark("gazetteer", str(path), "remove", "旺苍县")
    assert removed.returncode == 0 and "1 names" in removed.stdout
    only = run_hanmark("gazetteer", str(path), "list", "--label", "LOC", "--json")
    assert orjson.loads(only.stdout) == [{"name": "嘉川镇", "label": "LOC", "source": "listed"}]


def test_bad_input_is_one_line_and_changes_nothing(tmp_path):
    path = make_project(tmp_path)
    unknown = run_hanmark("gazetteer", str(path), "add", "PLACE", "嘉川镇")
    assert unknown.returncode == 1 and "no label 'PLACE'" in unknown.stderr
    assert "Traceback" not in unknown.stderr and len(unknown.stderr.splitlines()) == 1
    bad = tmp_path / "bad.tsv"
    bad.write_text("LOC\t嘉川镇\n嘉川镇 无标签\n", encoding="utf-8")
    broken = run_hanmark("gazetteer", str(path), "import", str(bad))
    assert broken.returncode == 1 and "line 2" in broken.stderr
    missing = run_hanmark("gazetteer", str(path), "remove", "嘉川镇")
    assert missing.returncode == 1 and "not in the gazetteer" in missing.stderr
    assert run_hanmark("gazetteer", str(path), "list").stdout == ""


def test_suggest_applies_the_listed_and_the_marked_names(tmp_path):
    path = make_project(tmp_path)
    assert run_hanmark("gazetteer", str(path), "add", "LOC", "嘉川镇").returncode == 0
    with Project.open(path) as project:
        document = project.document_ids()[0]
        start = TEXT.index("李強")
        project.add_span(document, start, start + 2, "PER", annotator="a")  # marked once
    listed = run_hanmark("gazetteer", str(path), "list", "--known")
    assert "PER\t李強\t(marked)" in listed.stdout.splitlines()
    out = tmp_path / "s.jsonl"
    result = run_hanmark("suggest", str(path), "--suggesters", "gazetteer", "-o", str(out),
                         "--apply")
    assert result.returncode == 0, result.stderr
    record = orjson.loads(out.read_bytes().splitlines()[0])
    got = [(TEXT[s:e], label) for s, e, label in record["label"]]
    assert got == [("李強", "PER"), ("嘉川鎮", "LOC"), ("嘉川镇", "LOC")]   # both scripts
    with Project.open(path, readonly=True) as project:
        stored = [(s.text, s.source) for _i, s in project.suggestions(document)]
    assert stored == [("嘉川鎮", "gazetteer"), ("嘉川镇", "gazetteer")]   # 李強 is a span
