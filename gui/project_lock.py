"""One Hanmark window per project: a lock file beside the project while a window has it open.

SQLite keeps the file itself consistent when two windows write to it, but each
window keeps its own spans and undo history, which stop matching the file (an
undo in one can remove a span the other just relabelled).  So a window holds a
``QLockFile`` (``.NAME.hanmark.lock``) while it shows a project, and opening a
project that another running Hanmark holds asks first.  Qt removes the lock of
a process that is gone (a crash leaves nothing in the way); a folder where no
lock can be written (read-only, some network drives) simply goes without one.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLockFile
from PySide6.QtWidgets import QMessageBox, QWidget

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls


def lock_path(project: Path) -> Path:
    return project.with_name(f".{project.name}.lock")


class ProjectLock:
    def __init__(self, project: Path) -> None:
        self.project = Path(project).resolve()
        self._lock = QLockFile(str(lock_path(self.project)))
        self._lock.setStaleLockTime(0)     # stale only when its process is gone

    def acquire(self) -> bool:
        """True when this window now holds the project, or no lock can be kept there."""
        if self._lock.tryLock(0):
            return True
        return self._lock.error() != QLockFile.LockError.LockFailedError

    def holder(self) -> str:
        """Who holds the lock: "process 123 on host" (empty when unknown)."""
        info = self._lock.getLockInfo()     # PySide6: (pid, host, app), or falsy
        if not info or not info[0]:
            return ""
        pid, host = info[0], info[1]
        return translate("ProjectLock", "process %1 on %2") \
            .replace("%1", str(pid)).replace("%2", host)

    def release(self) -> None:
        self._lock.unlock()


def claim(parent: QWidget | None, project: Path, ask: bool = True) -> ProjectLock | None:
    """The project's lock for a window about to show it, or None when the user chose
    not to open a project another Hanmark window has open (``ask=False``: open it)."""
    lock = ProjectLock(project)
    if lock.acquire() or not ask or _open_anyway(parent, project, lock.holder()):
        return lock
    return None


def _open_anyway(parent: QWidget | None, project: Path, holder: str) -> bool:
    text = translate("ProjectLock", "“%1” is open in another Hanmark window (%2).\n\n"
                     "Annotating it in two windows at once makes their undo histories "
                     "disagree with the file. Switch to that window, or open it here anyway?")
    text = text.replace("%1", project.name).replace(
        "%2", holder or translate("ProjectLock", "another process"))
    answer = QMessageBox.question(
        parent, translate("ProjectLock", "Project Already Open"), text,
        QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel)
    return answer == QMessageBox.StandardButton.Open
