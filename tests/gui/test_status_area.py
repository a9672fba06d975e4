"""The status bar's permanent area: position n / N, done count, annotator, span count."""

from PySide6.QtCore import Qt

from storage.project import Project
from tests.conftest import new_document


def test_status_area_follows_documents_statuses_and_spans(open_window, tmp_path, qtbot):
    path = tmp_path / "s.hanmark"
    with Project.create(path) as project:
        for i in range(3):
            project.add_document(new_document(f"第{i}篇：北京市人民政府。", f"{i}.txt"))
    window = open_window(path, annotator="alice")
    area = window.status_area
    assert area.text() == "Document 1 / 3  ·  0 done  ·  Annotator: alice  ·  Spans: 0"
    window.view.select_range(4, 7)
    window.label_actions()["LOC"].trigger()
    assert area.text().endswith("Spans: 1")
    qtbot.keyClick(window.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert area.text() == "Document 2 / 3  ·  1 done  ·  Annotator: alice  ·  Spans: 0"
    window.set_annotator("bob")
    # alice's span is in alice's layer: bob's count is his own
    assert area.text() == "Document 1 / 3  ·  0 done  ·  Annotator: bob  ·  Spans: 0"


def test_status_column_fits_every_status_name(open_window, tmp_path):
    from corpus.document import Status
    from gui.commands.spans import status_name

    path = tmp_path / "s.hanmark"
    Project.create(path).close()
    view = open_window(path).document_list
    width = view.horizontalHeader().sectionSize(view.model_.STATUS)
    assert all(view.fontMetrics().horizontalAdvance(status_name(s)) < width for s in Status)
