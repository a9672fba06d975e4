"""Readers on files written by other tools: offsets units, inclusive ends, detection."""

import orjson
import pytest

from corpus import formats
from corpus.formats import cluener, doccano, labelstudio
from corpus.formats.model import Annotated, ReadOptions, RecordFailure
from tests.conftest import ASTRAL_TEXT

# 平原县委 is code points [4, 8) and UTF-16 units [6, 10) (𠮷 and 😀 take two units each)


def write_lines(path, *records):
    path.write_bytes(b"\n".join(r if isinstance(r, bytes) else orjson.dumps(r)
                                for r in records) + b"\n")
    return path


def read(fmt, path, **options):
    return list(formats.get(fmt).read(path, ReadOptions(**options)))


def spans_of(record: Annotated):
    return [(s.start, s.end, s.label, record.text[s.start:s.end]) for s in record.spans]


def test_doccano_utf16_offsets_land_on_the_right_characters(tmp_path):
    path = write_lines(tmp_path / "d.jsonl", {"text": ASTRAL_TEXT, "label": [[6, 10, "ORG"]]},
                       {"text": ASTRAL_TEXT, "entities": [
                           {"id": 1, "start_offset": 12, "end_offset": 15, "label": "PER"}],
                        "relations": []})
    first, second = read("doccano", path)
    assert spans_of(first) == [(4, 8, "ORG", "平原县委")]
    assert spans_of(second) == [(10, 13, "PER", "王玉东")]
    (cp,) = read("doccano", write_lines(tmp_path / "c.jsonl",
                                        {"text": ASTRAL_TEXT, "label": [[4, 8, "ORG"]]}),
                 offsets="codepoint")
    assert spans_of(cp) == [(4, 8, "ORG", "平原县委")]


def test_doccano_relations_are_kept_with_their_entities(tmp_path):
    entities = [{"id": 31, "start_offset": 6, "end_offset": 10, "label": "ORG"},
                {"id": 32, "start_offset": 12, "end_offset": 15, "label": "PER"}]
    path = write_lines(
        tmp_path / "d.jsonl",
        {"text": ASTRAL_TEXT, "entities": entities, "Comments": [],
         "relations": [{"id": 7, "from_id": 32, "to_id": 31, "type": "member_of"}]},
        {"text": ASTRAL_TEXT, "entities": entities,
         "relations": [{"id": 8, "from_id": 32, "to_id": 99, "type": "member_of"}]})
    kept, broken = read("doccano", path)
    assert [r[:3] for r in kept.relations] == [((10, 13, "PER"), (4, 8, "ORG"), "member_of")]
    assert "relations" not in kept.meta
    # A relation that cannot stand is left out with a note; the document and spans stay.
    assert broken.relations == [] and len(broken.spans) == 2
    assert any("relation 8" in note for note in broken.notes)


def test_doccano_declared_unit_is_used_unless_overridden(tmp_path):
    path = write_lines(tmp_path / "d.jsonl", {"text": ASTRAL_TEXT, "label": [[4, 8, "ORG"]],
                                              "meta": {"offset_unit": "codepoint"}})
    assert spans_of(read("doccano", path)[0]) == [(4, 8, "ORG", "平原县委")]
    assert spans_of(read("doccano", path, offsets="utf16")[0]) == [(3, 6, "ORG", "😀平原")]


def test_doccano_spans_that_do_not_fit_utf16_are_rejected_alone(tmp_path):
    path = write_lines(tmp_path / "d.jsonl", {"text": ASTRAL_TEXT, "label": [[1, 4, "ORG"]]},
                       {"text": "短", "label": [[0, 5, "ORG"]]}, b"{broken",
                       {"text": "德州", "label": [[0, 2, "LOC"]]})
    results = read("doccano", path)
    assert [type(r).__name__ for r in results] == ["Annotated"] * 2 + ["RecordFailure",
                                                                        "Annotated"]
    assert results[0].spans == [] and results[0].text == ASTRAL_TEXT
    assert results[0].rejected == [("[1, 4, 'ORG']", results[0].rejected[0][1])]
    assert "splits a character" in results[0].rejected[0][1]
    assert "outside the text" in results[1].rejected[0][1]
    assert "not valid JSON" in results[2].reason and results[2].name == "d.jsonl:3"


def test_doccano_record_with_some_bad_spans_keeps_the_good_ones(tmp_path):
    path = write_lines(tmp_path / "d.jsonl", {"text": "德州市审计局", "label": [
        [0, 3, "LOC"], [0, 99, "ORG"], [3, 3, "ORG"], [0, 2, 7], "junk", [True, 2, "X"]]},
        {"text": "五型", "label": "oops", "meta": [1]}, {"label": [[0, 1, "X"]]})
    kept, wrong_types, no_text = read("doccano", path)
    assert [(s.start, s.end, s.label) for s in kept.spans] == [(0, 3, "LOC")]
    reasons = [reason for _, reason in kept.rejected]
    assert len(reasons) == 5
    assert "outside the text" in reasons[0] and "outside the text" in reasons[1]
    assert "the label is a number, not a string" in reasons[2]
    assert "not [start, end, label]" in reasons[3] and "whole numbers" in reasons[4]
    assert wrong_types.text == "五型" and wrong_types.spans == []
    assert any('"label" is a string' in n for n in wrong_types.notes)
    assert any('"meta" is a list' in n for n in wrong_types.notes)
    assert isinstance(no_text, RecordFailure) and "text" in no_text.reason


def test_label_studio_ids_in_place_of_objects_carry_no_spans(tmp_path):
    path = tmp_path / "ls.json"
    path.write_bytes(orjson.dumps([
        {"id": 1, "data": {"text": "德州市"}, "annotations": [], "predictions": [3, 4]},
        {"id": 2, "data": {"text": "平原县"}, "annotations": [7],
         "predictions": [{"result": [
             {"type": "labels", "value": {"start": 0, "end": 3, "labels": ["LOC"]}},
             {"type": "labels", "value": {"start": "0", "end": 3, "labels": ["LOC"]}},
             {"type": "labels", "value": {"start": 0, "end": 3, "labels": [5]}}, 9]}]}]))
    first, second = read("labelstudio", path)
    assert first.text == "德州市" and first.spans == []
    assert any('"predictions" given as ids' in note for note in first.notes)
    assert [(s.start, s.end, s.label) for s in second.spans] == [(0, 3, "LOC")]
    assert any('"annotations" given as ids' in note for note in second.notes)
    assert [why for _, why in second.rejected] == [
        '"start" and "end" must be whole numbers', "each label must be a string",
        "a result is a number, not an object"]


def test_doccano_writes_utf16_for_doccano(tmp_path):
    from corpus.document import Document
    from corpus.formats.model import FormatSpan

    document = Document(1, "t", ASTRAL_TEXT, "", "", {}, "h")
    record = doccano.record(document, [FormatSpan(4, 8, "ORG", "平原县委")], offsets="utf16")
    assert record["label"] == [[6, 10, "ORG"]] and record["meta"]["offset_unit"] == "utf16"
    assert ASTRAL_TEXT.encode("utf-16-le")[12:20].decode("utf-16-le") == "平原县委"


def test_cluener_ends_are_inclusive(tmp_path):
    path = write_lines(tmp_path / "c.json", {"text": "浙江省德州市审计局王玉东", "label": {
        "address": {"浙江省": [[0, 2]]}, "PER": {"王玉东": [[9, 11]]}}})
    (record,) = read("cluener", path)
    assert spans_of(record) == [(0, 3, "address", "浙江省"), (9, 12, "PER", "王玉东")]
    written = cluener.record(_document(record.text), record.spans, {},
                             formats.WriteOptions(metadata=False))
    assert written["label"] == {"address": {"浙江省": [[0, 2]]}, "PER": {"王玉东": [[9, 11]]}}


def _document(text):
    from corpus.document import Document

    return Document(1, "t", text, "", "", {}, "h")


def test_label_studio_json_and_json_min(tmp_path):
    task = {"id": 7, "data": {"text": ASTRAL_TEXT}, "annotations": [{"result": [
        {"type": "labels", "from_name": "label", "to_name": "text",
         "value": {"start": 4, "end": 8, "text": "平原县委", "labels": ["ORG"]}},
        {"type": "choices", "value": {"choices": ["news"]}}]}]}
    minimal = {"id": 8, "text": "德州市", "label": [
        {"start": 0, "end": 2, "text": "德州", "labels": ["LOC"]}]}
    (tmp_path / "ls.json").write_bytes(orjson.dumps([task]))
    (tmp_path / "min.json").write_bytes(orjson.dumps([minimal]))
    assert formats.detect(tmp_path / "ls.json") == "labelstudio"
    assert formats.detect(tmp_path / "min.json") == "labelstudio"
    assert spans_of(read("labelstudio", tmp_path / "ls.json")[0]) == [(4, 8, "ORG", "平原县委")]
    assert spans_of(read("labelstudio", tmp_path / "min.json")[0]) == [(0, 2, "LOC", "德州")]
    assert labelstudio.sniff(task) and not doccano.sniff(minimal)


@pytest.mark.parametrize("record,expected", [
    ({"text": "a", "label": [[0, 1, "X"]]}, "doccano"),
    ({"text": "a", "label": []}, "doccano"),
    ({"text": "a", "entities": [], "relations": []}, "doccano"),
    ({"text": "a", "label": {"X": {"a": [[0, 0]]}}}, "cluener"),
    ({"tokens": ["a"], "ner_tags": [0]}, "hf"),
    ({"data": {"text": "a"}, "annotations": []}, "labelstudio"),
    ({"text": "平原县委书记", "title": "t"}, None),          # a plain article
    ({"text": "a", "label": ["sports"]}, None),            # a category, not spans
])
def test_detect_json_formats_from_content(tmp_path, record, expected):
    path = write_lines(tmp_path / "x.jsonl", b"{not json", record)
    assert formats.detect(path) == expected


def test_detect_conll_and_plain_text(tmp_path):
    (tmp_path / "a.txt").write_text("平 B-ORG\n原 I-ORG\n\\n O\n\n德 O\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("平原县委书记王玉东说：\n第二段。\n", encoding="utf-8")
    assert formats.detect(tmp_path / "a.txt") == "conll"
    assert formats.detect(tmp_path / "b.txt") is None
    (tmp_path / "c.txt").write_bytes("\ufeff\r\n平 B-ORG\r\n原 I-ORG\r\n".encode())  # BOM, CRLF
    assert formats.detect(tmp_path / "c.txt") == "conll"
    (tmp_path / "d.txt").write_text("平 B-ORG\n原 I-ORG\n平原县委书记说。\n", encoding="utf-8")
    assert formats.detect(tmp_path / "d.txt") is None         # a good first line is not enough


def test_conll_bad_lines_fail_their_document_only(tmp_path):
    path = tmp_path / "x.conll"
    path.write_text("平 B-ORG\n原 I-ORG\n\n德 X-LOC\n\n王 B-PER\n玉\n\n东 S-PER\n", encoding="utf-8")
    results = read("conll", path)
    assert [isinstance(r, RecordFailure) for r in results] == [False, True, True, False]
    assert "bad tag 'X-LOC'" in results[1].reason and results[1].name == "x.conll:4"
    assert spans_of(results[3]) == [(0, 1, "PER", "东")]


def test_a_long_conll_file_is_detected_from_its_first_lines(tmp_path):
    from corpus import formats

    path = tmp_path / "long.txt"
    path.write_text("德 B-LOC\n州 I-LOC\n市 I-LOC\n\n" * 2000, encoding="utf-8")
    assert formats.detect(path) == "conll"
    article = tmp_path / "article.txt"
    article.write_text("德州市审计局召开会议。\n" * 2000, encoding="utf-8")
    assert formats.detect(article) is None
