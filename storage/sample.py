"""The sample project: the articles in ``seeds/`` in a project of their own.

The CLI (``hanmark sample PATH``), the first start of the GUI and the tests all
build it through :func:`build_sample`, which uses the real import path.  The
copy in the user's data folder is rebuilt when the import path improves
(``SAMPLE_VERSION``), but only while nobody has annotated it.
"""

from __future__ import annotations

import os
from pathlib import Path

from corpus.resources import seeds_dir
from storage.errors import ProjectError, ProjectExists
from storage.interchange.importer import Importer
from storage.project import Project

SAMPLE_VERSION = 4  # 1: the skeleton's plain-text import; 2: the cleaning import path;
#                    3: garbled text flagged as damage; 4: the default colours told apart
#                    under colour-vision deficiencies


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
            report = Importer(project).run(seed_files())
            project.set_info("sample_version", str(SAMPLE_VERSION))
        if report.failed:
            raise ProjectError(path, "; ".join(f"{f['name']}: {f['reason']}"
                                               for f in report.failed))
        os.replace(building, path)
    except OSError as error:
        raise ProjectError(path, error.strerror or str(error)) from None
    finally:
        building.unlink(missing_ok=True)
    return path


def ensure_sample(path: Path) -> Path:
    """The sample project at ``path``: built the first time, rebuilt when outdated and untouched."""
    if path.exists() and _outdated_and_untouched(path):
        fresh = build_sample(path.with_name(path.stem + ".new" + path.suffix))
        os.replace(fresh, path)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        build_sample(path)
    return path


def _outdated_and_untouched(path: Path) -> bool:
    try:
        with Project.open(path, readonly=True) as project:
            version = int(project.info().get("sample_version", "1"))
            touched = project.span_count() or project.statuses_by_document()
    except ProjectError:
        return False  # leave a damaged or foreign file alone; opening it will explain
    return version < SAMPLE_VERSION and not touched
