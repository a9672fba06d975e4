"""Opening a project file safely: recognise it before touching it, set the pragmas,
and turn SQLite's failures into errors a user can act on."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

from sqlite_utils import Database

from storage.errors import (
    NotAProject,
    ProjectDamaged,
    ProjectError,
    ProjectLocked,
    ProjectMissing,
    ProjectReadOnly,
    ProjectWriteFailed,
    RecordRejected,
)

SQLITE_HEADER = b"SQLite format 3\x00"
APPLICATION_ID = 0x484D4B31  # "HMK1" in the SQLite header: marks a Hanmark project
BUSY_TIMEOUT_MS = 3000


def sniff(path: Path) -> None:
    """Raise unless ``path`` is an existing Hanmark project; reads 100 bytes, writes nothing."""
    if not path.exists():
        raise ProjectMissing(path)
    if path.is_dir():
        raise NotAProject(path, "it is a folder")
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except PermissionError:
        raise ProjectReadOnly(path, "the file cannot be read") from None
    except OSError as error:
        raise ProjectError(path, error.strerror or str(error)) from None
    if not header.startswith(SQLITE_HEADER) or len(header) < 100:
        raise NotAProject(path, "not an SQLite file")
    if int.from_bytes(header[68:72], "big") != APPLICATION_ID:
        raise NotAProject(path, "an SQLite file of another program")


def is_writable(path: Path) -> bool:
    """False for a file marked read-only (even for root) or in a folder we cannot write."""
    mode = path.stat().st_mode
    if not mode & stat.S_IWUSR or not os.access(path, os.W_OK):
        return False
    return os.access(path.parent, os.W_OK)  # WAL needs its -wal and -shm files beside it


def connect(path: Path, *, readonly: bool = False, create: bool = False) -> Database:
    """A connection with Hanmark's pragmas.  ``readonly`` on a writable file opens it
    read-write with ``query_only`` so that closing cleans up the WAL files;
    a file we may not write is opened with ``mode=ro``."""
    writable = create or is_writable(path)
    mode = "rwc" if create else ("rw" if writable else "ro")
    uri = f"file:{quote(str(path.resolve()))}?mode={mode}"
    conn = None
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        db = Database(conn, execute_plugins=False)
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("PRAGMA synchronous = FULL")
        if readonly:
            db.execute("PRAGMA query_only = ON")
        if create:
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            db.execute("PRAGMA journal_mode = WAL")
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error as error:
        if conn is not None:
            conn.close()  # at once: a live connection keeps -wal and -shm beside the file
        raise translate(path, error) from None
    return db


def probe_write_lock(db: Database, path: Path) -> None:
    """Fail early, at open, when another program holds the write lock."""
    try:
        db.execute("BEGIN IMMEDIATE")
        db.execute("ROLLBACK")
    except sqlite3.Error as error:
        raise translate(path, error) from None


def translate(path: Path, error: sqlite3.Error) -> Exception:
    text = str(error).lower()
    if isinstance(error, sqlite3.IntegrityError):
        return RecordRejected(str(error))
    if "locked" in text or "busy" in text:
        return ProjectLocked(path)
    if "readonly" in text or "read-only" in text:
        return ProjectReadOnly(path)
    if "full" in text:
        return ProjectWriteFailed(path, "the disk is full or the file-size limit was reached")
    if "disk i/o" in text:  # EFBIG and many ENOSPC paths arrive as SQLITE_IOERR_WRITE
        return ProjectWriteFailed(path, "the drive refused a write: it may be full, at the "
                                  "file-size limit, or failing")
    if "malformed" in text or "corrupt" in text:
        return ProjectDamaged(path)
    if "not a database" in text:
        return NotAProject(path, "not an SQLite file")
    if "unable to open" in text:
        return ProjectError(path, "the file cannot be opened (check permissions and the folder)")
    return ProjectError(path, "SQLite refused the file; run 'hanmark doctor' on it")


@contextlib.contextmanager
def transaction(db: Database, path: Path) -> Iterator[Database]:
    """One user action: all of it is committed (synchronous=FULL) or none of it."""
    try:
        with db.atomic():
            yield db
    except sqlite3.Error as error:
        raise translate(path, error) from None
