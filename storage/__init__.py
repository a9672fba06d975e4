"""The project file: SQLite schema, migrations and queries (sqlite-utils). No Qt here."""

from storage.errors import ProjectError
from storage.project import Project

__all__ = ["Project", "ProjectError"]
