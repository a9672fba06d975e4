"""Where Hanmark keeps its files: per-user data, config and cache folders (platformdirs)."""

from __future__ import annotations

from pathlib import Path

from platformdirs import PlatformDirs

from hanmark import APP_NAME

SAMPLE_NAME = "sample.hanmark"


def _dirs() -> PlatformDirs:
    # Built on each call so that tests (and users) can redirect HOME / XDG_* at run time.
    return PlatformDirs(APP_NAME, appauthor=False)


def data_dir() -> Path:
    return Path(_dirs().user_data_dir)


def config_dir() -> Path:
    return Path(_dirs().user_config_dir)


def cache_dir() -> Path:
    return Path(_dirs().user_cache_dir)


def sample_project_path() -> Path:
    return data_dir() / SAMPLE_NAME


def settings_path() -> Path:
    return config_dir() / "settings.json"
