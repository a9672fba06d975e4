"""Readers: files on disk → :class:`corpus.article.RawArticle` for the cleaning passes.

``expand_inputs`` turns what the user named (files, folders, glob patterns) into
files; ``read_path`` reads one file into articles (one per file, or one per
record of a table or feed).  Bad input never raises: it comes back as an
:class:`~corpus.article.ImportFailure` with a one-line reason, and the rest of
a batch goes on.

The format comes from the extension and the content together: a ``.txt`` that
starts with YAML front matter is Markdown (seed 000 is a Jekyll post saved as
``.txt``), a ``.txt`` or unknown file that is HTML is HTML.
"""

from __future__ import annotations

import glob
import logging
import os
import stat
from pathlib import Path

from corpus.article import ImportFailure, RawArticle
from corpus.readers.decoding import EMPTY, ReadError, decode
from corpus.readers.docx import read_docx
from corpus.readers.html import looks_like_html, read_html
from corpus.readers.markdown import has_front_matter, read_markdown
from corpus.readers.records import read_json_bytes, read_records
from corpus.readers.text import read_text

__all__ = [
    "FORMATS",
    "MAX_BYTES",
    "SUPPORTED",
    "ReadError",
    "detect_format",
    "display_names",
    "expand_inputs",
    "read_bytes",
    "read_file",
    "read_path",
]

SUPPORTED = {
    ".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html", ".docx": "docx",
    ".csv": "csv", ".tsv": "tsv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
}
FORMATS = ("text", "markdown", "html", "docx", "csv", "tsv", "jsonl", "json")
RECORD_FORMATS = frozenset({"csv", "tsv", "jsonl", "json"})
MAX_BYTES = 8 * 1024 * 1024
_READERS = {"text": read_text, "markdown": read_markdown, "html": read_html}
_NO_TEXT = {"text": "the file has only whitespace", "markdown": "no text after the front matter",
            "html": "no text outside the HTML markup", "docx": "the document has no text"}
_log = logging.getLogger(__name__)


def read_path(path: Path, *, encoding: str | None = None, text_field: str | None = None,
              format: str | None = None, max_bytes: int = MAX_BYTES,
              name: str | None = None) -> list[RawArticle | ImportFailure]:
    """The articles in the file at ``path``, or why it has none.

    ``name`` labels the articles and failures (default: the file's name; a caller
    importing a folder may pass the path relative to it).  ``format`` (one of
    FORMATS) skips detection; ``encoding`` forces a codec (``gbk``, ``big5``,
    ``utf-16-le``; ``NAME:replace`` keeps undecodable bytes as U+FFFD).
    """
    path = Path(path)
    name = name or path.name
    try:
        data = read_file(path, name, max_bytes)
    except ReadError as error:
        return [error.failure]
    return read_bytes(data, name, suffix=path.suffix, encoding=encoding,
                      text_field=text_field, format=format, max_bytes=max_bytes)


def read_bytes(data: bytes, name: str, *, suffix: str = "", encoding: str | None = None,
               text_field: str | None = None, format: str | None = None,
               max_bytes: int = MAX_BYTES) -> list[RawArticle | ImportFailure]:
    """As :func:`read_path`, for a file's bytes already in memory (``suffix``: ``.txt`` …);
    ``max_bytes`` also bounds what a compressed file (.docx) expands to."""
    try:
        return _read(data, name, suffix.lower(), encoding, text_field, format, max_bytes)
    except ReadError as error:
        return [error.failure]
    except RecursionError:
        return [ImportFailure(name, "nested too deeply to be read")]
    except MemoryError:
        return [ImportFailure(name, "too large to be read in the memory there is")]
    except Exception:  # noqa: BLE001 - a reader's bug must not stop a batch
        _log.exception("reading %s failed", name)   # the details go to the log, not the user
        return [ImportFailure(name, "could not be read: its content is of a form Hanmark "
                                    "cannot handle (the details are in the log)")]


def detect_format(text: str, suffix: str = "") -> str:
    """The format of a decoded text file, from its extension and its content."""
    by_extension = SUPPORTED.get(suffix.lower())
    if by_extension in RECORD_FORMATS or by_extension == "docx":
        return by_extension
    if has_front_matter(text):
        return "markdown"
    if by_extension in ("markdown", "html"):
        return by_extension
    return "html" if looks_like_html(text) else "text"


def _read(data: bytes, name: str, suffix: str, encoding: str | None, text_field: str | None,
          format: str | None, max_bytes: int = MAX_BYTES) -> list[RawArticle | ImportFailure]:
    if format is not None and format not in FORMATS:
        raise ReadError(name, f"unknown format {format!r} (known: {', '.join(FORMATS)})")
    if not data:
        raise ReadError(name, EMPTY)
    chosen = format or SUPPORTED.get(suffix)
    if chosen == "docx":
        return [_with_text(read_docx(data, name, max_bytes), "docx")]
    if chosen is None and data.startswith(b"PK\x03\x04"):   # a .docx without its extension?
        try:
            return [_with_text(read_docx(data, name, max_bytes), "docx")]
        except ReadError:
            raise ReadError(name, "looks like a binary file (a zip archive)") from None
    if chosen in ("json", "jsonl") and encoding is None:
        items = read_json_bytes(data, name, chosen, text_field)
        if items is not None:
            return items
    text, detected = decode(data, name, encoding)
    if chosen in RECORD_FORMATS:
        return read_records(text, name, detected, chosen, text_field)
    chosen = format or detect_format(text, suffix)
    return [_with_text(_READERS[chosen](text, name, detected), chosen)]


def _with_text(article: RawArticle, format: str) -> RawArticle:
    if not article.text.strip():
        raise ReadError(article.name, _NO_TEXT[format])
    return article


def read_file(path: Path, name: str, max_bytes: int = MAX_BYTES) -> bytes:
    """The file's bytes; a :class:`ReadError` (with its failure) when they cannot be had."""
    if _is_project_file(path.name):
        raise ReadError(name, "is a Hanmark project file, not an article")
    try:
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > max_bytes:
                raise ReadError(name, _too_large(size, max_bytes))
            # Read what the size says (an 8 MB buffer costs more than a small file's
            # whole read), then check for more: a file that grew, a device with no size.
            data = handle.read(size + 1) if size else b""
            if len(data) > size:
                data += handle.read(max_bytes + 1 - len(data))
    except FileNotFoundError:
        raise ReadError(name, "no such file or folder") from None
    except (IsADirectoryError, PermissionError) as error:
        if path.is_dir():
            raise ReadError(name, "is a folder, not a file") from None
        raise ReadError(name, f"cannot be read: {error.strerror or error}") from None
    except OSError as error:
        raise ReadError(name, f"cannot be read: {error.strerror or error}") from None
    if len(data) > max_bytes:           # a file that grew, or a device with no size
        raise ReadError(name, _too_large(len(data), max_bytes, more=True))
    return data


def _too_large(size: int, limit: int, more: bool = False) -> str:
    return (f"the file is too large: {'more than ' if more else ''}{_size(size)} "
            f"(the limit is {_size(limit)})")


def _size(count: int) -> str:
    if count >= 1024 * 1024:
        return f"{count / (1024 * 1024):.1f} MB"
    if count >= 1024:
        return f"{count / 1024:.1f} KB"
    return f"{count} bytes"


# -- what the user named → files -----------------------------------------------------------

def expand_inputs(inputs: list[str], extra_suffixes: tuple[str, ...] = ()
                  ) -> tuple[list[Path], list[ImportFailure]]:
    """Files to read, in a stable order, and the inputs that name nothing.

    A file is taken as named, whatever its extension.  A folder is searched
    recursively, in sorted order (a folder's files before its subfolders), for
    files with a SUPPORTED extension or none; hidden files and folders, Office lock
    files (``~$…``) and Hanmark's own project files are left out, each reported as
    skipped with its reason.  A glob
    pattern (``*.txt``, ``news/**/*.html``) takes what it matches; a folder it
    matches is searched like a named one.  Each file is listed once.
    ``extra_suffixes`` (``.conll`` …) are taken from folders besides the SUPPORTED ones.
    """
    files: list[Path] = []
    failures: list[ImportFailure] = []
    seen: set[str] = set()

    def add(path: Path) -> None:
        key = os.path.normcase(os.path.abspath(path))
        if key not in seen:
            seen.add(key)
            files.append(path)

    for item in inputs:
        if any(char in item for char in "*?["):
            matches = sorted(glob.glob(item, recursive=True))
            if not matches:
                failures.append(ImportFailure(item, "no file matches this pattern"))
            for match in map(Path, matches):
                if match.is_dir():
                    _walk(match, add, failures, extra_suffixes)
                elif reason := _skip_reason(match):
                    failures.append(ImportFailure(str(match), reason, skipped=True))
                else:
                    add(match)
        elif os.path.isdir(item):
            _walk(Path(item), add, failures, extra_suffixes)
        elif os.path.isfile(item):
            add(Path(item))
        else:
            failures.append(ImportFailure(item, "no such file or folder"))
    return files, failures


def display_names(paths: list[Path]) -> list[str]:
    """What a report calls each file: its name, or where names repeat (``2021/a.txt``
    and ``2022/a.txt``) its path from the folder the files share."""
    names = [printable(path.name) for path in paths]
    if len(set(names)) == len(names):
        return names
    try:
        common = os.path.commonpath([os.path.abspath(path.parent) for path in paths])
    except ValueError:      # different drives: the full paths tell them apart
        return [printable(str(path)) for path in paths]
    return [printable(Path(os.path.relpath(os.path.abspath(path), common)).as_posix())
            for path in paths]


def printable(name: str) -> str:
    """A file name as text a report and the project can hold: bytes that are not UTF-8
    (kept by Python as lone surrogates) become U+FFFD."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _walk(folder: Path, add, failures: list[ImportFailure],
          extra_suffixes: tuple[str, ...] = ()) -> None:
    def unreadable(error: OSError) -> None:
        failures.append(ImportFailure(str(error.filename or folder),
                                      f"the folder cannot be read: {error.strerror or error}"))

    for root, folders, names in os.walk(folder, onerror=unreadable):
        folders[:] = _folders_entered(root, folders, failures)
        for name in sorted(names):
            path = Path(root, name)
            suffix = path.suffix.lower()
            if reason := _skip_reason(path):
                failures.append(ImportFailure(str(path), reason, skipped=True))
            elif suffix in SUPPORTED or not suffix or suffix in extra_suffixes:
                add(path)
            else:   # every file of a folder has an outcome in the report
                failures.append(ImportFailure(str(path), _not_imported(path), skipped=True))


def _folders_entered(root: str, folders: list[str], failures: list[ImportFailure]
                     ) -> list[str]:
    """The subfolders to search, in order; a hidden one (.git …) or a link to a folder
    (which may lead back up: a loop) is named once as skipped, not searched."""
    entered = []
    for name in sorted(folders):
        path = Path(root, name)
        if reason := _skip_reason(path):
            if name.startswith("."):
                reason = "a hidden folder (its name starts with a dot): not searched"
            failures.append(ImportFailure(str(path), reason, skipped=True))
        elif os.path.islink(path):
            failures.append(ImportFailure(str(path), LINKED_FOLDER, skipped=True))
        else:
            entered.append(name)
    return entered


LINKED_FOLDER = ("a symbolic link to a folder: not followed (it may lead back into the "
                 "folder); name the folder it points to to import it")
BRAT_CONFIGURATION = ("annotation.conf", "visual.conf", "tools.conf", "kb_shortcuts.conf")


def _not_imported(path: Path) -> str:
    if path.name in BRAT_CONFIGURATION:
        return "brat's configuration, not a document (the labels come from the .ann files)"
    return f"not a kind of file Hanmark imports ({path.suffix.lower()})"


def _skip_reason(path: Path) -> str | None:
    """Why a file found in a folder is passed over: hidden, an Office lock file, or one
    of Hanmark's own project files (None: it is read)."""
    name = path.name
    if _is_project_file(name):
        return "a Hanmark project file (or its journal or lock), not an article"
    if name.startswith("~$"):
        return "an Office lock file (the document is open in Word), not a document"
    if name.startswith("."):
        return "hidden (its name starts with a dot); name it on its own to import it"
    if os.name == "nt":
        try:
            if os.stat(path).st_file_attributes & stat.FILE_ATTRIBUTE_HIDDEN:
                return "hidden; name it on its own to import it"
        except OSError:
            return None
    return None


def _is_project_file(name: str) -> bool:
    return ".hanmark" in name.lower()      # x.hanmark, x.hanmark-wal, -shm, -journal, backups
