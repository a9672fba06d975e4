"""Importing annotated files: bad records are reported one by one, the good ones import."""

import orjson

from storage.interchange.annotated_import import AnnotatedOptions, import_annotated
from storage.interchange.import_inputs import classify, import_paths
from storage.project import Project
from tests.conftest import ASTRAL_TEXT
from tests.corpus.formats.helpers import stored


def lines(path, *records):
    path.write_bytes(b"\n".join(r if isinstance(r, bytes) else orjson.dumps(r)
                                for r in records) + b"\n")
    return path


def test_malformed_records_are_reported_one_by_one(tmp_path):
    project = Project.create(tmp_path / "p.hanmark")
    project.close()
    path = lines(tmp_path / "ls.jsonl",
                 {"text": "德州市审计局", "label": {"ORG": {"德州市审计局": [[0, 5]]}}},   # good
                 {"text": "平原县", "label": {"LOC": {"平原县": [[0, 9]]}}},               # range
                 {"text": "王玉东", "label": {"PER": {"王玉西": [[0, 2]]}}},               # text
                 {"text": "浙江", "label": {"人 名": {"浙江": [[0, 1]]}}},                 # label
                 b'{"text": "broken',                                                 # JSON
                 {"text": "五型", "label": {"SLOGAN": {"五型": [[0, 1]]}}})              # good
    report = import_annotated(project.path, [(path, "cluener")], AnnotatedOptions("me"))
    # A bad span is rejected alone: its document stays; only broken JSON loses a record.
    assert [item["name"] for item in report.imported] == \
        ["ls.jsonl:1", "ls.jsonl:2", "ls.jsonl:3", "ls.jsonl:4", "ls.jsonl:6"]
    assert [(item["name"], item["reason"]) for item in report.failed] == \
        [("ls.jsonl:5", report.failed[0]["reason"])]
    assert "not valid JSON" in report.failed[0]["reason"]
    rejected = {item["name"]: item for item in report.spans_rejected}
    assert list(rejected) == ["ls.jsonl:2", "ls.jsonl:3", "ls.jsonl:4"]
    assert "outside the text" in rejected["ls.jsonl:2"]["reason"]
    assert "covers '王玉东', not '王玉西'" in rejected["ls.jsonl:3"]["reason"]
    assert "unknown label '人 名'" in rejected["ls.jsonl:4"]["reason"]
    assert rejected["ls.jsonl:4"]["span"] == "[0, 2, '人 名']"
    assert [text for text, _ in stored(project.path)] == \
        ["德州市审计局", "平原县", "王玉东", "浙江", "五型"]
    assert report.spans == 2 and not report.ok


def test_missing_labels_are_added_or_refused(tmp_path):
    project = Project.create(tmp_path / "p.hanmark")
    project.close()
    path = lines(tmp_path / "d.jsonl", {"text": "德州市", "label": [[0, 2, "GPE"], [0, 3, "机构"]]})
    refused = import_annotated(project.path, [(path, "doccano")],
                               AnnotatedOptions(offsets="codepoint", add_labels=False))
    assert "unknown label 'GPE'" in refused.spans_rejected[0]["reason"]
    assert [item["spans"] for item in refused.imported] == [1]   # 机构 (ORG) is kept
    report = import_annotated(project.path, [(path, "doccano")],
                              AnnotatedOptions(offsets="codepoint"))
    assert report.labels_added == ["GPE"] and report.ok
    with Project.open(project.path, readonly=True) as opened:
        assert "GPE" in opened.scheme()
        assert [(s.label, s.text, s.origin) for s in opened.spans(1)] == \
            [("GPE", "德州", "imported"), ("ORG", "德州市", "imported")]  # 机构 is ORG's name


def test_a_known_text_gets_the_new_spans_only(tmp_path):
    project = Project.create(tmp_path / "p.hanmark")
    project.close()
    first = lines(tmp_path / "a.jsonl", {"text": ASTRAL_TEXT, "label": [[6, 10, "ORG"]]})
    second = lines(tmp_path / "b.jsonl", {"text": ASTRAL_TEXT,
                                          "label": [[6, 10, "ORG"], [12, 15, "PER"]]})
    import_annotated(project.path, [(first, "doccano")])
    report = import_annotated(project.path, [(second, "doccano")])
    assert report.duplicates == [{"name": "b.jsonl:1", "same_as": 1, "spans": 1}]
    assert stored(project.path)[0][1] == [(4, 8, "ORG", "平原县委"), (10, 13, "PER", "王玉东")]


def test_the_same_span_from_two_annotators_is_two_spans(tmp_path):
    project = Project.create(tmp_path / "p.hanmark")
    project.close()
    record = {"text": ASTRAL_TEXT, "label": [[6, 10, "ORG"], [12, 15, "PER"]]}
    alice, bob = lines(tmp_path / "a.jsonl", record), lines(tmp_path / "b.jsonl", record)
    import_annotated(project.path, [(alice, "doccano")], AnnotatedOptions("alice"))
    report = import_annotated(project.path, [(bob, "doccano")], AnnotatedOptions("bob"))
    assert report.duplicates == [{"name": "b.jsonl:1", "same_as": 1, "spans": 2}]
    again = import_annotated(project.path, [(bob, "doccano")], AnnotatedOptions("bob"))
    assert again.spans == 0      # de-duplication stays within bob's layer
    with Project.open(project.path, readonly=True) as opened:
        assert opened.layers(1) == {"alice": 2, "bob": 2}
        assert [s.text for s in opened.spans(1, "bob")] == ["平原县委", "王玉东"]
        assert len({s.uid for s in opened.spans(1)}) == 4


def test_statuses_come_back(tmp_path):
    project = Project.create(tmp_path / "p.hanmark")
    project.close()
    path = lines(tmp_path / "a.jsonl", {"text": "德州", "label": [],
                                        "meta": {"status": {"ann": "done"}, "title": "T"}})
    import_annotated(project.path, [(path, "doccano")])
    with Project.open(project.path, readonly=True) as opened:
        assert opened.statuses_by_document() == {1: {"ann": "done"}}
        assert opened.document(1).title == "T"


def test_classify_sends_articles_to_the_plain_importer(tmp_path):
    (tmp_path / "article.txt").write_text("平原县委书记王玉东说。", encoding="utf-8")
    lines(tmp_path / "articles.jsonl", {"text": "平原县委书记", "title": "x"})
    lines(tmp_path / "spans.jsonl", {"text": "平原县", "label": [[0, 3, "LOC"]]})
    (tmp_path / "tags.conll").write_text("德 B-LOC\n州 I-LOC\n", encoding="utf-8")
    annotated, plain, missing = classify([tmp_path, tmp_path / "missing.txt"])
    # Only the annotated-only extension is decided without reading: the .jsonl files
    # are read once, by the import itself, which tells spans from articles.
    assert [(p.name, f) for p, f in annotated] == [("tags.conll", "conll")]
    assert [p.name for p in plain] == ["article.txt", "articles.jsonl", "spans.jsonl"]
    assert [(f.name, f.reason) for f in missing] == [(str(tmp_path / "missing.txt"),
                                                      "no such file or folder")]
    project = Project.create(tmp_path / "p.hanmark")
    project.close()
    report = import_paths(project.path, [tmp_path])
    assert len(report.imported) == 4 and report.spans == 2
    assert report.detected == {"spans.jsonl": "doccano", "tags.conll": "conll"}
    assert [f["name"] for f in report.failed] == [] and report.files == 4


def test_a_large_import_hands_annotated_files_found_by_its_workers_over(tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    for i in range(210):
        (folder / f"{i:04d}.txt").write_text(f"第{i}篇：德州市审计局召开会议。\n", encoding="utf-8")
    lines(folder / "0300_spans.jsonl", {"text": "平原县委", "label": [[0, 3, "LOC"]]})
    (folder / "0301_tags.txt").write_text("德 B-LOC\n州 I-LOC\n\n", encoding="utf-8")
    project = Project.create(tmp_path / "p.hanmark")
    project.close()
    report = import_paths(project.path, [folder], workers=2)
    assert report.detected == {"0300_spans.jsonl": "doccano", "0301_tags.txt": "conll"}
    assert len(report.imported) == 212 and report.spans == 2 and report.files == 212
    with Project.open(project.path, readonly=True) as opened:
        texts = {opened.document(item["id"]).text for item in report.imported}
    assert {"平原县委", "德州"} <= texts and not any("B-LOC" in text for text in texts)
