"""View → Label Tags: the label tags drawn above spans (gui/view/label_tags.py), on by
default; whether they are shown is remembered with the window's state (QSettings)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from gui.view.label_tags import LabelTags

SETTING = "view/label_tags"


class TagTools(QObject):
    def __init__(self, window, menu: QMenu, state_file: Path | None) -> None:
        super().__init__(window)
        self.window, self.state_file = window, state_file
        self.session = None
        view = window.view
        self.overlay = LabelTags(view)
        self.overlay.enabled = self._remembered()
        view.add_overlay(self.overlay)
        self.action = QAction(self.tr("Label &Tags"), window)
        self.action.setObjectName("labelTagsAction")
        self.action.setCheckable(True)
        self.action.setChecked(self.overlay.enabled)
        self.action.setToolTip(self.tr("Show each span's label as a small tag above it"))
        self.action.toggled.connect(self.set_shown)
        menu.addAction(self.action)
        view.fontSizeChanged.connect(lambda _size: self.overlay.font_changed())

    def set_session(self, session) -> None:
        self.session = session
        session.spansChanged.connect(self._spans_changed)

    def _spans_changed(self, document_id: int, _removed, added) -> None:
        session = self.session
        if added and session.document is not None and session.document.id == document_id:
            self.overlay.grow(session.spans, added)

    def set_shown(self, on: bool) -> None:
        self.overlay.enabled = on
        self.window.view.overlay_room_changed()
        if self.state_file is not None:
            settings = QSettings(str(self.state_file), QSettings.Format.IniFormat)
            settings.setValue(SETTING, on)
            settings.sync()

    def _remembered(self) -> bool:
        if self.state_file is None or not self.state_file.exists():
            return True
        value = QSettings(str(self.state_file), QSettings.Format.IniFormat).value(SETTING, True)
        return value not in (False, "false", "0", 0)
