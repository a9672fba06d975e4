"""Project → Agreement… in the real main window: the figures of hanmark agreement,
computed off the UI thread, per pair and per label, and a message instead of a table
when there is nothing to compare."""

from __future__ import annotations

from PySide6.QtWidgets import QTableWidget

from corpus.team.agreement import compute
from storage.project import Project
from storage.team.agreement_data import AgreementRequest, read_input
from tests.conftest import new_document

TEXT = "平原县委书记王玉东说德州市审计局很好。"


def team_project(tmp_path):
    path = tmp_path / "team.hanmark"
    with Project.create(path) as project:
        first = project.add_document(new_document(TEXT, "a.txt"))
        second = project.add_document(new_document("第二篇文档：德州市审计局。", "b.txt"))
        for start, end, label in ((0, 4, "ORG"), (4, 6, "POST"), (6, 9, "PER")):
            project.add_span(first, start, end, label, annotator="alice")
        for start, end, label in ((0, 3, "LOC"), (6, 9, "PER"), (10, 16, "ORG")):
            project.add_span(first, start, end, label, annotator="bob")
        project.add_span(second, 6, 12, "ORG", annotator="alice")
        project.add_span(first, 0, 4, "ORG", annotator="gold")
        for annotator in ("alice", "bob"):
            project.set_status(first, annotator, "done")
    return path


def cells(table: QTableWidget) -> list[list[str]]:
    return [[table.item(r, c).text() for c in range(table.columnCount())]
            for r in range(table.rowCount())]


def open_dialog(window, qtbot):
    window.actions.agreement.trigger()
    dialog = window.agreement_dialog
    qtbot.waitUntil(lambda: dialog.result is not None or dialog.task is None, timeout=10000)
    qtbot.waitUntil(lambda: dialog.task is None, timeout=10000)
    return dialog


def test_agreement_dialog_shows_the_pairs_and_labels(open_window, qtbot, tmp_path):
    path = team_project(tmp_path)
    window = open_window(path, "alice")
    assert "&Agreement…" in [a.text() for a in window.actions.project_menu.actions()]
    dialog = open_dialog(window, qtbot)
    assert [box.text() for box in dialog.choices] == ["alice", "bob", "gold"]
    assert [box.isChecked() for box in dialog.choices] == [True, True, False]
    with Project.open(path, readonly=True) as project:
        expected = compute(read_input(project, AgreementRequest()))
    pair = expected.pairs[0]
    assert cells(dialog.pairs) == [
        ["alice – bob", "1", f"{pair.span_f1.overall:.3f}", f"{pair.partial_f1.overall:.3f}",
         f"{pair.kappa.overall:.3f}"],
        ["α, all annotators", "1", "", "", f"{expected.alpha.overall:.3f}"]]
    rows = {row[0]: row[1:] for row in cells(dialog.labels)}
    assert list(rows) == ["Person PER", "Org ORG", "Place LOC", "Post POST"]   # scheme order
    assert rows["Person PER"] == ["1.000", "1.000", "1.000", "1.000"]
    assert rows["Org ORG"][2] == f"{pair.kappa.labels['ORG']:.3f}"
    assert "Org ORG ↔ Place LOC: 3" in dialog.confused.text()
    dialog.grab().save(str(tmp_path / "agreement.png"))

    dialog.every_document.setChecked(True)
    dialog.compute_button.click()
    qtbot.waitUntil(lambda: dialog.task is None and dialog.pairs.rowCount() == 2,
                    timeout=10000)
    assert cells(dialog.pairs)[0][1] == "2"
    dialog.pairs.selectRow(1)          # the α row: per-label α, confusions over all pairs
    assert all(row[1:4] == ["", "", ""] for row in cells(dialog.labels))


def test_nothing_to_compare_is_said_in_the_dialog(open_window, qtbot, tmp_path):
    path = team_project(tmp_path)
    with Project.open(path) as project:
        project.set_status(1, "bob", "in_progress")
    window = open_window(path, "alice")
    dialog = open_dialog(window, qtbot)
    assert dialog.pairs.rowCount() == 0
    assert "No document is marked done by two of these annotators" in dialog.note.text()
    dialog.choices[1].setChecked(False)
    dialog.compute_button.click()
    assert "Choose at least two annotators" in dialog.note.text()
    assert dialog.task is None
