"""Relations round trip through doccano (entities form, code points and UTF-16), Label
Studio and brat: export, import into a new project, and the spans and relations are
identical; real-looking exports of those tools import with their relations."""

from __future__ import annotations

import orjson
import pytest

from corpus.formats.model import WriteOptions
from storage.interchange.annotated_import import AnnotatedOptions
from storage.interchange.export import ExportOptions, export
from storage.interchange.import_inputs import import_paths
from storage.project import Project
from tests.conftest import ASTRAL_TEXT, new_document

# (label, text) pairs of the seed articles, linked by the default types where allowed.
SEED_WORDS = {"PER": ["王玉东", "齐强", "潘吉兵"], "POST": ["县委书记", "局长", "书记"],
              "ORG": ["平原县委", "县委组织部", "德州市审计局"], "LOC": ["平原县", "德州", "王庙镇"],
              "METRIC": ["1500余场次", "86.72%", "9.35万张", "665万元"],
              "SLOGAN": ["严真细实快", "五型", "零差错", "四位一体"]}


def mark_seeds(path) -> int:
    """Spans on every occurrence of the seed words (nested ones too) and, in each
    document, relations of every allowed type between neighbouring spans; returns how
    many relations."""
    count = 0
    with Project.open(path) as project:
        for document_id in project.document_ids():
            text = project.document(document_id).text
            spans = []
            for label, words in SEED_WORDS.items():
                for word in words:
                    at = text.find(word)
                    while at >= 0:
                        spans.append(project.add_span(document_id, at, at + len(word), label,
                                                      annotator="alice"))
                        at = text.find(word, at + len(word))
            spans.sort(key=lambda s: s.start)
            for i, a in enumerate(spans):     # to the nearest later span a type allows
                for b in spans[i + 1:i + 12]:
                    ends = (a, b) if project.allowed_types(a.label, b.label) else (b, a)
                    kinds = project.allowed_types(ends[0].label, ends[1].label)
                    if kinds:
                        project.add_relation(ends[0].id, ends[1].id, kinds[0].name)
                        count += 1
                        break
    return count


def content(path, annotator=None):
    """Per document text: its spans and its relations by their ends' range and label."""
    out = {}
    with Project.open(path, readonly=True) as project:
        for document_id in project.document_ids():
            spans = {s.id: (s.start, s.end, s.label, s.text)
                     for s in project.spans(document_id, annotator)}
            relations = sorted((spans[r.from_span_id], spans[r.to_span_id], r.type)
                               for r in project.relations(document_id, annotator))
            out[project.document(document_id).text] = (sorted(spans.values()), relations)
    return out


FORMATS = [("doccano", WriteOptions(entities=True), ".jsonl"),
           ("doccano", WriteOptions(entities=True, offsets="utf16"), ".jsonl"),
           ("labelstudio", WriteOptions(), ".json"),
           ("brat", WriteOptions(), "")]


@pytest.mark.parametrize("name, options, suffix", FORMATS,
                         ids=["doccano", "doccano-utf16", "labelstudio", "brat"])
def test_seed_articles_round_trip_with_their_relations(sample_path, tmp_path, name, options,
                                                       suffix):
    relations = mark_seeds(sample_path)
    assert relations > 20
    out = tmp_path / f"out{suffix}"
    result = export(sample_path, out, ExportOptions(format=name, write=options))
    assert result.relations == relations and result.report == {}
    copy = tmp_path / "copy.hanmark"
    Project.create(copy).close()
    report = import_paths(copy, [out], annotated=AnnotatedOptions(annotator="alice"))
    assert report.failed == [] and report.spans_rejected == []
    assert report.relations == relations
    assert content(copy) == content(sample_path)
    again = import_paths(copy, [out], annotated=AnnotatedOptions(annotator="alice"))
    assert again.relations == 0                     # the same file twice adds nothing
    second = tmp_path / f"second{suffix}"
    export(copy, second, ExportOptions(format=name, write=options))
    if suffix:
        assert second.read_bytes().count(b"relation") == out.read_bytes().count(b"relation")


def test_astral_offsets_round_trip_in_utf16(tmp_path):
    path = tmp_path / "p.hanmark"
    with Project.create(path) as project:
        project.add_document(new_document(ASTRAL_TEXT, "a.txt"))
        org = project.add_span(1, 4, 8, "ORG", annotator="").id
        per = project.add_span(1, 10, 13, "PER", annotator="").id
        metric = project.add_span(1, 21, 28, "METRIC", annotator="").id
        project.add_relation(metric, org, "INDICATOR_OF")
    out = tmp_path / "u.jsonl"
    export(path, out, ExportOptions(write=WriteOptions(entities=True, offsets="utf16")))
    record = orjson.loads(out.read_bytes())
    entity = {e["id"]: e for e in record["entities"]}
    (relation,) = record["relations"]
    assert entity[relation["from_id"]]["label"] == "METRIC"
    assert entity[relation["to_id"]]["start_offset"] == 6    # 4 code points, 2 astral
    copy = tmp_path / "c.hanmark"
    Project.create(copy).close()
    import_paths(copy, [out])
    assert content(copy) == content(path)
    assert per != org


DOCCANO_EXPORT = {   # as doccano 1.8 exports a relation project (UTF-16 offsets)
    "id": 112, "text": "😀平原县委书记王玉东提出“严真细实快”工作法。",
    "entities": [{"id": 901, "label": "PER", "start_offset": 8, "end_offset": 11},
                 {"id": 902, "label": "POST", "start_offset": 4, "end_offset": 8},
                 {"id": 903, "label": "SLOGAN", "start_offset": 14, "end_offset": 19},
                 {"id": 904, "label": "机构", "start_offset": 2, "end_offset": 6}],
    "relations": [{"id": 51, "from_id": 901, "to_id": 902, "type": "HOLDS"},
                  {"id": 52, "from_id": 901, "to_id": 903, "type": "PROPOSES"},
                  {"id": 53, "from_id": 904, "to_id": 903, "type": "发起"}],
    "Comments": []}

LABEL_STUDIO_EXPORT = [{
    "id": 7, "data": {"text": "德州市审计局局长齐强说，审计覆盖率达86.72%。"},
    "annotations": [{
        "id": 3, "completed_by": 1, "was_cancelled": False, "ground_truth": False,
        "result": [
            {"value": {"start": 0, "end": 6, "text": "德州市审计局", "labels": ["ORG"]},
             "id": "Xq1_aB9c", "from_name": "label", "to_name": "text", "type": "labels",
             "origin": "manual"},
            {"value": {"start": 6, "end": 8, "text": "局长", "labels": ["POST"]},
             "id": "k2LmN0pq", "from_name": "label", "to_name": "text", "type": "labels",
             "origin": "manual"},
            {"value": {"start": 8, "end": 10, "text": "齐强", "labels": ["PER"]},
             "id": "Zz9yY8xx", "from_name": "label", "to_name": "text", "type": "labels",
             "origin": "manual"},
            {"value": {"start": 18, "end": 24, "text": "86.72%", "labels": ["METRIC"]},
             "id": "m3tr1c00", "from_name": "label", "to_name": "text", "type": "labels",
             "origin": "manual"},
            {"from_id": "k2LmN0pq", "to_id": "Zz9yY8xx", "type": "relation",
             "direction": "left", "labels": ["HOLDS"]},
            {"from_id": "m3tr1c00", "to_id": "Xq1_aB9c", "type": "relation",
             "direction": "right", "labels": ["INDICATOR_OF"]},
            {"from_id": "m3tr1c00", "to_id": "nowhere", "type": "relation",
             "direction": "right", "labels": []}],
        "created_at": "2024-03-01T08:00:00.000000Z", "lead_time": 42.1}],
    "predictions": [], "meta": {}, "created_at": "2024-03-01T07:00:00Z",
    "project": 2}]

BRAT_ANN = ("T1\tORG 0 4\t平原县委\nT2\tPOST 2 6\t县委书记\nT3\tPER 6 9\t王玉东\n"
            "T4\tSLOGAN 11 16\t严真细实快\nR1\tHOLDS Arg1:T3 Arg2:T2\t\n"
            "R2\tPROPOSES Arg1:T1 Arg2:T4\t\n#1\tAnnotatorNotes R2\t县委提出\n"
            "R3\tPROPOSES Arg1:T3 Arg2:T9\t\n*\tEquiv T1 T1\n")


def imported(tmp_path, name, data):
    path = tmp_path / name
    if isinstance(data, bytes):
        path.write_bytes(data)
    project = tmp_path / "p.hanmark"
    Project.create(project).close()
    return project, import_paths(project, [path], annotated=AnnotatedOptions(annotator="bob"))


def test_a_doccano_relation_export_imports_with_its_relations(tmp_path):
    path, report = imported(tmp_path, "d.jsonl", orjson.dumps(DOCCANO_EXPORT) + b"\n")
    assert report.failed == [] and report.relations == 3
    assert report.relation_types_added == ["发起"]
    (spans, relations), = content(path, "bob").values()
    assert relations == [
        ((1, 5, "ORG", "平原县委"), (13, 18, "SLOGAN", "严真细实快"), "发起"),
        ((7, 10, "PER", "王玉东"), (3, 7, "POST", "县委书记"), "HOLDS"),
        ((7, 10, "PER", "王玉东"), (13, 18, "SLOGAN", "严真细实快"), "PROPOSES")]


def test_a_label_studio_export_imports_with_its_relations(tmp_path):
    path, report = imported(tmp_path, "ls.json", orjson.dumps(LABEL_STUDIO_EXPORT))
    assert report.failed == [] and report.relations == 2
    assert any("nowhere" in n["note"] for n in report.notes)
    (_spans, relations), = content(path, "bob").values()
    assert [(a[3], b[3], kind) for a, b, kind in relations] == [
        ("齐强", "局长", "HOLDS"), ("86.72%", "德州市审计局", "INDICATOR_OF")]


def test_brat_r_lines_import_with_their_notes(tmp_path):
    folder = tmp_path / "brat"
    folder.mkdir()
    (folder / "a.txt").write_text("平原县委书记王玉东提出严真细实快。", encoding="utf-8")
    (folder / "a.ann").write_text(BRAT_ANN, encoding="utf-8")
    project = tmp_path / "p.hanmark"
    Project.create(project).close()
    report = import_paths(project, [folder], annotated=AnnotatedOptions(annotator="bob"))
    assert report.failed == [] and report.relations == 2
    assert any("R3" in n["note"] for n in report.notes)
    with Project.open(project, readonly=True) as opened:
        notes = {r.type: r.note for r in opened.relations(1)}
    assert notes == {"HOLDS": "", "PROPOSES": "县委提出"}
    out = tmp_path / "again"
    export(project, out, ExportOptions(format="brat"))
    ann = next(out.glob("*.ann")).read_text(encoding="utf-8")
    assert "R2\tHOLDS Arg1:T3 Arg2:T2\t" in ann and "AnnotatorNotes R1\t县委提出" in ann
    conf = (out / "annotation.conf").read_text(encoding="utf-8")
    assert "HOLDS Arg1:PER, Arg2:POST" in conf
    assert "PROPOSES Arg1:ORG|PER, Arg2:SLOGAN" in conf


def test_unknown_relation_types_are_refused_with_no_new_labels(tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_bytes(orjson.dumps(DOCCANO_EXPORT) + b"\n")
    project = tmp_path / "p.hanmark"
    Project.create(project).close()
    report = import_paths(project, [path], annotated=AnnotatedOptions(add_labels=False))
    assert report.relations == 2 and report.relation_types_added == []
    assert [r["reason"] for r in report.spans_rejected if "relation" in r["reason"]] == [
        "relation: unknown relation type '发起'"]     # its ORG end (机构 is ORG) was found
