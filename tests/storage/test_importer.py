"""The import path end to end into a real project file: report, de-duplication,
failure isolation, cancel, raw maps."""

import threading
from pathlib import Path

import pytest

from corpus.resources import seeds_dir
from storage.errors import ProjectWriteFailed
from storage.interchange.importer import ImportOptions, Importer, import_files
from storage.project import Project


@pytest.fixture
def empty_project(tmp_path):
    path = tmp_path / "p.hanmark"
    Project.create(path).close()
    return path


def test_seed_folder_imports_with_formats_and_raw_maps(empty_project):
    report = import_files(empty_project, [seeds_dir()])
    assert report.ok and report.files == 5
    assert [item["name"] for item in report.imported] == sorted(p.name for p in seeds_dir().iterdir())
    assert report.imported[0]["format"] == "markdown"
    assert all(item["encoding"] == "utf-8" for item in report.imported)
    with Project.open(empty_project) as project:
        for item in report.imported:
            document = project.document(item["id"])
            raw_map = project.raw_map(item["id"])
            assert raw_map.length == len(document.text)
            assert raw_map.source_length == len(document.raw_text)
            for i in range(0, len(document.text), 97):  # copied characters map to themselves
                segment = raw_map._segment(i)
                if segment.copied:
                    assert document.raw_text[raw_map.to_source(i)] == document.text[i]


def test_importing_again_changes_nothing(empty_project):
    import_files(empty_project, [seeds_dir()])
    again = import_files(empty_project, [seeds_dir()])
    assert again.ok and not again.imported
    assert [d["same_as"] for d in again.duplicates] == [1, 2, 3, 4, 5]
    with Project.open(empty_project) as project:
        assert len(project.document_ids()) == 5


def test_bad_files_are_reported_and_the_rest_imports(empty_project, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("平原县委书记王玉东介绍了情况。\n", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (folder / "feed.jsonl").write_text(
        '{"text": "第一篇：德州市审计局。"}\n{broken\n{"text": "第三篇：浙江。"}\n', encoding="utf-8")
    report = import_files(empty_project, [folder, tmp_path / "missing.txt"])
    failed = {Path(item["name"]).name: item["reason"] for item in report.failed}
    assert set(failed) == {"empty.txt", "binary.txt", "feed.jsonl#2", "missing.txt"}
    assert all(reason for reason in failed.values())
    assert sorted(item["name"] for item in report.imported) == \
        ["feed.jsonl#1", "feed.jsonl#3", "good.txt"]
    with Project.open(empty_project) as project:
        assert len(project.document_ids()) == 3


def test_cancel_keeps_what_was_imported(empty_project):
    cancel = threading.Event()

    def progress(done, total):
        if done == 2:
            cancel.set()

    with Project.open(empty_project) as project:
        report = Importer(project, progress=progress, cancel=cancel).run([seeds_dir()])
        assert report.cancelled and len(report.imported) == 2
        assert len(project.document_ids()) == 2


def test_disk_full_stops_the_import_and_keeps_committed_files(empty_project, monkeypatch):
    monkeypatch.setattr("storage.interchange.importer.BATCH_SECONDS", 0)  # commit after every file
    with Project.open(empty_project) as project:
        pages = project.db.execute("PRAGMA page_count").fetchone()[0]
        project.db.execute(f"PRAGMA max_page_count = {pages + 12}")
        with pytest.raises(ProjectWriteFailed):
            Importer(project).run([seeds_dir()])
        kept = project.document_ids()
        assert 0 < len(kept) < 5
        assert project.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_forced_encoding_and_text_field(empty_project, tmp_path):
    table = tmp_path / "t.csv"
    table.write_bytes("标题,正文\n甲,平原县委召开会议。\n".encode("gb18030"))
    report = import_files(empty_project, [table],
                          ImportOptions(encoding="gb18030", text_field="正文"))
    assert report.ok and report.imported[0]["encoding"] == "gb18030"
    with Project.open(empty_project) as project:
        document = project.document(report.imported[0]["id"])
        assert "平原县委召开会议" in document.text
        assert document.meta.get("标题") == "甲"


def test_a_tables_title_and_date_columns_give_the_documents_title_and_date(empty_project,
                                                                          tmp_path):
    table = tmp_path / "t.csv"
    table.write_text("标题,正文,发布时间\n平原县召开会议,会议召开。,2022年2月15日 09:45\n",
                     encoding="utf-8")
    report = import_files(empty_project, [table])
    assert report.imported[0]["title"] == "平原县召开会议"
    with Project.open(empty_project) as project:
        document = project.document(report.imported[0]["id"])
        assert (document.title, document.text) == ("平原县召开会议", "会议召开。")
        assert document.meta["date"] == "2022-02-15T09:45:00"
        assert document.meta["title_from"] == "container"
        assert document.meta["标题"] == "平原县召开会议"


def test_a_large_import_runs_in_worker_processes_in_order(empty_project, tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(230):
        (folder / f"{i:04d}.txt").write_text(f"第{i}篇：德州市审计局召开会议。\n", encoding="utf-8")
    (folder / "0100.txt").write_bytes(b"")  # one bad file among them
    seen = []
    report = import_files(empty_project, [folder], workers=2,
                          progress=lambda done, total: seen.append(done))
    assert len(report.imported) == 229 and [f["name"] for f in report.failed] == ["0100.txt"]
    assert [item["name"] for item in report.imported][:3] == ["0000.txt", "0001.txt", "0002.txt"]
    assert seen == list(range(1, 231))
    with Project.open(empty_project) as project:
        assert project.document(1).title.startswith("第0篇")


def test_files_of_the_same_name_are_told_apart_in_the_report(empty_project, tmp_path):
    for year, text in (("2021", "德州市审计局召开会议。"), ("2022", "平原县委召开会议。")):
        (tmp_path / "news" / year).mkdir(parents=True)
        (tmp_path / "news" / year / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "news" / "2022" / "b.txt").write_text("", encoding="utf-8")
    report = import_files(empty_project, [tmp_path / "news"])
    assert [item["name"] for item in report.imported] == ["2021/a.txt", "2022/a.txt"]
    assert [item["name"] for item in report.failed] == ["2022/b.txt"]
    with Project.open(empty_project) as project:
        assert project.document(2).meta["file"] == "2022/a.txt"


def test_the_collector_is_back_on_after_an_import_even_a_failed_one(empty_project, tmp_path,
                                                                    monkeypatch):
    import gc

    (tmp_path / "a.txt").write_text("德州市审计局召开会议。", encoding="utf-8")
    assert gc.isenabled()
    import_files(empty_project, [tmp_path / "a.txt"])
    assert gc.isenabled()
    monkeypatch.setattr("storage.interchange.importer.Importer._store",
                        lambda self, prepared: (_ for _ in ()).throw(RuntimeError("boom")))
    with pytest.raises(RuntimeError):
        import_files(empty_project, [tmp_path / "a.txt"])
    assert gc.isenabled()
