"""Where the bundled data lives: ``resources/`` and ``seeds/`` beside the packages.

From source they sit at the repository root; in a PyInstaller bundle they are
collected to the same relative place under ``sys._MEIPASS``.  Nothing resolves
against the working directory (a macOS app started from Finder has cwd ``/``).
"""

from __future__ import annotations

import sys
from pathlib import Path


def app_root() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    return app_root().joinpath("resources", *parts)


def seeds_dir() -> Path:
    return app_root() / "seeds"
