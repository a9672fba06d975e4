"""A span's attributes and note, a document's title, date, source and note: stored in one
transaction each, checked, and the document's text never touched."""

import sqlite3

import orjson
import pytest

from storage.errors import RecordRejected
from storage.project import Project
from storage.span_details import DocumentDetails, set_document_details, set_span_details
from tests.conftest import new_document

TEXT = "平原县开展宣讲1500余场次，疫苗接种率达86.72%。"


@pytest.fixture
def project(tmp_path):
    path = tmp_path / "p.hanmark"
    with Project.create(path) as project:
        project.add_document(new_document(TEXT, "a.txt"))
    project = Project.open(path)
    yield project
    project.close()


def test_attributes_and_note_are_stored_and_the_old_span_returned(project):
    span = project.add_span(1, 7, 14, "METRIC", annotator="a",
                            attributes={"value": 1500, "unit": "场次"})
    before = set_span_details(project, span.id, {"value": 1500, "unit": "场次",
                                                 "approximation": "≥", "indicator": "宣讲"},
                              "余 means at least")
    assert before.attributes == {"value": 1500, "unit": "场次"} and before.note == ""
    after = project.span(span.id)
    assert after.attributes["approximation"] == "≥" and after.attributes["indicator"] == "宣讲"
    assert after.note == "余 means at least"
    assert (after.start, after.end, after.label, after.text) == (7, 14, "METRIC", "1500余场次")
    # What is on disk, read by another connection.
    other = sqlite3.connect(project.path)
    row = other.execute("SELECT attributes, note FROM spans WHERE id = ?", [span.id]).fetchone()
    assert orjson.loads(row[0])["indicator"] == "宣讲" and row[1] == "余 means at least"


@pytest.mark.parametrize("attributes", [["value"], {"": 1}, {"value": [1, 2]},
                                        {"value": {"nested": 1}}, {"value": float("nan")}])
def test_bad_attributes_are_refused_and_change_nothing(project, attributes):
    span = project.add_span(1, 7, 14, "METRIC", annotator="a", attributes={"value": 1500})
    with pytest.raises(RecordRejected):
        set_span_details(project, span.id, attributes, "note")
    assert project.span(span.id).attributes == {"value": 1500}
    assert project.span(span.id).note == ""


def test_document_details_change_metadata_and_never_the_text(project):
    before = project.document(1)
    old = set_document_details(project, 1, DocumentDetails(
        "平原县宣讲", "2021-03-09", "德州日报", "checked against the print edition"))
    assert old == before
    after = project.document(1)
    assert after.text == TEXT and after.content_hash == before.content_hash
    assert after.title == "平原县宣讲" and after.source == "德州日报"
    assert after.meta["date"] == "2021-03-09"
    assert after.meta["note"] == "checked against the print edition"
    assert after.meta["file"] == "a.txt"            # the rest of the metadata stays
    assert DocumentDetails.of(after) == DocumentDetails(
        "平原县宣讲", "2021-03-09", "德州日报", "checked against the print edition")
    set_document_details(project, 1, DocumentDetails("平原县宣讲", "", "德州日报", ""))
    assert "date" not in project.document(1).meta and "note" not in project.document(1).meta


def test_an_overlong_note_is_refused(project):
    span = project.add_span(1, 0, 3, "LOC", annotator="a")
    with pytest.raises(RecordRejected):
        set_span_details(project, span.id, {}, "x" * 20_001)
    with pytest.raises(RecordRejected):
        set_document_details(project, 1, DocumentDetails("t", "", "", "x" * 20_001))
    assert project.span(span.id).note == ""
