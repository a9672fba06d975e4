"""Where the main window's panels sit, and the geometry and dock layout kept between runs."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget


def dock_panels(window: QMainWindow, panels: list[tuple[QWidget, str, Qt.DockWidgetArea, str]],
                left_width: int = 330) -> None:
    """Put each (widget, title, area, object name) in a movable dock; the left docks start
    ``left_width`` pixels wide."""
    for widget, title, area, name in panels:
        dock = QDockWidget(title, window)
        dock.setObjectName(name)        # saveState() finds docks by name
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)
        window.addDockWidget(area, dock)
    left = [window.findChild(QDockWidget, name) for _w, _t, area, name in panels
            if area == Qt.DockWidgetArea.LeftDockWidgetArea]
    window.resizeDocks(left, [left_width] * len(left), Qt.Orientation.Horizontal)


def restore_state(window: QMainWindow, state_file: Path | None) -> None:
    """The geometry and dock layout saved by :func:`save_state`, if any."""
    if state_file is None or not state_file.exists():
        return
    state = QSettings(str(state_file), QSettings.Format.IniFormat)
    geometry, layout = state.value("geometry"), state.value("state")
    if isinstance(geometry, QByteArray):
        window.restoreGeometry(geometry)
    if isinstance(layout, QByteArray):
        window.restoreState(layout)


def save_state(window: QMainWindow, state_file: Path | None) -> None:
    if state_file is None:
        return
    state_file.parent.mkdir(parents=True, exist_ok=True)
    state = QSettings(str(state_file), QSettings.Format.IniFormat)
    state.setValue("geometry", window.saveGeometry())
    state.setValue("state", window.saveState())
    state.sync()
