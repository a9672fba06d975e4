"""``hanmark import --keep-duplicates``: a gold dataset that repeats sentences round-trips
record for record (MSRA and CLUENER hold "（全文另发）" more than once)."""

import orjson

from storage.project import Project
from tests.conftest import run_hanmark

RECORDS = [
    {"text": "（全文另发）", "label": {}},
    {"text": "德州市审计局召开会议", "label": {"ORG": {"德州市审计局": [[0, 5]]}}},
    {"text": "（全文另发）", "label": {}},
    {"text": "德州市审计局召开会议", "label": {"LOC": {"德州市": [[0, 2]]}}},
    {"text": "（全文另发）", "label": {}},
]


def _dataset(path):
    path.write_bytes(b"\n".join(orjson.dumps(r) for r in RECORDS) + b"\n")
    return path


def _exported(project, out):
    result = run_hanmark("export", str(project), "--format", "cluener", "-o", str(out))
    assert result.returncode == 0, result.stderr
    return [orjson.loads(line) for line in out.read_bytes().splitlines() if line.strip()]


def test_keep_duplicates_round_trips_a_gold_dataset_record_for_record(tmp_path):
    source = _dataset(tmp_path / "train.json")
    project = tmp_path / "p.hanmark"
    Project.create(project).close()
    result = run_hanmark("import", str(project), str(source), "--format", "cluener",
                         "--keep-duplicates", "--json")
    report = orjson.loads(result.stdout)
    assert result.returncode == 0, result.stdout
    assert len(report["imported"]) == 5 and report["duplicates"] == []
    back = _exported(project, tmp_path / "out.json")
    assert [(r["text"], r["label"]) for r in back] == [(r["text"], r["label"]) for r in RECORDS]
    # Importing the same dataset again finds each copy again: nothing is added twice.
    again = orjson.loads(run_hanmark("import", str(project), str(source), "--format",
                                     "cluener", "--keep-duplicates", "--json").stdout)
    assert again["imported"] == [] and len(again["duplicates"]) == 5
    assert [d["spans"] for d in again["duplicates"]] == [0] * 5
    assert len(_exported(project, tmp_path / "out2.json")) == 5


def test_without_keep_duplicates_a_repeated_text_is_one_document(tmp_path):
    source = _dataset(tmp_path / "train.json")
    project = tmp_path / "p.hanmark"
    Project.create(project).close()
    report = orjson.loads(run_hanmark("import", str(project), str(source), "--format",
                                      "cluener", "--json").stdout)
    assert len(report["imported"]) == 2 and len(report["duplicates"]) == 3
    back = _exported(project, tmp_path / "out.json")
    assert len(back) == 2
    assert back[1]["label"] == {"ORG": {"德州市审计局": [[0, 5]]}, "LOC": {"德州市": [[0, 2]]}}


def test_the_first_copy_keeps_the_plain_content_hash(tmp_path):
    from corpus.document import content_hash

    source = _dataset(tmp_path / "train.json")
    project = tmp_path / "p.hanmark"
    Project.create(project).close()
    run_hanmark("import", str(project), str(source), "--format", "cluener", "--keep-duplicates")
    with Project.open(project, readonly=True) as opened:
        hashes = sorted(opened.content_hashes())
    plain = content_hash("（全文另发）")
    assert {plain, plain + "#2", plain + "#3", content_hash("德州市审计局召开会议")} <= set(hashes)


def test_a_folder_with_brat_files_imports_every_other_file_too(tmp_path):
    folder = tmp_path / "mixed"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("德州市审计局", encoding="utf-8")
    (folder / "a.ann").write_text("T1\tORG 0 6\t德州市审计局\n", encoding="utf-8")
    (folder / "other.txt").write_text("另一篇文章。", encoding="utf-8")
    (folder / "sub" / "x.md").write_text("# 标题\n\n正文。", encoding="utf-8")
    project = tmp_path / "p.hanmark"
    Project.create(project).close()
    report = orjson.loads(run_hanmark("import", str(project), str(folder), "--json").stdout)
    names = sorted(item["name"] for item in report["imported"])
    assert names == ["a.ann", "other.txt", "x.md"] and report["failed"] == []
    assert report["detected"] == {"a.ann": "brat"} and report["spans"] == 1


def test_a_doccano_file_whose_first_record_passes_64_kb_keeps_its_spans(tmp_path):
    path = tmp_path / "long.jsonl"
    path.write_bytes(orjson.dumps({"text": "长" * 70000, "label": [[0, 1, "LOC"]]}) + b"\n"
                     + orjson.dumps({"text": "短文", "label": [[0, 2, "LOC"]]}) + b"\n")
    project = tmp_path / "p.hanmark"
    Project.create(project).close()
    report = orjson.loads(run_hanmark("import", str(project), str(path), "--offsets",
                                      "codepoint", "--json").stdout)
    assert report["detected"] == {"long.jsonl": "doccano"}
    assert [item["spans"] for item in report["imported"]] == [1, 1]
