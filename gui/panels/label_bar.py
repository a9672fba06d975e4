"""The label bar: one button per label, with its colour and hotkey.  A tool bar,
so that a scheme with many labels folds into an overflow menu instead of
widening the window."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QSize, Qt, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QLabel, QToolBar, QToolButton, QWidget


def swatch(color: str, size: int = 14) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(color))
    painter.setPen(QColor(color).darker(130))
    painter.drawRoundedRect(1, 1, size - 2, size - 2, 3, 3)
    painter.end()
    return QIcon(pixmap)


class LabelBar(QToolBar):
    """Shows the label actions (the window owns them, with their shortcuts)."""

    labelContextMenu = Signal(str, QPoint)   # a label's name, where (global) its menu opens

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("labelBar")
        self.setMovable(False)
        self.setFloatable(False)
        self.setIconSize(QSize(14, 14))
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.buttons: dict[str, QToolButton] = {}

    def set_actions(self, actions: dict[str, QAction]) -> None:
        self.clear()
        self.buttons.clear()
        self.addWidget(QLabel(self.tr("Labels:") + " "))
        for name, action in actions.items():
            self.addAction(action)
            button = self.widgetForAction(action)
            button.setObjectName(f"label_{name}")
            button.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            button.customContextMenuRequested.connect(
                lambda point, n=name, b=button: self.labelContextMenu.emit(n, b.mapToGlobal(point)))
            self.buttons[name] = button
