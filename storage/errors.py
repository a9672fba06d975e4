"""Errors a user can act on.  Each carries a stable ``code`` (the GUI translates by
code), a one-line English ``message`` (the CLI prints it) and a ``hint``."""

from __future__ import annotations

from pathlib import Path


class ProjectError(Exception):
    code = "project"
    hint = ""

    def __init__(self, path: Path | str, detail: str = "") -> None:
        self.path = Path(path)
        self.detail = detail
        super().__init__(self.message)

    @property
    def message(self) -> str:
        text = self.describe()
        return f"{text}: {self.detail}" if self.detail else text

    def describe(self) -> str:
        return f"{self.path}: cannot use this project"


class ProjectMissing(ProjectError):
    code = "missing"
    hint = "Check the path, or create a project with 'hanmark new PATH'."

    def describe(self) -> str:
        return f"{self.path}: no such project file"


class ProjectExists(ProjectError):
    code = "exists"
    hint = "Choose another file name, or open the existing project."

    def describe(self) -> str:
        return f"{self.path}: a file with this name already exists"


class NotAProject(ProjectError):
    code = "not_a_project"
    hint = "Open a .hanmark file created by Hanmark."

    def describe(self) -> str:
        return f"{self.path}: not a Hanmark project"


class ProjectDamaged(ProjectError):
    code = "damaged"
    hint = ("Run 'hanmark doctor' on it, or use a backup copy "
            "(*-backup.hanmark beside it); the file was left untouched.")

    def describe(self) -> str:
        return f"{self.path}: the project file is damaged (truncated or overwritten)"


class NewerProject(ProjectError):
    code = "newer"
    hint = "Update Hanmark to open this project; the file was left untouched."

    def __init__(self, path: Path | str, found: int, supported: int) -> None:
        self.found, self.supported = found, supported
        super().__init__(path)

    def describe(self) -> str:
        return (
            f"{self.path}: made by a newer Hanmark (schema {self.found}, "
            f"this version reads up to {self.supported})"
        )


class ProjectLocked(ProjectError):
    code = "locked"
    hint = "Close the other program using this project, then try again."

    def describe(self) -> str:
        return f"{self.path}: the project is locked by another program"


class ProjectReadOnly(ProjectError):
    code = "read_only"
    hint = "Make the file writable, or copy it to a folder you can write to."

    def describe(self) -> str:
        return f"{self.path}: the project file is read-only"


class ProjectWriteFailed(ProjectError):
    code = "write_failed"
    hint = "Free some disk space or check the drive; your earlier work is saved."

    def describe(self) -> str:
        return f"{self.path}: could not save"


class RecordRejected(ValueError):
    """An edit refused by the project's rules (a span that does not fit its text,
    an unknown label); nothing was written."""
