"""macOS opens a double-clicked ``.hanmark`` file by sending the running app a
FileOpen event, not by passing it on the command line: the window opens it like
File → Open (the one-window-per-project question included)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject


class FileOpenHandler(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() != QEvent.Type.FileOpen:
            return False
        path = Path(event.file())
        if path.suffix.lower() == ".hanmark":
            self.window.files.open(path)
        else:
            self.window.statusBar().showMessage(
                self.tr("To add “%1” to the project, drop it on the window or use File → "
                        "Import.").replace("%1", path.name), 8000)
        return True
