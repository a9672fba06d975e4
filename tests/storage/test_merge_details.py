"""Split and merge keep span attributes and notes; a document's title, date, source and
note come back from an annotator's file where the project has none."""

from storage.project import Project
from storage.span_details import DocumentDetails, set_document_details, set_span_details
from storage.team.merge import merge_file
from storage.team.split import SplitOptions, split_project
from tests.conftest import new_document

TEXTS = ["平原县开展宣讲1500余场次。", "德州市审计局召开会议。"]


def test_attributes_notes_and_document_details_survive_split_and_merge(tmp_path):
    lead = tmp_path / "lead.hanmark"
    with Project.create(lead) as project:
        for i, text in enumerate(TEXTS):
            project.add_document(new_document(text, f"{i}.txt"))
        project.add_span(1, 7, 14, "METRIC", annotator="alice", attributes={"value": 1500})
        set_document_details(project, 2, DocumentDetails("审计局会议", "2021-01-02", "德州日报",
                                                         "lead's note"))
    with Project.open(lead, readonly=True) as source:
        split_project(source, tmp_path / "out", SplitOptions(annotators=("alice",)))
    share = tmp_path / "out" / "alice.hanmark"
    with Project.open(share) as theirs:
        (span,) = theirs.spans(1, "alice")
        assert span.attributes == {"value": 1500}           # split carries them
        assert theirs.document(2).meta["note"] == "lead's note"
        set_span_details(theirs, span.id, {"value": 1500, "approximation": "≥"}, "余")
        new = theirs.add_span(2, 0, 6, "ORG", annotator="alice")
        set_span_details(theirs, new.id, {"level": "市"}, "a city body")
        first = theirs.document(1)
        set_document_details(theirs, 1, DocumentDetails(first.title, "2021-03-09",
                                                        first.source, "alice: checked"))
        second = theirs.document(2)
        set_document_details(theirs, 2, DocumentDetails("another title", "2021-01-02",
                                                        second.source, "alice's note"))
    with Project.open(lead) as project:
        report = merge_file(project, share)
        spans = {s.label: s for i in (1, 2) for s in project.spans(i, "alice")}
        first, second = project.document(1), project.document(2)
    assert report.spans_changed == 1 and report.spans_added == 1
    assert spans["METRIC"].attributes == {"value": 1500, "approximation": "≥"}
    assert spans["METRIC"].note == "余"
    assert spans["ORG"].attributes == {"level": "市"} and spans["ORG"].note == "a city body"
    # Filled where the project had nothing; kept where both differ, and reported.
    assert first.meta["date"] == "2021-03-09" and first.meta["note"] == "alice: checked"
    assert second.title == "审计局会议" and second.meta["note"] == "lead's note"
    assert report.documents_filled == 1 and report.documents_differing == [2]
    assert first.text == TEXTS[0]
    with Project.open(lead) as project:                 # merging again changes nothing
        again = merge_file(project, share)
    assert (again.spans_changed, again.spans_added, again.documents_filled) == (0, 0, 0)
