"""The span panel in the real window: the selected span's attributes and note, the open
document's title, date, source and note; every edit saved at once and undoable."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDockWidget

from storage.project import Project
from tests.conftest import new_document

TEXT = "平原县开展宣讲1500余场次，疫苗接种率达86.72%。"


def project_with_metric(tmp_path):
    path = tmp_path / "p.hanmark"
    with Project.create(path) as project:
        project.add_document(new_document(TEXT, "a.txt"))
        project.add_document(new_document("第二篇：德州市审计局。", "b.txt"))
        project.add_span(1, 7, 14, "METRIC", annotator="tester", origin="suggested:metrics",
                         attributes={"value": 1500, "unit": "场次", "scale": None,
                                     "approximation": "≥", "percent": False})
        project.add_span(1, 0, 3, "LOC", annotator="tester")
    return path


def stored(path, span_id):
    with Project.open(path, readonly=True) as project:
        return project.span(span_id)


def cell(panel, key):
    table = panel.table
    for row in range(table.rowCount()):
        if table.item(row, 0).text() == key:
            return table.item(row, 1)
    raise KeyError(key)


def test_the_panel_is_a_dock_and_shows_the_selected_span(open_window, tmp_path):
    window = open_window(project_with_metric(tmp_path))
    dock = window.findChild(QDockWidget, "spanDetailDock")
    assert dock is not None and dock.isVisible()
    panel = window.details.panel
    assert not panel.table.isEnabled()
    window.session.select_span(1)
    assert "1500余场次" in panel.text_label.text()
    assert panel.label_label.text() == "Metric METRIC"
    assert panel.annotator_label.text() == "tester"
    assert panel.origin_label.text() == "suggested:metrics"
    assert cell(panel, "value").text() == "1500" and cell(panel, "unit").text() == "场次"
    assert cell(panel, "approximation").text() == "≥" and cell(panel, "percent").text() == "false"
    assert panel.title_edit.text() == window.session.document.title


def test_an_attribute_edit_is_saved_at_once_and_undone(open_window, tmp_path):
    path = project_with_metric(tmp_path)
    window = open_window(path)
    window.session.select_span(1)
    panel = window.details.panel
    cell(panel, "value").setText("1600")
    assert stored(path, 1).attributes["value"] == 1600
    assert window.session.spans.get(1).attributes["value"] == 1600   # the view's copy too
    assert "attributes" in window.actions.undo.text()
    window.actions.undo.trigger()
    assert stored(path, 1).attributes["value"] == 1500
    assert cell(panel, "value").text() == "1500"
    window.actions.redo.trigger()
    assert stored(path, 1).attributes["value"] == 1600


def test_a_bad_value_is_explained_and_not_saved(open_window, tmp_path):
    path = project_with_metric(tmp_path)
    window = open_window(path)
    window.session.select_span(1)
    panel = window.details.panel
    cell(panel, "value").setText("一千五")
    assert panel.error_label.text()
    assert stored(path, 1).attributes["value"] == 1500
    assert window.session.undo_stack.count() == 0


def test_free_attributes_are_added_and_removed(open_window, tmp_path, qtbot):
    path = project_with_metric(tmp_path)
    window = open_window(path)
    window.session.select_span(2)            # LOC: no metric keys
    panel = window.details.panel
    assert panel.table.rowCount() == 0
    panel.add_button.click()
    row = panel.table.rowCount() - 1
    QApplication.processEvents()
    panel.table.item(row, 0).setText("alias")         # a name first: nothing saved yet
    assert stored(path, 2).attributes == {}
    panel.table.item(row, 1).setText("平原")
    assert stored(path, 2).attributes == {"alias": "平原"}
    panel.table.setCurrentCell(row, 0)
    panel.remove_button.click()
    assert stored(path, 2).attributes == {}
    window.actions.undo.trigger()
    assert stored(path, 2).attributes == {"alias": "平原"}


def test_a_note_is_saved_when_typing_pauses_and_is_one_undo_step(open_window, tmp_path, qtbot):
    path = project_with_metric(tmp_path)
    window = open_window(path)
    window.session.select_span(2)
    panel = window.details.panel
    panel.note.setFocus()
    qtbot.keyClicks(panel.note, "county seat")
    qtbot.waitUntil(lambda: stored(path, 2).note == "county seat")
    qtbot.keyClicks(panel.note, ", checked")
    panel.note.flush()
    assert stored(path, 2).note == "county seat, checked"
    assert window.session.undo_stack.count() == 1        # typing merges into one step
    window.actions.undo.trigger()
    assert stored(path, 2).note == ""


def test_a_pending_note_goes_to_its_span_when_another_document_opens(open_window, tmp_path,
                                                                      qtbot):
    path = project_with_metric(tmp_path)
    window = open_window(path)
    window.session.select_span(2)
    panel = window.details.panel
    panel.note.setFocus()
    qtbot.keyClicks(panel.note, "typed just before leaving")
    window.session.open_document(2)
    assert stored(path, 2).note == "typed just before leaving"
    assert window.session.document.id == 2             # not opened back
    window.actions.undo.trigger()                      # undo shows the document it changes
    assert window.session.document.id == 1 and stored(path, 2).note == ""


def test_document_details_are_edited_and_undone(open_window, tmp_path, qtbot):
    path = project_with_metric(tmp_path)
    window = open_window(path)
    panel = window.details.panel
    panel.title_edit.setText("平原县宣讲活动")
    panel.title_edit.editingFinished.emit()
    panel.date_edit.setText("2021-03-09")
    panel.date_edit.editingFinished.emit()
    with Project.open(path, readonly=True) as project:
        document = project.document(1)
    assert document.title == "平原县宣讲活动" and document.meta["date"] == "2021-03-09"
    assert document.text == TEXT
    row = window.document_list.model_.row_of(1)
    assert window.document_list.model_.rows[row].title == "平原县宣讲活动"
    assert window.document_info.value_of("Title") == "平原县宣讲活动"
    panel.document_note.setFocus()
    qtbot.keyClicks(panel.document_note, "print edition")
    window.view.setFocus()                            # focus leaves: saved
    qtbot.waitUntil(lambda: "note" in Project.open(path, readonly=True).document(1).meta)
    window.actions.undo.trigger()
    window.actions.undo.trigger()
    window.actions.undo.trigger()
    with Project.open(path, readonly=True) as project:
        document = project.document(1)
    assert document.title == TEXT[:40].split("\n")[0] and "date" not in document.meta
    assert panel.title_edit.text() == document.title
