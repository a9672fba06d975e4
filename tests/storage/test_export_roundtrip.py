"""Round trips: export → import into a new project → export again gives identical spans,
code-point exact, for every format with a reader (nested spans where the format allows)."""

from __future__ import annotations

import orjson
import pytest

from corpus import formats
from corpus.formats.model import WriteOptions
from storage.interchange.annotated_import import AnnotatedOptions
from storage.interchange.export import ExportOptions, export
from storage.interchange.export_select import Selection
from storage.interchange.import_inputs import import_paths
from storage.project import Project
from tests.conftest import ASTRAL_TEXT, require_spacy
from tests.corpus.formats.helpers import FLAT_SPANS, NESTED_SPANS, make_project, stored

NESTING = ["doccano", "labelstudio", "cluener", "brat"]
FLAT = ["conll", "hf", "spacy"]
OPTIONS = [WriteOptions(), WriteOptions(tags="bioes", offsets="utf16", sentences=True,
                                        predictions=True, entities=True),
           WriteOptions(tags="bmes", metadata=False)]


def _skip_without_spacy(name: str) -> None:
    if name == "spacy":
        require_spacy()


def round_trip(source, tmp_path, name: str, options: WriteOptions, tag: str):
    suffix = formats.get(name).suffix
    first = tmp_path / f"first-{tag}{suffix}"
    export(source, first, ExportOptions(format=name, write=options))
    target = Project.create(tmp_path / f"copy-{tag}.hanmark")
    target.close()
    report = import_paths(target.path, [first], annotated=AnnotatedOptions(annotator="b"))
    # A brat folder is walked: each .ann is detected as brat, the other files as what they are.
    expected = {ann.name: "brat" for ann in first.rglob("*.ann")} if name == "brat" \
        else {first.name: name}
    assert report.failed == [] and report.detected == expected
    second = tmp_path / f"second-{tag}{suffix}"
    export(target.path, second, ExportOptions(format=name, write=options))
    return target.path, first, second


@pytest.mark.parametrize("name", NESTING + FLAT)
@pytest.mark.parametrize("index", range(len(OPTIONS)))
def test_round_trip_keeps_every_span_exactly(tmp_path, name, index):
    _skip_without_spacy(name)
    spans = NESTED_SPANS if name in NESTING else FLAT_SPANS
    source = make_project(tmp_path / "source.hanmark", spans)
    copy, first, second = round_trip(source, tmp_path, name, OPTIONS[index], str(index))
    assert stored(copy) == stored(source)
    if name != "brat":  # a brat export is a folder
        assert first.read_bytes().replace(b"first", b"") == \
            second.read_bytes().replace(b"second", b"")


def test_brat_round_trip_writes_the_same_files(tmp_path):
    source = make_project(tmp_path / "source.hanmark", NESTED_SPANS)
    _copy, first, second = round_trip(source, tmp_path, "brat", WriteOptions(), "b")
    names = sorted(p.name for p in first.iterdir())
    assert names == sorted(p.name for p in second.iterdir())
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


@pytest.mark.parametrize("name", FLAT)
def test_flat_formats_keep_one_of_nested_spans(tmp_path, name):
    _skip_without_spacy(name)
    source = make_project(tmp_path / "source.hanmark", NESTED_SPANS)
    copy, _first, _second = round_trip(source, tmp_path, name, WriteOptions(), "n")
    first_document = stored(copy)[0][1]
    assert (0, 8, "SLOGAN", "𠮷野家😀平原县委") in first_document  # the longest wins
    assert not any(s[:3] in {(0, 3, "LOC"), (4, 8, "ORG"), (4, 7, "LOC")}
                   for s in first_document)


def test_round_trip_keeps_attributes_and_notes_in_brat(tmp_path):
    source = make_project(tmp_path / "source.hanmark")
    with Project.open(source) as project:
        project.db.execute("UPDATE spans SET attributes = ?, note = ? WHERE start = 21",
                           ['{"value": 1500, "unit": "场次", "approx": "≥", "raw": "1500"}',
                            "from the table"])
        project.db.conn.commit()
    copy, _first, _second = round_trip(source, tmp_path, "brat", WriteOptions(), "a")
    with Project.open(copy, readonly=True) as project:
        metric = next(s for s in project.spans(1) if s.label == "METRIC")
    assert metric.attributes == {"value": 1500, "unit": "场次", "approx": "≥", "raw": "1500"}
    assert metric.note == "from the table"


def test_doccano_relations_round_trip_through_the_entities_form(tmp_path):
    doccano_file = tmp_path / "from-doccano.jsonl"
    doccano_file.write_bytes(orjson.dumps({
        "id": 9, "text": ASTRAL_TEXT, "Comments": [],
        "entities": [{"id": 31, "label": "ORG", "start_offset": 6, "end_offset": 10},
                     {"id": 32, "label": "PER", "start_offset": 12, "end_offset": 15}],
        "relations": [{"id": 7, "from_id": 32, "to_id": 31, "type": "member_of"}]}) + b"\n")
    source = Project.create(tmp_path / "source.hanmark")
    source.close()
    assert import_paths(source.path, [doccano_file]).failed == []
    options = WriteOptions(offsets="utf16", entities=True)
    _copy, first, second = round_trip(source.path, tmp_path, "doccano", options, "r")
    assert first.read_bytes() == second.read_bytes()
    record = orjson.loads(first.read_bytes())
    assert [(e["start_offset"], e["end_offset"], e["label"]) for e in record["entities"]] == \
        [(6, 10, "ORG"), (12, 15, "PER")]
    (relation,) = record["relations"]
    assert (relation["from_id"], relation["to_id"], relation["type"]) == \
        (record["entities"][1]["id"], record["entities"][0]["id"], "member_of")
    assert "relations" not in record["meta"]
    with Project.open(source.path) as project:   # a linked span deleted: its relation goes
        project.db.execute("DELETE FROM spans WHERE start = 4")
        project.db.conn.commit()
        assert project.relation_count() == 0
    result = export(source.path, tmp_path / "third.jsonl",
                    ExportOptions(format="doccano", write=options))
    assert orjson.loads((tmp_path / "third.jsonl").read_bytes())["relations"] == []
    assert result.report == {} and result.relations == 0
    # Exporting only the ORG spans leaves the relation out, and says so.
    with Project.open(source.path) as project:
        project.db.execute("INSERT INTO spans (document_id, start, \"end\", label_id, "
                           "annotator, text) SELECT 1, 4, 8, id, '', ? FROM labels "
                           "WHERE name = 'ORG'", [ASTRAL_TEXT[4:8]])
        per, org = (s.id for s in project.spans(1))
        project.add_relation(per, org, "member_of")
        project.db.conn.commit()
    result = export(source.path, tmp_path / "fourth.jsonl", ExportOptions(
        format="doccano", write=options, selection=Selection(labels=("ORG",))))
    assert result.report == {"relations_left_out": 1}


# Spans that start or end with a line break (\n, \r\n), are only a break, or hold a tab.
BREAK_SPANS = [(1, 14, 16, "PER"), (1, 15, 19, "LOC"), (1, 15, 16, "SLOGAN"),
               (2, 3, 5, "ORG"), (2, 15, 17, "LOC"), (2, 13, 18, "METRIC")]


def test_brat_keeps_spans_that_start_or_end_at_a_line_break(tmp_path):
    source = make_project(tmp_path / "source.hanmark", BREAK_SPANS)
    copy, first, second = round_trip(source, tmp_path, "brat", WriteOptions(), "l")
    assert stored(copy) == stored(source)
    for name in ("doc-000001.ann", "doc-000002.ann"):
        assert (first / name).read_bytes() == (second / name).read_bytes()
        text = (first / name).with_suffix(".txt").read_bytes().decode("utf-8")
        lines = (first / name).read_bytes().decode("utf-8").split("\n")[:-1]
        assert len(lines) == 3 and all(line.startswith("T") for line in lines)
        for line in lines:   # what brat checks: the text is the fragments joined by spaces
            _key, where, covered = line.split("\t", 2)
            pieces = [tuple(map(int, p.split())) for p in where.split(" ", 1)[1].split(";")]
            assert covered == " ".join(text[s:e] for s, e in pieces)
            assert not any(c in covered for c in "\n\r\u2028")
