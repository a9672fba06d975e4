"""A relation's note travels, as a user runs hanmark export and import: doccano relation
objects carry it as "note" (doccano's import ignores keys it does not know), Label Studio
relation results in "meta" as a region's note, brat as AnnotatorNotes; --no-attributes
leaves it out."""

import json
import sqlite3

import pytest

from storage.project import Project
from storage.span_details import set_relation_note
from tests.conftest import new_document, run_hanmark

TEXT = "平原县委书记王玉东提出严真细实快。"


def project(tmp_path):
    path = tmp_path / "n.hanmark"
    with Project.create(path) as opened:
        opened.add_document(new_document(TEXT, "a.txt"))
        ids = {label: opened.add_span(1, s, e, label, annotator="tester").id
               for s, e, label in ((2, 6, "POST"), (6, 9, "PER"), (11, 16, "SLOGAN"))}
        holds = opened.add_relation(ids["PER"], ids["POST"], "HOLDS")
        opened.add_relation(ids["PER"], ids["SLOGAN"], "PROPOSES")
        set_relation_note(opened, holds.id, "任职至2021年\nacting")
    return path


def relations(path):
    conn = sqlite3.connect(path)
    rows = conn.execute("SELECT a.text, r.type, b.text, r.note FROM relations r JOIN spans a "
                        "ON a.id = r.from_span_id JOIN spans b ON b.id = r.to_span_id "
                        "ORDER BY r.type").fetchall()
    conn.close()
    return rows


EXPECTED = [("王玉东", "HOLDS", "县委书记", "任职至2021年\nacting"),
            ("王玉东", "PROPOSES", "严真细实快", "")]


@pytest.mark.parametrize(("fmt", "options", "name"), [
    ("doccano", ["--entities"], "out.jsonl"), ("labelstudio", [], "out.json"),
    ("brat", [], "brat")])
def test_relation_notes_round_trip(tmp_path, fmt, options, name):
    out, again = tmp_path / name, tmp_path / "again.hanmark"
    result = run_hanmark("export", str(project(tmp_path)), "-o", str(out), "--format", fmt,
                         *options)
    assert result.returncode == 0, result.stderr
    assert run_hanmark("new", str(again)).returncode == 0
    result = run_hanmark("import", str(again), str(out), "--quiet")
    assert result.returncode == 0, result.stderr
    expected = EXPECTED if fmt != "brat" else [   # a brat note is one line, as a span's
        (*EXPECTED[0][:3], "任职至2021年 acting"), EXPECTED[1]]
    assert relations(again) == expected


def test_the_exported_forms_and_no_attributes(tmp_path):
    path = project(tmp_path)
    doccano, studio = tmp_path / "d.jsonl", tmp_path / "s.json"
    run_hanmark("export", str(path), "-o", str(doccano), "--entities")
    run_hanmark("export", str(path), "-o", str(studio), "--format", "labelstudio")
    record = json.loads(doccano.read_text(encoding="utf-8"))
    assert [r.get("note") for r in record["relations"]] == ["任职至2021年\nacting", None]
    results = json.loads(studio.read_text(encoding="utf-8"))[0]["annotations"][0]["result"]
    metas = [r.get("meta") for r in results if r["type"] == "relation"]
    assert metas == [{"text": ["任职至2021年\nacting"]}, None]
    bare = tmp_path / "bare.jsonl"
    run_hanmark("export", str(path), "-o", str(bare), "--entities", "--no-attributes")
    record = json.loads(bare.read_text(encoding="utf-8"))
    assert all("note" not in r for r in record["relations"]) and len(record["relations"]) == 2
