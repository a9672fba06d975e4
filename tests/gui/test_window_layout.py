"""The side panels: tabs that leave the text its width and each list its height, a View →
Panels menu, one function to add a panel, and the layout remembered between runs (in the
window.ini given to the window: tests never touch the user's settings)."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDockWidget, QLabel

from gui import window_layout
from gui.main_window import MainWindow
from storage.project import Project


def dock(window, name: str) -> QDockWidget:
    return window.findChild(QDockWidget, name)


def in_front(window, name: str) -> bool:
    """Whether the dock is shown (the front tab of its group), not just open."""
    return not dock(window, name).widget().visibleRegion().isEmpty()


def test_at_1280_by_800_the_text_has_the_width_and_the_span_list_the_height(
        open_window, sample_path, qtbot):
    window = open_window(sample_path)
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: window.width() == 1280)
    assert window.view.width() >= 640          # was about 520 beside stacked panels
    right = [dock(window, "spansDock"), dock(window, "documentInfoDock"),
             dock(window, "suggestionsDock"), dock(window, "spanDetailDock")]
    assert window.tabifiedDockWidgets(right[0]) == right[1:]
    assert in_front(window, "spansDock") and not in_front(window, "documentInfoDock")
    row_height = window.span_list.verticalHeader().defaultSectionSize()
    assert window.span_list.viewport().height() // row_height >= 15   # was 7
    dock(window, "documentInfoDock").raise_()
    qtbot.waitUntil(lambda: in_front(window, "documentInfoDock"))
    assert window.document_info.value_of("Title")


def test_view_panels_menu_hides_and_shows_each_panel(open_window, astral_path, qtbot):
    window = open_window(astral_path)
    menu = window_layout.panels_menu(window)
    assert menu.menuAction() in window.view_actions.menu.actions()
    items = {action.text(): action for action in menu.actions()}
    assert sorted(items) == sorted(["Documents", "Spans", "Document", "Suggestions",
                                    "Span Details", "Search", "Findings", "Curation"])
    # the panels a command opens start hidden, and the menu brings them back
    bottom = [dock(window, name) for name in ("searchDock", "findingsDock")]
    assert not any(d.isVisible() for d in bottom)
    items["Findings"].trigger()
    qtbot.waitUntil(lambda: bottom[1].isVisible())
    assert window.dockWidgetArea(bottom[1]) == Qt.DockWidgetArea.BottomDockWidgetArea
    items["Spans"].trigger()
    assert not dock(window, "spansDock").isVisible()
    items["Spans"].trigger()
    qtbot.waitUntil(lambda: dock(window, "spansDock").isVisible())


def test_add_panel_puts_a_new_panel_in_a_tab_and_in_the_menu(open_window, astral_path, qtbot):
    window = open_window(astral_path)
    widget = QLabel("findings")
    added = window_layout.add_panel(window, widget, "Findings", "examplePanelDock")
    assert window.dockWidgetArea(added) == Qt.DockWidgetArea.RightDockWidgetArea
    assert added in window.tabifiedDockWidgets(dock(window, "spansDock"))
    qtbot.waitUntil(lambda: in_front(window, "spansDock"))   # the spans stay in front
    assert window_layout.panels_menu(window).actions()[-1].text() == "Findings"
    window_layout.show_panel(added)
    qtbot.waitUntil(lambda: in_front(window, "examplePanelDock"))
    left = window_layout.add_panel(window, QLabel("x"), "Left", "leftDock", window_layout.LEFT,
                                   visible=False)
    assert added.isVisible() and not left.isVisible()
    assert window.dockWidgetArea(left) == Qt.DockWidgetArea.LeftDockWidgetArea


def _window(qtbot, path, state):
    window = MainWindow(Project.open(path), "a", state_file=state)
    qtbot.addWidget(window)
    window.show()
    window.resize(790, 560)
    qtbot.waitUntil(lambda: window.width() == 790)
    return window


def test_panel_sizes_and_front_tabs_are_remembered(qtbot, astral_path, tmp_path):
    state = tmp_path / "config" / "window.ini"
    first = _window(qtbot, astral_path, state)
    first.resizeDocks([dock(first, "documentsDock")], [200], Qt.Orientation.Horizontal)
    dock(first, "documentInfoDock").raise_()
    qtbot.waitUntil(lambda: in_front(first, "documentInfoDock"))
    qtbot.waitUntil(lambda: dock(first, "documentsDock").width() < window_layout.LEFT_WIDTH - 40)
    width = dock(first, "documentsDock").width()
    first.close()
    second = MainWindow(Project.open(astral_path), "a", state_file=state)
    qtbot.addWidget(second)
    second.show()
    qtbot.waitUntil(lambda: in_front(second, "documentInfoDock"))
    assert not in_front(second, "spansDock")
    assert abs(dock(second, "documentsDock").width() - width) <= 2
    second.close()


def test_a_layout_saved_by_the_stacked_version_is_not_applied(qtbot, astral_path, tmp_path):
    state = tmp_path / "window.ini"
    first = _window(qtbot, astral_path, state)
    dock(first, "documentInfoDock").raise_()
    qtbot.waitUntil(lambda: in_front(first, "documentInfoDock"))
    old = first.saveState(window_layout.LAYOUT_VERSION - 1)
    first.close()
    settings = QSettings(str(state), QSettings.Format.IniFormat)
    settings.setValue("state", old)
    settings.sync()
    second = _window(qtbot, astral_path, state)
    qtbot.waitUntil(lambda: in_front(second, "spansDock"))   # the default, not the saved
    second.close()


def test_the_labels_menu_shows_each_labels_hotkey(open_window, astral_path):
    window = open_window(astral_path)
    shown = {a.text(): a.shortcut().toString() for a in window.labels_menu.actions()}
    assert shown["Person PER"] == "1" and shown["Slogan SLOGAN"] == "6"
