"""The spans an export reads: grouped per document in SQLite, sorted and de-duplicated."""

from corpus.suggest.model import Suggestion
from storage.interchange.export_select import Selection, span_query, spans_by_document
from storage.project import Project
from tests.conftest import new_document


def read_spans(path, selection=None, details=True):
    with Project.open(path, readonly=True) as project:
        names = dict(project.db.execute("SELECT id, name FROM labels"))
        sql, params = span_query(selection or Selection(), details)
        return [(document_id, [tuple(span) for span in spans])
                for document_id, spans in spans_by_document(project.db.execute(sql, params),
                                                            names)]


def test_spans_come_sorted_by_range_and_label_name_and_once_each(tmp_path):
    path = tmp_path / "p.hanmark"
    with Project.create(path) as project:
        project.add_document(new_document("德州市审计局。", "a.txt"))
        project.add_document(new_document("没有标注。", "b.txt"))
        project.add_document(new_document("平原县委书记", "c.txt"))
        project.add_span(3, 4, 6, "POST", annotator="a", attributes={"rank": 1})
        for annotator in ("a", "b"):   # the same span from two annotators
            project.add_span(1, 0, 2, "ORG", annotator=annotator)
        project.add_span(1, 0, 2, "LOC", annotator="b")   # LOC's id is above ORG's
        project.add_span(1, 2, 6, "ORG", annotator="a")
    assert read_spans(path) == [
        (1, [(0, 2, "LOC", "德州", None, ""), (0, 2, "ORG", "德州", None, ""),
             (2, 6, "ORG", "市审计局", None, "")]),
        (3, [(4, 6, "POST", "书记", {"rank": 1}, "")]),
    ]
    assert read_spans(path, details=False)[1] == (3, [(4, 6, "POST", "书记", None, "")])
    assert read_spans(path, Selection(annotators=("b",), labels=("ORG",))) == \
        [(1, [(0, 2, "ORG", "德州", None, "")])]


def test_open_suggestions_come_with_their_label_names(tmp_path):
    path = tmp_path / "p.hanmark"
    with Project.create(path) as project:
        project.add_document(new_document("增长86.72%，五型", "a.txt"))
        project.store_suggestions(1, [
            Suggestion(9, 11, "SLOGAN", "slogans", "五型"),
            Suggestion(2, 8, "METRIC", "metrics", "86.72%", attributes={"unit": "%"})])
    assert read_spans(path, Selection(suggestions=True)) == [
        (1, [(2, 8, "METRIC", "86.72%", {"unit": "%"}, ""), (9, 11, "SLOGAN", "五型", None, "")])]
