"""The sample project: the articles in ``seeds/`` in a project of their own.

The CLI (``hanmark sample PATH``), the first start of the GUI and the tests all
build it through :func:`build_sample`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from corpus.resources import seeds_dir
from corpus.textimport import TextImportError, read_text_file
from storage.errors import ProjectError, ProjectExists
from storage.project import DuplicateDocument, Project


@dataclass
class ImportReport:
    imported: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)


def import_text_files(project: Project, paths: list[Path]) -> ImportReport:
    """Import plain-text files, one transaction each; a bad file is reported, not fatal."""
    report = ImportReport()
    for path in paths:
        try:
            project.add_document(read_text_file(path))
        except TextImportError as error:
            report.failed.append((path.name, str(error)))
        except DuplicateDocument:
            report.duplicates.append(path.name)
        else:
            report.imported.append(path.name)
    return report


def seed_files() -> list[Path]:
    return sorted(p for p in seeds_dir().iterdir() if p.is_file() and not p.name.startswith("."))


def build_sample(path: Path | str) -> Path:
    """Write the sample project to ``path`` (which must not exist); all or nothing."""
    path = Path(path)
    if path.exists():
        raise ProjectExists(path)
    building = path.with_name(path.name + ".building")
    building.unlink(missing_ok=True)
    try:
        with Project.create(building) as project:
            report = import_text_files(project, seed_files())
        if report.failed:
            raise ProjectError(path, "; ".join(reason for _, reason in report.failed))
        os.replace(building, path)
    except OSError as error:
        raise ProjectError(path, error.strerror or str(error)) from None
    finally:
        building.unlink(missing_ok=True)
    return path


def ensure_sample(path: Path) -> Path:
    """The sample project at ``path``, built the first time it is asked for."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        build_sample(path)
    return path
