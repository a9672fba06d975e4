"""A change of the label scheme (Project → Labels…) as one undoable step: redo applies it
through storage/scheme/scheme_changes.py, undo puts back exactly what it overwrote and removed
(spans with their ids, uids and attributes).  After either, ``refresh`` makes the window
show the scheme: the view, label bar, menus and hotkeys."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from gui.commands.spans import translate
from storage.scheme import scheme_changes as sc
from storage.errors import ProjectError, RecordRejected
from storage.scheme.scheme_changes import Change


class SchemeChange(QUndoCommand):
    """``apply(project) -> Change``; a failure marks the command obsolete (the stack drops
    it), keeps the error in ``error`` and reports it."""

    def __init__(self, session, text: str, apply: Callable[[object], Change],
                 refresh: Callable[[], None]) -> None:
        super().__init__(text)
        self.session, self.apply, self.refresh = session, apply, refresh
        self.change: Change | None = None
        self.error: Exception | None = None

    def redo(self) -> None:
        try:
            self.change = self.apply(self.session.project)
        except (ProjectError, RecordRejected) as error:
            self._failed(error)
            return
        self.refresh()

    def undo(self) -> None:
        if self.change is None:
            return
        try:
            sc.revert_change(self.session.project, self.change.revert)
        except (ProjectError, RecordRejected) as error:
            self._failed(error)
            return
        self.change = None
        self.refresh()

    def _failed(self, error: Exception) -> None:
        self.error = error
        self.setObsolete(True)
        self.session.report(error)


def add_text(name: str) -> str:
    return translate("Commands", "Add label %1").replace("%1", name)


def edit_text(name: str, new_name: str) -> str:
    if new_name != name:
        return translate("Commands", "Rename label %1 to %2").replace("%1", name).replace(
            "%2", new_name)
    return translate("Commands", "Change label %1").replace("%1", name)


def merge_text(source: str, target: str) -> str:
    return translate("Commands", "Merge label %1 into %2").replace("%1", source).replace(
        "%2", target)


def delete_text(name: str) -> str:
    return translate("Commands", "Delete label %1").replace("%1", name)


def reorder_text() -> str:
    return translate("Commands", "Reorder labels")
