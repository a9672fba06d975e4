"""Project → Statistics… in the real window: one chart per tab, saved as PNG and CSV."""

from __future__ import annotations

import csv

from PySide6.QtWidgets import QFileDialog

from storage.project import Project
from tests.checks.planted import clean_project


def test_statistics_shows_the_charts_and_saves_them(open_window, qtbot, tmp_path, monkeypatch):
    path = clean_project(tmp_path / "layers.hanmark")
    window = open_window(path, "alice")
    menu = window.actions.project_menu
    assert window.statistics_action in menu.actions()
    window.statistics_action.trigger()
    dialog = window.statistics_dialog
    qtbot.waitUntil(lambda: dialog.tabs.count() > 0, timeout=30_000)
    titles = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert titles[0] == "Spans per label" and len(titles) == 6 + 6
    dialog.tabs.setCurrentIndex(0)
    png, table = tmp_path / "chart.png", tmp_path / "numbers.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: (str(png if args[2].endswith(".png") else table),
                                                 ""))
    dialog.save_png.click()
    dialog.save_csv.click()
    assert png.read_bytes().startswith(b"\x89PNG")
    with Project.open(path, readonly=True) as project:
        loc = project.db.execute("SELECT count(*) FROM spans s JOIN labels l ON l.id = "
                                 "s.label_id WHERE l.name = 'LOC'").fetchone()[0]
    with open(table, encoding="utf-8-sig") as numbers:
        assert ["LOC", str(loc)] in list(csv.reader(numbers))
    dialog.tabs.currentWidget().grab().save(str(tmp_path / "look.png"))
    folder = tmp_path / "all"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args, **kwargs: str(folder))
    dialog.save_all.click()
    assert len(list(folder.glob("*.png"))) == len(titles)
    assert dialog.note.text().startswith("Saved")
