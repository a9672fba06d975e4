"""Project → Check Consistency… in the real window: the findings panel finds what was
planted, jumps to it, fixes in one undoable click; the open document's checks are
counted in the status bar after every edit."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from storage.project import Project
from tests.checks.planted import clean_project, plant


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    path = clean_project(tmp_path_factory.mktemp("checks") / "planted.hanmark")
    return path, plant(path)


@pytest.fixture
def project_copy(planted, tmp_path):
    """A fresh copy per test (the backup API: the file is in WAL mode)."""
    import sqlite3

    path, where = planted
    target = tmp_path / "copy.hanmark"
    source, destination = sqlite3.connect(path), sqlite3.connect(target)
    with destination:
        source.backup(destination)
    source.close()
    destination.close()
    return target, where


def run_check(window, qtbot):
    window.checks.action.trigger()
    assert window.checks.dock.isVisible()
    qtbot.waitUntil(lambda: bool(window.checks.panel.findings), timeout=60_000)
    return window.checks.panel


def row_of(panel, check: str, place) -> int:
    return next(row for row, f in enumerate(panel.shown)
                if f.check == check and (f.document, f.start, f.end) == place)


def test_the_panel_lists_every_planted_finding_and_jumps_to_it(open_window, qtbot,
                                                               project_copy):
    path, where = project_copy
    window = open_window(path, "alice")
    panel = run_check(window, qtbot)
    places = {(f.check, f.document, f.start, f.end) for f in panel.findings}
    for check, place in where.items():
        assert (check, *place) in places, check
    assert panel.table.rowCount() == len(panel.findings)
    row = row_of(panel, "missed", where["missed"])
    panel.table.itemActivated.emit(panel.table.item(row, 0))
    document, start, end = where["missed"]
    assert window.session.document.id == document
    assert window.view.selection() == (start, end)
    panel.filter.setCurrentIndex(panel.filter.findData("duplicate"))
    assert [f.check for f in panel.shown] == ["duplicate"]


def test_a_fix_is_one_click_and_undoes(open_window, qtbot, project_copy):
    path, where = project_copy
    window = open_window(path, "alice")
    panel = run_check(window, qtbot)
    chosen = [row_of(panel, "label-conflict", where["label-conflict"]),
              row_of(panel, "edge", where["edge"]), row_of(panel, "missed", where["missed"])]
    for row in chosen:
        panel.table.selectionModel().select(
            panel.table.model().index(row, 0),
            panel.table.selectionModel().SelectionFlag.Select
            | panel.table.selectionModel().SelectionFlag.Rows)
    assert panel.fix_button.isEnabled()
    before = len(panel.findings)
    qtbot.mouseClick(panel.fix_button, Qt.MouseButton.LeftButton)
    assert len(panel.findings) == before - 3

    def layer():
        with Project.open(path, readonly=True) as project:
            return {(s.document_id, s.start, s.end, s.label)
                    for d in project.document_ids() for s in project.spans(d, "alice")}

    document, start, end = where["label-conflict"]
    assert (document, start, end, "LOC") in layer()
    document, start, end = where["edge"]
    assert (document, start + 1, end, "SLOGAN") in layer()
    document, start, end = where["missed"]
    assert (document, start, end, "ORG") in layer()
    window.actions.undo.trigger()          # the three fixes are one undo step
    spans = layer()
    assert (where["label-conflict"][0], *where["label-conflict"][1:], "ORG") in spans
    assert (where["missed"][0], *where["missed"][1:], "ORG") not in spans
    assert (where["edge"][0], *where["edge"][1:], "SLOGAN") in spans


def test_other_layers_are_shown_but_not_fixed(open_window, qtbot, project_copy):
    path, where = project_copy
    window = open_window(path, "alice")
    panel = run_check(window, qtbot)
    row = row_of(panel, "layer-conflict", where["layer-conflict"])
    assert panel.shown[row].annotator == "bob"
    panel.table.selectRow(row)
    assert not panel.fix_button.isEnabled()


def test_the_open_documents_checks_are_counted_after_each_edit(open_window, qtbot,
                                                               project_copy):
    path, where = project_copy
    window = open_window(path, "alice")
    document, start, end = where["duplicate"]
    window.session.open_document(document)
    count = window.findChild(type(window.checks.count), "checkCount")

    def shown() -> int:
        return int(count.text().split(": ")[1]) if ": " in count.text() and \
            count.text().split(": ")[1].isdigit() else 0

    qtbot.waitUntil(lambda: shown() >= 2)       # the duplicate and the overlap
    first = shown()
    window.view.select_range(start, end)
    window.apply_label("PER")                   # a third copy
    qtbot.waitUntil(lambda: shown() == first + 1)
    assert "潘吉兵" in count.toolTip()
    window.actions.undo.trigger()
    qtbot.waitUntil(lambda: shown() == first)
    window.session.open_document(5)
    qtbot.waitUntil(lambda: count.text() == "Checks: clean")
