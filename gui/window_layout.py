"""Where the main window's panels sit, and the geometry and dock layout kept between runs.

Every side panel is a dock: the docks of one side share it as tabs, so the text keeps
the width and each list the full height; each can be closed, floated or dragged, and
View → Panels shows it again.  A tool adds its own panel with :func:`add_panel`."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QWidget

LEFT, RIGHT = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
BOTTOM = Qt.DockWidgetArea.BottomDockWidgetArea
LEFT_WIDTH, RIGHT_WIDTH = 270, 310    # at 1280 px the text column gets about 680
LAYOUT_VERSION = 2   # 1 stacked the right-hand panels; a layout saved by it is not applied
FEATURES = (QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable)


def panels_menu(window: QMainWindow) -> QMenu:
    """View → Panels: one check item per panel (made on first use)."""
    menu = getattr(window, "_panels_menu", None)
    if menu is None:
        menu = QMenu(QCoreApplication.translate("window_layout", "&Panels"), window)
        menu.setObjectName("panelsMenu")
        window._panels_menu = menu
    return menu


def add_panel(window: QMainWindow, widget: QWidget, title: str, name: str,
              area: Qt.DockWidgetArea = RIGHT, *, visible: bool = True) -> QDockWidget:
    """Place ``widget`` as a tab of the docks in ``area`` (their first tab stays in front),
    or as that side's first dock; ``name`` is the dock's object name, which the saved layout
    knows it by.  Its show/hide item goes into View → Panels.  A panel added after the
    saved layout was applied takes its saved place too.  Returns the dock."""
    dock = QDockWidget(title, window)
    dock.setObjectName(name)
    dock.setWidget(widget)
    dock.setFeatures(FEATURES)
    if not hasattr(window, "_first_panels"):
        window._first_panels = {}       # area → the first panel added there (its tab group)
    first = window._first_panels.setdefault(area, dock)
    group = [first, *window.tabifiedDockWidgets(first)] if first is not dock else []
    front = next((d for d in group if not d.visibleRegion().isEmpty()), first)
    window.addDockWidget(area, dock)
    dock.setVisible(visible)
    if first is not dock:
        window.tabifyDockWidget(first, dock)
        front.raise_()
    panels_menu(window).addAction(dock.toggleViewAction())
    if getattr(window, "_layout_restored", False):
        window.restoreDockWidget(dock)
    return dock


def show_panel(dock: QDockWidget) -> None:
    """Show ``dock`` and bring its tab to the front."""
    dock.show()
    dock.raise_()


def dock_panels(window: QMainWindow, panels: list[tuple[QWidget, str, Qt.DockWidgetArea, str]],
                widths: tuple[int, int] = (LEFT_WIDTH, RIGHT_WIDTH)) -> list[QDockWidget]:
    """Each (widget, title, area, object name) as a panel (see :func:`add_panel`); the
    left and right sides start ``widths`` pixels wide."""
    docks = [add_panel(window, widget, title, name, area) for widget, title, area, name in panels]
    for area, width in zip((LEFT, RIGHT), widths):
        side = [d for d in docks if window.dockWidgetArea(d) == area]
        if side:
            window.resizeDocks(side[:1], [width], Qt.Orientation.Horizontal)
    return docks


def restore_state(window: QMainWindow, state_file: Path | None) -> None:
    """The geometry and dock layout saved by :func:`save_state`, if any."""
    window._layout_restored = True
    if state_file is None or not state_file.exists():
        return
    state = QSettings(str(state_file), QSettings.Format.IniFormat)
    geometry, layout = state.value("geometry"), state.value("state")
    if isinstance(geometry, QByteArray):
        window.restoreGeometry(geometry)
    if isinstance(layout, QByteArray):
        window.restoreState(layout, LAYOUT_VERSION)


def save_state(window: QMainWindow, state_file: Path | None) -> None:
    if state_file is None:
        return
    state_file.parent.mkdir(parents=True, exist_ok=True)
    state = QSettings(str(state_file), QSettings.Format.IniFormat)
    state.setValue("geometry", window.saveGeometry())
    state.setValue("state", window.saveState(LAYOUT_VERSION))
    state.sync()
