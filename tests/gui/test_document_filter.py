"""Searching, filtering and sorting the document list: re-read from the project in SQL."""

from PySide6.QtCore import Qt

from corpus.document import Status
from storage.project import Project
from tests.conftest import new_document

TITLES = ["北京新闻 100%", "上海新闻", "北京_日报", "广州晚报"]


def _window(open_window, tmp_path):
    path = tmp_path / "s.hanmark"
    with Project.create(path) as project:
        ids = [project.add_document(new_document(t + "\n正文。", f"{i}.txt"))
               for i, t in enumerate(TITLES)]
        project.set_status(ids[1], "alice", Status.DONE)
        project.add_span(ids[3], 0, 2, "LOC", annotator="alice")
        project.add_span(ids[3], 2, 4, "ORG", annotator="alice")
        project.add_span(ids[0], 0, 2, "LOC", annotator="alice")
    return open_window(path, annotator="alice")


def _titles(window):
    return [row.title for row in window.document_list.model_.rows]


def test_search_titles_and_filter_by_status(open_window, tmp_path, qtbot):
    window = _window(open_window, tmp_path)
    panel = window.document_panel
    panel.filter.search.setText("北京")
    qtbot.waitUntil(lambda: _titles(window) == ["北京新闻 100%", "北京_日报"])
    panel.filter.search.setText("_")      # LIKE's wildcards are searched as themselves
    qtbot.waitUntil(lambda: _titles(window) == ["北京_日报"])
    panel.filter.search.clear()
    panel.filter.status.setCurrentIndex(panel.filter.status.findData(Status.DONE))
    qtbot.waitUntil(lambda: _titles(window) == ["上海新闻"])
    assert window.status_area.text().startswith("Document not listed / 1")


def test_sort_by_any_column_from_the_header(open_window, tmp_path):
    window = _window(open_window, tmp_path)
    header = window.document_list.horizontalHeader()
    header.setSortIndicator(2, Qt.SortOrder.DescendingOrder)      # spans, most first
    assert _titles(window) == ["广州晚报", "北京新闻 100%", "上海新闻", "北京_日报"]
    header.setSortIndicator(1, Qt.SortOrder.AscendingOrder)       # status
    assert _titles(window)[-1] == "上海新闻"        # to do, in progress, done, skipped
    header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)       # title
    assert _titles(window) == sorted(TITLES)
    assert window.document_list.currentIndex().row() == \
        _titles(window).index(window.session.document.title)   # the open one stays chosen
