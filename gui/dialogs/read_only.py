"""A read-only project file: offer to open it read-only, and word the refusal of edits."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from storage.errors import ProjectReadOnly
from storage.project import Project

# Tests (and benchmarks) answer for the user: None asks, True/False answers.
ANSWER: bool | None = None


class ReadOnlyTexts(QObject):
    def question(self) -> str:
        return self.tr("The project file is read-only:\n%1")

    def offer(self) -> str:
        return self.tr("Open it read-only? You can read and export it, but not change it.")

    def refused(self) -> str:
        return self.tr("This project is open read-only: the change was not made.")

    def title_suffix(self) -> str:
        return self.tr("(read-only)")


def offer(parent: QWidget | None, path: Path) -> bool:
    """Ask whether to open the read-only ``path`` read-only."""
    if ANSWER is not None:
        return ANSWER
    texts = ReadOnlyTexts()
    box = QMessageBox(QMessageBox.Icon.Question, "Hanmark",
                      texts.question().replace("%1", str(path)),
                      QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
                      parent)
    box.setInformativeText(texts.offer())
    box.setObjectName("readOnlyBox")
    return box.exec() == QMessageBox.StandardButton.Open


def open_project(parent: QWidget | None, path: Path) -> Project:
    """Project.open, offering read-only for a file we may not write; raises the
    ProjectReadOnly when the user declines."""
    try:
        return Project.open(path)
    except ProjectReadOnly:
        if not offer(parent, path):
            raise
        return Project.open(path, readonly=True)


def is_refused_edit(project: Project | None, error: Exception) -> bool:
    return project is not None and project.readonly and isinstance(error, ProjectReadOnly)
