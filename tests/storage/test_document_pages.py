"""The document list's queries: ordered ids under a filter, a page of summaries, counts."""

from corpus.document import Status
from storage import document_pages
from storage.project import Project
from tests.conftest import new_document

TITLES = ["乙 北京", "甲 上海", "丙 北京_日报"]


def _project(tmp_path):
    project = Project.create(tmp_path / "p.hanmark")
    ids = [project.add_document(new_document(t + "\n正文。", f"{i}.txt"))
           for i, t in enumerate(TITLES)]
    project.set_status(ids[1], "alice", Status.DONE)
    project.set_status(ids[2], "bob", Status.DONE)
    project.add_span(ids[2], 0, 1, "LOC", annotator="alice")
    return project, ids


def test_ids_follow_the_filter_and_the_sort(tmp_path):
    project, (a, b, c) = _project(tmp_path)
    ids = document_pages.document_ids
    assert list(ids(project, "alice")) == [a, b, c]
    assert list(ids(project, "alice", descending=True)) == [c, b, a]
    assert list(ids(project, "alice", title="北京")) == [a, c]
    assert list(ids(project, "alice", title="_")) == [c]          # LIKE's wildcard, literally
    assert list(ids(project, "alice", status=Status.DONE)) == [b]
    assert list(ids(project, "bob", status=Status.DONE)) == [c]
    assert list(ids(project, "alice", status=Status.TODO, title="北京")) == [a, c]
    assert list(ids(project, "alice", order="status")) == [a, c, b]
    assert list(ids(project, "alice", order="spans", descending=True)) == [c, a, b]
    assert list(ids(project, "alice", order="title")) == sorted([a, b, c],
                                                                 key=lambda i: TITLES[i - 1])
    project.close()


def test_a_page_of_summaries_counts_and_titles(tmp_path):
    project, (a, b, c) = _project(tmp_path)
    page = document_pages.summaries(project, [c, a], "alice")
    assert [(s.id, s.status, s.span_count) for s in page] == [(c, Status.TODO, 1),
                                                              (a, Status.TODO, 0)]
    assert document_pages.done_and_total(project, "alice") == (1, 3)
    assert document_pages.done_and_total(project, "carol") == (0, 3)
    assert document_pages.titles(project, {a, c}) == {a: TITLES[0], c: TITLES[2]}
    project.close()
