"""Export options: filters, split, overlap policy, the span check, word BIO, sidecars."""

import sqlite3

import orjson
import pytest

from corpus.document import NewDocument
from corpus.formats.model import WriteOptions
from storage.interchange.annotated_import import import_annotated
from storage.interchange.export import ExportFailed, ExportOptions, export
from storage.interchange.export_select import Selection, parse_split
from storage.project import Project
from tests.conftest import new_document
from tests.corpus.formats.helpers import NESTED_SPANS, make_project


def records(path):
    return [orjson.loads(line) for line in path.read_bytes().splitlines()]


def many_documents(path, count=20):
    with Project.create(path) as project:
        for i in range(count):
            project.add_document(new_document(f"第{i}篇：德州市审计局。", f"{i}.txt"))
            project.add_span(i + 1, 3 + len(str(i)), 6 + len(str(i)), "LOC",
                             annotator="a" if i % 2 else "b")
            project.add_span(i + 1, 3 + len(str(i)), 9 + len(str(i)), "ORG", annotator="b")
        for i in range(0, count, 4):
            project.set_status(i + 1, "a", "done")
    return path


def test_filters_by_status_annotator_label_and_document(tmp_path):
    source = many_documents(tmp_path / "p.hanmark")
    out = tmp_path / "o.jsonl"
    export(source, out, ExportOptions(selection=Selection(statuses=("done",))))
    assert [r["id"] for r in records(out)] == [1, 5, 9, 13, 17]
    export(source, out, ExportOptions(selection=Selection(annotators=("a",),
                                                          statuses=("todo",))))
    assert [r["id"] for r in records(out)][:3] == [2, 3, 4]
    assert all(label == "LOC" for r in records(out) for _, _, label in r["label"])
    export(source, out, ExportOptions(selection=Selection(labels=("ORG",), documents=(2, 3))))
    assert [(r["id"], [x[2] for x in r["label"]]) for r in records(out)] == \
        [(2, ["ORG"]), (3, ["ORG"])]


def test_a_filtered_export_reads_only_the_chosen_documents(tmp_path, monkeypatch):
    from storage import connection

    source = many_documents(tmp_path / "p.hanmark")
    statements: list[str] = []
    connect = connection.connect

    def traced(*args, **kwargs):
        db = connect(*args, **kwargs)
        db.conn.set_trace_callback(statements.append)
        return db

    monkeypatch.setattr(connection, "connect", traced)
    out = tmp_path / "o.jsonl"
    export(source, out, ExportOptions(selection=Selection(documents=(2, 3))))
    assert [r["id"] for r in records(out)] == [2, 3]
    reads = [s for s in statements if "FROM documents" in s and "text" in s]
    assert reads and all("json_each('[2,3]')" in s for s in reads)
    assert any("FROM spans" in s and "json_each('[2,3]')" in s for s in statements)
    statements.clear()
    export(source, out, ExportOptions())                  # everything: no id list to send
    assert len(records(out)) == 20
    assert not any("json_each" in s for s in statements)


def test_split_is_deterministic_by_document(tmp_path):
    source = many_documents(tmp_path / "p.hanmark")
    options = ExportOptions(split=parse_split("8/1/1"), seed=3)
    result = export(source, tmp_path / "o.jsonl", options)
    assert result.splits == {"train": 16, "dev": 2, "test": 2} or \
        sorted(result.splits.values()) == [2, 2, 16]
    ids = {name: [r["id"] for r in records(tmp_path / f"o.{name}.jsonl")]
           for name in ("train", "dev", "test")}
    assert sorted(sum(ids.values(), [])) == list(range(1, 21))
    export(source, tmp_path / "again.jsonl", options)
    assert ids["test"] == [r["id"] for r in records(tmp_path / "again.test.jsonl")]
    export(source, tmp_path / "other.jsonl", ExportOptions(split=parse_split("8/1/1"), seed=4))
    assert ids["train"] != [r["id"] for r in records(tmp_path / "other.train.jsonl")]
    assert records(tmp_path / "o.dev.jsonl")[0]["meta"]["split"] == "dev"


def test_parse_split():
    assert parse_split("8/1/1") == pytest.approx((0.8, 0.1, 0.1))
    assert parse_split("80:20") == pytest.approx((0.8, 0.2, 0.0))
    with pytest.raises(ValueError):
        parse_split("a/b")


def test_overlap_fail_reports_every_conflict_and_writes_nothing(tmp_path):
    source = make_project(tmp_path / "p.hanmark", NESTED_SPANS)
    out = tmp_path / "o.conll"
    with pytest.raises(ExportFailed) as failure:
        export(source, out, ExportOptions(format="conll", overlap="fail"))
    assert "[0, 3) LOC overlaps [0, 8) SLOGAN" in str(failure.value)
    assert "(and" not in str(failure.value) and "[4, 7) LOC" in str(failure.value)
    assert not out.exists() and not list(tmp_path.glob("*o.conll*"))
    result = export(source, out, ExportOptions(format="conll", overlap="priority"))
    assert result.conflict_count == 2 and len(result.conflicts) == 2  # ORG, LOC kept


def test_a_span_whose_text_differs_stops_the_export(tmp_path):
    source = make_project(tmp_path / "p.hanmark")
    conn = sqlite3.connect(source)
    conn.execute("DROP TRIGGER spans_check_update")
    conn.execute("UPDATE spans SET text = '平原县' WHERE start = 4")
    conn.commit()
    conn.close()
    out = tmp_path / "o.jsonl"
    out.write_text("previous\n")
    with pytest.raises(ExportFailed, match=r"span \[4, 8\) ORG covers '平原县委', not '平原县'"):
        export(source, out)
    assert out.read_text() == "previous\n"


def test_hf_writes_a_label_file_that_gives_the_tag_names(tmp_path):
    source = make_project(tmp_path / "p.hanmark")
    export(source, tmp_path / "ner.jsonl", ExportOptions(format="hf", split=(0.5, 0.5, 0)))
    names = orjson.loads((tmp_path / "ner.labels.json").read_bytes())
    assert names[:3] == ["O", "B-PER", "I-PER"]
    rows = records(tmp_path / "ner.train.jsonl") + records(tmp_path / "ner.dev.jsonl")
    first = next(r for r in rows if r["id"] == 1)
    tagged = [(t, names[i]) for t, i in zip(first["tokens"], first["ner_tags"]) if i]
    assert tagged[3:7] == [("平", "B-ORG"), ("原", "I-ORG"), ("县", "I-ORG"), ("委", "I-ORG")]
    assert "".join(first["tokens"]).startswith("𠮷野家😀")


def test_hf_rows_carry_title_and_metadata_as_columns_of_one_type(tmp_path):
    """Arrow (datasets.load_dataset("json")) needs the same columns and types in every row,
    while documents' metadata differ: meta is one JSON string."""
    path = tmp_path / "p.hanmark"
    with Project.create(path) as project:
        for meta in ({"date": "2021-05-01", "tags": ["县委"]}, {"date": 20210501}, {}):
            project.insert_document(NewDocument(text=f"平原县委{len(meta)}。", title=str(meta),
                                                source="s.txt", meta=meta))
        project.set_status(1, "a", "done")
    export(path, tmp_path / "ner.jsonl", ExportOptions(format="hf"))
    rows = records(tmp_path / "ner.jsonl")
    assert all(list(r) == ["id", "title", "tokens", "ner_tags", "meta"] for r in rows)
    assert all(isinstance(r["meta"], str) and isinstance(r["title"], str) for r in rows)
    assert orjson.loads(rows[0]["meta"]) == {"source": "s.txt", "date": "2021-05-01",
                                             "tags": ["县委"], "status": {"a": "done"}}
    copy = tmp_path / "copy.hanmark"
    Project.create(copy).close()
    assert import_annotated(copy, [(tmp_path / "ner.jsonl", "hf")]).failed == []
    with Project.open(copy, readonly=True) as project:
        first = project.document(1)
        assert first.title == rows[0]["title"] and first.meta["date"] == "2021-05-01"
        assert project.statuses_by_document() == {1: {"a": "done"}}
    export(path, tmp_path / "bare.jsonl",
           ExportOptions(format="hf", write=WriteOptions(metadata=False)))
    assert list(records(tmp_path / "bare.jsonl")[0]) == ["id", "tokens", "ner_tags"]


def fake_tokens(text):
    """Two characters per token: enough to test alignment without jieba."""
    return [(i, min(i + 2, len(text))) for i in range(0, len(text), 2)]


@pytest.mark.parametrize("policy,expected", [("expand", "B-ORG"), ("skip", "O")])
def test_word_bio_reports_spans_off_token_bounds(tmp_path, policy, expected):
    with Project.create(tmp_path / "p.hanmark") as project:
        project.add_document(new_document("德州市审计局好", "a.txt"))
        project.add_span(1, 1, 4, "ORG", annotator="a")   # 州市审: tokens 德州|市审|计局|好
        project.add_span(1, 4, 6, "LOC", annotator="a")   # 计局: on token bounds
    out = tmp_path / "w.conll"
    result = export(project.path, out, ExportOptions(
        format="wordbio", write=WriteOptions(tokens=fake_tokens, unaligned=policy)))
    assert result.report["unaligned"] == 1
    assert result.report["unaligned_examples"] == ["document 1: [1, 4) ORG '州市审'"]
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == f"德州 {expected}" and lines[2] == "计局 B-LOC" and lines[3] == "好 O"


def test_word_bio_with_jieba(tmp_path):
    from corpus.text.tokenizer import Tokenizer

    source = make_project(tmp_path / "p.hanmark")
    tokens = Tokenizer(tmp_path / "cache").tokens
    result = export(source, tmp_path / "w.conll",
                    ExportOptions(format="wordbio", write=WriteOptions(tokens=tokens)))
    assert result.documents == 2
    text = (tmp_path / "w.conll").read_text(encoding="utf-8")
    assert "王玉东 B-PER" in text or "王玉 B-PER" in text
