"""Telling the user what went wrong and what to do, in their language.

storage/ has no Qt, so its errors carry a stable ``code``; the texts shown for
each code live here, where they can be translated.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from storage.errors import NewerProject, ProjectError


class ProjectErrors(QObject):
    """(what happened, what to do) for each error code; %1 is the file."""

    def texts(self) -> dict[str, tuple[str, str]]:
        return {
            "missing": (
                self.tr("The project file does not exist:\n%1"),
                self.tr("Check the path, or create a new project."),
            ),
            "exists": (
                self.tr("A file with this name already exists:\n%1"),
                self.tr("Choose another file name, or open the existing project."),
            ),
            "not_a_project": (
                self.tr("This file is not a Hanmark project:\n%1"),
                self.tr("Open a .hanmark file created by Hanmark."),
            ),
            "damaged": (
                self.tr("The project file is damaged (truncated or overwritten):\n%1"),
                self.tr("Run 'hanmark doctor' on it, or open a backup copy "
                        "(*-backup.hanmark beside it). The file was not changed."),
            ),
            "locked": (
                self.tr("The project is locked by another program:\n%1"),
                self.tr("Close the other program using this project, then try again."),
            ),
            "read_only": (
                self.tr("The project file is read-only:\n%1"),
                self.tr("Make the file writable, or copy it to a folder you can write to."),
            ),
            "write_failed": (
                self.tr("Hanmark could not save to the project:\n%1"),
                self.tr("Free some disk space or check the drive. Your earlier work is saved."),
            ),
        }

    def newer(self) -> tuple[str, str]:
        return (
            self.tr("This project was made by a newer version of Hanmark "
                    "(schema %2; this version reads up to %3):\n%1"),
            self.tr("Update Hanmark to open it. The file was not changed."),
        )

    def fallback(self) -> str:
        return self.tr("Hanmark cannot use this project:\n%1")

    def title(self) -> str:
        return self.tr("Hanmark")


def explain(error: ProjectError) -> tuple[str, str]:
    """(what happened, what to do) for a project error, translated."""
    texts = ProjectErrors()
    if isinstance(error, NewerProject):
        what, hint = texts.newer()
        what = what.replace("%2", str(error.found)).replace("%3", str(error.supported))
    else:
        what, hint = texts.texts().get(error.code, (texts.fallback(), ""))
        if error.detail:
            what += "\n(" + error.detail + ")"
    return what.replace("%1", str(error.path)), hint


def show_project_error(parent: QWidget | None, error: ProjectError) -> None:
    what, hint = explain(error)
    box = QMessageBox(QMessageBox.Icon.Critical, ProjectErrors().title(), what,
                      QMessageBox.StandardButton.Ok, parent)
    box.setInformativeText(hint)
    box.setObjectName("projectErrorBox")
    box.exec()


def show_message(parent: QWidget | None, title: str, text: str, *, error: bool = True) -> None:
    icon = QMessageBox.Icon.Critical if error else QMessageBox.Icon.Information
    QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent).exec()
