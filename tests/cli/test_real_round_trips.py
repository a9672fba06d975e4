"""Real exports and public datasets (tests/fixtures/real, origins in tests/fixtures/README.md)
go through ``hanmark import`` and ``hanmark export`` and come back record for record:
doccano's own example exports, a CLUENER2020 dev sample, an MSRA NER sample and a real
Label Studio export.  Gold datasets are imported with ``--keep-duplicates``, as the README
says to."""

from __future__ import annotations

import orjson
import pytest

from hanmark.cli import main
from storage.project import Project
from tests.conftest import ROOT

REAL = ROOT / "tests" / "fixtures" / "real"


def _round_trip(tmp_path, name: str, fmt: str, *export_options: str,
                keep_duplicates: bool = True) -> bytes:
    project = tmp_path / "real.hanmark"
    Project.create(project).close()
    flags = ["--keep-duplicates"] if keep_duplicates else []
    assert main(["import", str(project), str(REAL / name), "--quiet", *flags]) == 0
    out = tmp_path / f"out-{name}"
    assert main(["export", str(project), "-o", str(out), "--format", fmt,
                 *export_options]) == 0
    return out.read_bytes()


def _jsonl(data: bytes) -> list[dict]:
    return [orjson.loads(line) for line in data.splitlines() if line.strip()]


def _doccano(record: dict) -> tuple:
    return record["text"], sorted(map(tuple, record["label"]))


@pytest.mark.parametrize("name", ["doccano-export-sequence-labeling.jsonl",
                                  "doccano-tests-repeated-texts.jsonl"])
def test_doccano_examples_round_trip_record_for_record(tmp_path, name):
    source = _jsonl((REAL / name).read_bytes())
    back = _jsonl(_round_trip(tmp_path, name, "doccano"))
    assert [_doccano(r) for r in back] == [_doccano(r) for r in source]
    for original, exported in zip(source, back):   # the record's own metadata comes back
        assert original.get("meta", {}).items() <= exported["meta"].items()


def test_without_keep_duplicates_repeated_texts_are_one_document(tmp_path):
    back = _jsonl(_round_trip(tmp_path, "doccano-tests-repeated-texts.jsonl", "doccano",
                              keep_duplicates=False))
    assert [_doccano(r) for r in back] == [
        ("example", [(0, 1, "LOC"), (0, 1, "PER"), (0, 2, "ORG")])]


def test_doccano_relations_example_round_trips(tmp_path):
    """doccano's relation-extraction example: one pretty-printed object in a .jsonl."""
    source = orjson.loads((REAL / "doccano-import-relations.jsonl").read_bytes())
    [back] = _jsonl(_round_trip(tmp_path, "doccano-import-relations.jsonl", "doccano",
                                "--entities"))

    def spans(record):
        return {e["id"]: (e["start_offset"], e["end_offset"], e["label"])
                for e in record["entities"]}

    def relations(record):
        ends = spans(record)
        return sorted((ends[r["from_id"]], ends[r["to_id"]], r["type"])
                      for r in record["relations"])

    assert back["text"] == source["text"]
    assert sorted(spans(back).values()) == sorted(spans(source).values())
    assert relations(back) == relations(source)


def test_cluener_dev_sample_round_trips_record_for_record(tmp_path):
    source = _jsonl((REAL / "cluener-dev-40.json").read_bytes())
    back = _jsonl(_round_trip(tmp_path, "cluener-dev-40.json", "cluener", "--no-metadata"))
    assert len(back) == len(source) == 40
    assert [{"text": r["text"], "label": r["label"]} for r in back] == source


def test_msra_sample_round_trips_line_for_line(tmp_path):
    source = (REAL / "msra-test-40.bio").read_bytes().replace(b"\r\n", b"\n")
    back = _round_trip(tmp_path, "msra-test-40.bio", "conll", "--tags", "bio")
    sentences = source.strip().split(b"\n\n")
    assert len(sentences) == 40
    assert back.strip().split(b"\n\n") == sentences


def test_a_real_label_studio_export_keeps_every_task_and_names_what_it_leaves_out(tmp_path,
                                                                                  capsys):
    name = "labelstudio-export-csv-test.json"
    tasks = orjson.loads((REAL / name).read_bytes())
    back = orjson.loads(_round_trip(tmp_path, name, "labelstudio"))
    assert [t["data"]["text"] for t in back] == [t["data"]["text"] for t in tasks]
    out = capsys.readouterr().out
    # its results are image boxes, not text spans: said, never dropped in silence
    assert out.count("of type 'rectanglelabels' left out") == 2
    again = tmp_path / "again.hanmark"
    Project.create(again).close()
    exported = tmp_path / f"out-{name}"
    assert main(["import", str(again), str(exported), "--quiet"]) == 0
    with Project.open(again) as project:
        texts = [row[0] for row in project.db.execute("SELECT text FROM documents ORDER BY id")]
    assert texts == [t["data"]["text"] for t in tasks]
