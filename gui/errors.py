"""Telling the user what went wrong and what to do, in their language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from storage.errors import NewerProject, ProjectError


def _tr(text: str) -> str:
    return QCoreApplication.translate("ProjectErrors", text)


def explain(error: ProjectError) -> tuple[str, str]:
    """(what happened, what to do) for a project error, translated."""
    name = str(error.path)
    texts = {
        "missing": (_tr("The project file does not exist:\n%1"),
                    _tr("Check the path, or create a new project.")),
        "exists": (_tr("A file with this name already exists:\n%1"),
                   _tr("Choose another file name, or open the existing project.")),
        "not_a_project": (_tr("This file is not a Hanmark project:\n%1"),
                          _tr("Open a .hanmark file created by Hanmark.")),
        "locked": (_tr("The project is locked by another program:\n%1"),
                   _tr("Close the other program using this project, then try again.")),
        "read_only": (_tr("The project file is read-only:\n%1"),
                      _tr("Make the file writable, or copy it to a folder you can write to.")),
        "write_failed": (_tr("Hanmark could not save to the project:\n%1"),
                         _tr("Free some disk space or check the drive. "
                             "Your earlier work is saved.")),
    }
    if isinstance(error, NewerProject):
        what = _tr("This project was made by a newer version of Hanmark "
                   "(schema %2; this version reads up to %3):\n%1")
        what = what.replace("%2", str(error.found)).replace("%3", str(error.supported))
        return what.replace("%1", name), _tr("Update Hanmark to open it. The file was not changed.")
    what, hint = texts.get(error.code, (_tr("Hanmark cannot use this project:\n%1"), ""))
    if error.detail and error.code not in ("newer",):
        what += "\n(" + error.detail + ")"
    return what.replace("%1", name), hint


def show_project_error(parent: QWidget | None, error: ProjectError) -> None:
    what, hint = explain(error)
    box = QMessageBox(QMessageBox.Icon.Critical, _tr("Hanmark"), what,
                      QMessageBox.StandardButton.Ok, parent)
    box.setInformativeText(hint)
    box.setObjectName("projectErrorBox")
    box.exec()


def show_message(parent: QWidget | None, title: str, text: str, *, error: bool = True) -> None:
    icon = QMessageBox.Icon.Critical if error else QMessageBox.Icon.Information
    QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent).exec()
