"""Where Hanmark keeps its files: per-user data, config, cache and log folders (platformdirs).

Portable mode: a frozen app whose folder holds a ``portable.txt`` marker keeps
everything in a ``data/`` folder beside its executable instead (for a macOS
``.app``, beside the bundle, never inside it: that would break its signature).
A source checkout never goes portable: developers and the tests redirect HOME
and XDG_* instead, and a stray marker must not move a test run's files.
"""

from __future__ import annotations

import sys
from pathlib import Path

from platformdirs import PlatformDirs

from hanmark import APP_NAME

SAMPLE_NAME = "sample.hanmark"
PORTABLE_MARKER = "portable.txt"
PORTABLE_FOLDER = "data"


def _dirs() -> PlatformDirs:
    # Built on each call so that tests (and users) can redirect HOME / XDG_* at run time.
    return PlatformDirs(APP_NAME, appauthor=False)


def install_dir() -> Path | None:
    """The folder a frozen app runs from (the one holding ``Hanmark.app`` on macOS);
    None when running from source."""
    if not getattr(sys, "frozen", False):
        return None
    folder = Path(sys.executable).resolve().parent
    bundle = folder.parent.parent  # Hanmark.app/Contents/MacOS/Hanmark
    if folder.name == "MacOS" and folder.parent.name == "Contents" and bundle.suffix == ".app":
        return bundle.parent
    return folder


def portable_root() -> Path | None:
    """The ``data/`` folder beside the app when its portable marker is present."""
    folder = install_dir()
    if folder is not None and (folder / PORTABLE_MARKER).is_file():
        return folder / PORTABLE_FOLDER
    return None


def data_dir() -> Path:
    root = portable_root()
    return root if root is not None else Path(_dirs().user_data_dir)


def config_dir() -> Path:
    root = portable_root()
    return root / "config" if root is not None else Path(_dirs().user_config_dir)


def cache_dir() -> Path:
    root = portable_root()
    return root / "cache" if root is not None else Path(_dirs().user_cache_dir)


def log_dir() -> Path:
    root = portable_root()
    return root / "logs" if root is not None else Path(_dirs().user_log_dir)


def sample_project_path() -> Path:
    return data_dir() / SAMPLE_NAME


def settings_path() -> Path:
    return config_dir() / "settings.json"
