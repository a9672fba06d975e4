"""The last line of defence: an unexpected exception becomes one line for the user and a
traceback in a log file (paths.log_dir), never a traceback on the terminal."""

from __future__ import annotations

import datetime
import os
import sys
import tempfile
import traceback
from pathlib import Path

from hanmark import paths

LOG_NAME = "crash.log"


def write_traceback(error: BaseException) -> Path:
    """Append ``error``'s traceback to the crash log and return its path (a temporary
    folder when the log folder cannot be written)."""
    stamp = datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")
    text = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    entry = f"--- {stamp} pid {os.getpid()} argv {sys.argv!r}\n{text}\n"
    for folder in (paths.log_dir(), Path(tempfile.gettempdir())):
        log = folder / LOG_NAME
        try:
            folder.mkdir(parents=True, exist_ok=True)
            with log.open("a", encoding="utf-8") as handle:
                handle.write(entry)
            return log
        except OSError:
            continue
    return Path(tempfile.gettempdir()) / LOG_NAME


def report(error: BaseException) -> str:
    """The one line shown to the user for an unexpected failure."""
    log = write_traceback(error)
    return f"an unexpected problem stopped this command (details in {log})"
