"""Span attributes and notes (and a document's note) through doccano and Label Studio
files: written where each tool keeps them, read back, and left out by --no-attributes."""

from __future__ import annotations

import orjson
import pytest

from corpus.formats.model import WriteOptions
from storage.interchange.annotated_import import AnnotatedOptions
from storage.interchange.export import ExportOptions, export
from storage.interchange.import_inputs import import_paths
from storage.project import Project
from storage.span_details import DocumentDetails, set_document_details, set_span_details
from tests.conftest import run_hanmark
from tests.corpus.formats.helpers import NESTED_SPANS, make_project

METRIC = {"value": 1500, "unit": "场次", "scale": None, "approximation": "≥", "percent": False}
OPTIONS = {"codepoint": WriteOptions(), "utf16": WriteOptions(offsets="utf16"),
           "entities": WriteOptions(offsets="utf16", entities=True),
           "predictions": WriteOptions(predictions=True)}


def annotated_source(tmp_path):
    path = make_project(tmp_path / "source.hanmark", NESTED_SPANS)
    with Project.open(path) as project:
        spans = {(s.start, s.end, s.label): s for s in project.spans(1)}
        set_span_details(project, spans[(21, 28, "METRIC")].id, METRIC, "余: at least")
        set_span_details(project, spans[(4, 7, "LOC")].id, {"alias": "平原"}, "")
        set_span_details(project, spans[(0, 8, "SLOGAN")].id, {}, "nested: two lines\nhere")
        document = project.document(1)
        set_document_details(project, 1, DocumentDetails(document.title, "2021-03-09",
                                                         document.source, "checked"))
    return path


def details(path):
    """(document id, start, end, label) → (attributes, note) of every span with any."""
    with Project.open(path, readonly=True) as project:
        return {(s.document_id, s.start, s.end, s.label): (s.attributes, s.note)
                for i in project.document_ids() for s in project.spans(i)
                if s.attributes or s.note}


def round_trip(source, tmp_path, fmt, options, tag):
    first = tmp_path / f"first-{tag}.{'json' if fmt == 'labelstudio' else 'jsonl'}"
    export(source, first, ExportOptions(format=fmt, write=options))
    copy = Project.create(tmp_path / f"copy-{tag}.hanmark")
    copy.close()
    report = import_paths(copy.path, [first], annotated=AnnotatedOptions(annotator="a"))
    assert report.failed == [] and report.detected == {first.name: fmt}
    return copy.path, first


@pytest.mark.parametrize("fmt, option", [("doccano", "codepoint"), ("doccano", "utf16"),
                                         ("doccano", "entities"), ("labelstudio", "codepoint"),
                                         ("labelstudio", "predictions")])
def test_attributes_and_notes_round_trip(tmp_path, fmt, option):
    source = annotated_source(tmp_path)
    copy, first = round_trip(source, tmp_path, fmt, OPTIONS[option], option)
    assert details(copy) == details(source)
    assert details(copy)[(1, 21, 28, "METRIC")] == (METRIC, "余: at least")
    with Project.open(copy, readonly=True) as project:
        meta = project.document(1).meta
    assert meta["note"] == "checked" and meta["date"] == "2021-03-09"
    assert "span_details" not in meta


def test_doccano_keeps_its_own_schema(tmp_path):
    """doccano reads ``label`` as [start, end, label] triples and keeps ``meta`` as an
    object: the details live in meta, in the record's offset unit."""
    source = annotated_source(tmp_path)
    _copy, first = round_trip(source, tmp_path, "doccano", OPTIONS["utf16"], "s")
    record = orjson.loads(first.read_bytes().splitlines()[0])
    assert all(isinstance(t, list) and len(t) == 3 for t in record["label"])
    entries = record["meta"]["span_details"]
    metric = next(e for e in entries if e["label"] == "METRIC")
    # ASTRAL_TEXT has three astral characters before the metric: UTF-16 offsets are 3 later.
    assert (metric["start"], metric["end"]) == (24, 31)
    assert [24, 31, "METRIC"] in record["label"]
    assert metric["attributes"] == METRIC and metric["note"] == "余: at least"


def test_label_studio_result_meta_is_its_region_meta_form(tmp_path):
    source = annotated_source(tmp_path)
    _copy, first = round_trip(source, tmp_path, "labelstudio", OPTIONS["codepoint"], "l")
    task = orjson.loads(first.read_bytes())[0]
    results = {r["value"]["labels"][0] + str(r["value"]["start"]): r
               for r in task["annotations"][0]["result"]}
    metric = results["METRIC21"]
    assert metric["meta"] == {"text": ["余: at least"], "attributes": METRIC}
    assert results["SLOGAN0"]["meta"] == {"text": ["nested: two lines\nhere"]}
    assert "meta" not in results["PER10"]             # nothing to say: no meta at all
    assert all(isinstance(r.get("meta", {}), dict) for r in results.values())


def test_a_label_studio_region_note_written_by_label_studio_is_read(tmp_path):
    text = "平原县委书记王玉东说"
    path = tmp_path / "ls.json"
    path.write_bytes(orjson.dumps([{"id": 1, "data": {"text": text}, "annotations": [{
        "result": [{"id": "abc", "type": "labels", "from_name": "label", "to_name": "text",
                    "value": {"start": 6, "end": 9, "text": "王玉东", "labels": ["PER"]},
                    "meta": {"text": ["first", "second"]}},
                   {"id": "bad", "type": "labels", "from_name": "label", "to_name": "text",
                    "value": {"start": 0, "end": 3, "text": "平原县", "labels": ["LOC"]},
                    "meta": "not an object"}]}]}]))
    project = Project.create(tmp_path / "p.hanmark")
    project.close()
    report = import_paths(project.path, [path])
    assert report.failed == []
    assert any("meta" in note for item in report.to_dict().get("notes", [])
               for note in [str(item)])
    with Project.open(project.path, readonly=True) as project:
        spans = {s.label: s for s in project.spans(1)}
    assert spans["PER"].note == "first\nsecond" and spans["LOC"].note == ""


def test_no_attributes_leaves_them_out(tmp_path):
    source = annotated_source(tmp_path)
    out = tmp_path / "plain.jsonl"
    result = run_hanmark("export", str(source), "-o", str(out), "--no-attributes")
    assert result.returncode == 0, result.stderr
    record = orjson.loads(out.read_bytes().splitlines()[0])
    assert "span_details" not in record["meta"] and "note" not in record["meta"]
    assert record["meta"]["date"] == "2021-03-09"       # other metadata stays
    assert [21, 28, "METRIC"] in record["label"]
    ls = tmp_path / "plain.json"
    result = run_hanmark("export", str(source), "-o", str(ls), "--format", "labelstudio",
                         "--no-attributes")
    assert result.returncode == 0, result.stderr
    task = orjson.loads(ls.read_bytes())[0]
    assert all("meta" not in r for r in task["annotations"][0]["result"])
    with_them = tmp_path / "full.jsonl"
    assert run_hanmark("export", str(source), "-o", str(with_them)).returncode == 0
    assert "span_details" in orjson.loads(with_them.read_bytes().splitlines()[0])["meta"]
