"""What a frozen (PyInstaller) app needs before anything else runs.

A windowed Windows build starts with ``sys.stdout`` and ``sys.stderr`` set to
None: a ``sys.stderr.write`` or ``isatty()`` anywhere would raise, and every
message would be lost.  They go to ``hanmark.log`` in the log folder instead
(``paths.log_dir()``), which also records the versions the bundle was built with.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import TextIO

LOG_NAME = "hanmark.log"
LOG_LIMIT = 1_000_000  # bytes; a longer log becomes hanmark.log.1 (one old generation)


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def redirect_missing_streams() -> Path | None:
    """Point a missing stdout/stderr at the log file; returns the log's path, if used."""
    if sys.stdout is not None and sys.stderr is not None:
        return None
    path, stream = _open_log()
    if sys.stdout is None:
        sys.stdout = stream
    if sys.stderr is None:
        sys.stderr = stream
    return path


def _open_log() -> tuple[Path | None, TextIO]:
    from hanmark import paths  # platformdirs only when there is a log to write

    try:
        path = paths.log_dir() / LOG_NAME
        path.parent.mkdir(parents=True, exist_ok=True)
        _rotate(path)
        stream = open(path, "a", encoding="utf-8", errors="backslashreplace",  # noqa: SIM115
                      buffering=1)  # open for the life of the process
    except OSError:  # nowhere to write: drop the output rather than die on it
        return None, open(os.devnull, "w", encoding="utf-8")
    stream.write(_header())
    return path, stream


def _rotate(path: Path) -> None:
    try:
        if path.stat().st_size > LOG_LIMIT:
            os.replace(path, path.with_name(path.name + ".1"))
    except OSError:  # no log yet, or another instance has it open (Windows)
        pass


def _header() -> str:
    import sqlite3

    from hanmark import APP_NAME, __version__

    started = time.strftime("%Y-%m-%d %H:%M:%S")
    return (f"--- {APP_NAME} {__version__} started {started}; Python {sys.version.split()[0]}, "
            f"SQLite {sqlite3.sqlite_version}, frozen {is_frozen()}, args {sys.argv[1:]}\n")
