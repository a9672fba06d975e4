"""The document list at scale: rows read a page at a time, a status change redraws its one
row, the done/total counter, another annotator's statuses, and columns that fit."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest
from PySide6.QtCore import Qt

from corpus.document import Status
from gui import i18n
from gui.commands.spans import status_name
from gui.panels.document_rows import PAGE
from storage.project import Project

COUNT = 2 * PAGE + 50


@pytest.fixture
def many_path(tmp_path):
    """A project of COUNT short documents, inserted in one transaction (as the benchmark)."""
    path = tmp_path / "many.hanmark"
    Project.create(path).close()
    db = sqlite3.connect(path)
    text = "今年新签约项目25个，投资665万元。"
    db.executemany("INSERT INTO documents (title, text, content_hash, length) VALUES (?, ?, ?, ?)",
                   ((f"第{i:03}篇", f"{i}{text}", hashlib.sha256(str(i).encode()).hexdigest(),
                     len(f"{i}{text}")) for i in range(COUNT)))
    db.commit()
    db.close()
    with Project.open(path) as project:
        project.set_status(3, "bob", Status.DONE)
        project.add_span(3, 0, 1, "METRIC", annotator="bob")
    return path


def test_rows_are_read_a_page_at_a_time(open_window, many_path):
    window = open_window(many_path, annotator="alice")
    model = window.document_list.model_
    assert model.rowCount() == COUNT
    assert len(model.rows._pages) <= 2            # only what the list has shown
    assert model.rows[COUNT - 1].title == f"第{COUNT - 1:03}篇"    # read when asked
    assert model.row_of(COUNT) == COUNT - 1
    assert window.document_panel.counter.text() == f"0 of {COUNT} done"


def test_mark_done_and_next_redraws_one_row_and_counts_it(open_window, many_path, qtbot):
    window = open_window(many_path, annotator="alice")
    model = window.document_list.model_
    changed, resets = [], []
    model.dataChanged.connect(lambda top, bottom, _roles=(): changed.append((top.row(),
                                                                             bottom.row())))
    model.modelReset.connect(lambda: resets.append(1))
    window.actions.done_next.trigger()
    assert resets == [] and changed == [(0, 0)]
    assert model.rows[0].status is Status.DONE
    assert window.session.document.id == 2
    assert window.document_panel.counter.text() == f"1 of {COUNT} done"
    window.session.open_document(COUNT - 1)       # a row whose page was never read
    window.document_list.model_.rows._pages.clear()
    window.actions.done_next.trigger()
    assert resets == [] and model.done_count == 2
    assert window.document_panel.counter.text() == f"2 of {COUNT} done"


def test_the_annotator_box_shows_another_annotators_statuses(open_window, many_path, qtbot):
    window = open_window(many_path, annotator="alice")
    panel = window.document_panel
    box = panel.filter.annotator
    assert [box.itemText(i) for i in range(box.count())] == ["alice", "bob"]
    box.setCurrentIndex(1)
    panel.filter.status.setCurrentIndex(panel.filter.status.findData(Status.DONE))
    rows = window.document_list.model_.rows
    assert [(r.id, r.status, r.span_count) for r in rows] == [(3, Status.DONE, 1)]
    assert panel.counter.text() == f"1 of {COUNT} done"
    window.session.open_document(3)
    window.actions.done_next.trigger()              # alice's status: bob's list stays
    assert [(r.id, r.status) for r in window.document_list.model_.rows] == [(3, Status.DONE)]
    assert panel.counter.text() == f"1 of {COUNT} done"
    box.setCurrentIndex(0)
    panel.filter.status.setCurrentIndex(0)
    assert window.document_list.model_.rows[2].status is Status.DONE   # alice's, now


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_columns_fit_their_content_and_titles_have_tooltips(open_window, sample_path, qapp,
                                                             language):
    try:
        i18n.install(qapp, language)
        window = open_window(sample_path)
        table = window.document_list
        metrics = table.fontMetrics()
        for status in Status:                       # no "in prog…"
            assert table.columnWidth(1) >= metrics.horizontalAdvance(status_name(status)) + 12
        header = table.model_.headerData(2, Qt.Orientation.Horizontal)
        assert table.columnWidth(2) >= metrics.horizontalAdvance(header) + 12
        model = table.model_
        title = model.rows[1].title
        assert model.data(model.index(1, 0), Qt.ItemDataRole.ToolTipRole) == title
    finally:
        i18n.install(qapp, "en")
