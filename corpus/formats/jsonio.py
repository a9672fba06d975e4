"""Reading JSON Lines and JSON arrays record by record: a broken line fails alone."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import orjson

from corpus.formats.model import Annotated, FormatError, RecordFailure
from corpus.readers import printable


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise FormatError(f"{path.name}: cannot be read: {error.strerror or error}") from None


def json_records(path: Path) -> Iterator[tuple[str, dict | RecordFailure]]:
    """(name, record) for each record of a JSON Lines file or a JSON array.

    A line that is not JSON, or not an object, comes back as a RecordFailure
    named ``file:line``; the other lines still come.
    """
    data = read_bytes(path)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    file_name = printable(path.name)
    if data.lstrip()[:1] == b"[":
        yield from _array(file_name, data)
        return
    if (whole := one_object(data)) is not None:   # one object over many lines
        yield file_name, whole
        return
    for number, line in enumerate(data.splitlines(), 1):
        if not line.strip():
            continue
        name = f"{file_name}:{number}"
        try:
            item = orjson.loads(line)
        except orjson.JSONDecodeError as error:
            yield name, RecordFailure(name, f"not valid JSON ({error})")
            continue
        if not isinstance(item, dict):
            yield name, RecordFailure(name, "not a JSON object")
            continue
        yield name, item


def _array(file_name: str, data: bytes) -> Iterator[tuple[str, dict | RecordFailure]]:
    try:
        items = orjson.loads(data)
    except orjson.JSONDecodeError as error:
        yield file_name, RecordFailure(file_name, f"not valid JSON ({error})")
        return
    for index, item in enumerate(items, 1):
        name = f"{file_name}[{index}]"
        if not isinstance(item, dict):
            yield name, RecordFailure(name, "not a JSON object")
        else:
            yield name, item


def one_object(data: bytes) -> dict | None:
    """The object a JSON Lines file holds when it is one pretty-printed JSON object, as
    doccano's own relation-extraction example is (None: its first line is a record)."""
    stripped = data.strip()
    if stripped[:1] != b"{" or stripped.count(b"\n") == 0:
        return None
    try:
        orjson.loads(stripped.split(b"\n", 1)[0])
        return None
    except orjson.JSONDecodeError:
        pass
    try:
        item = orjson.loads(stripped)
    except orjson.JSONDecodeError:
        return None
    return item if isinstance(item, dict) else None


def first_record(data: bytes) -> dict | list | None:
    """The first record of JSON Lines or a JSON array, for format detection (None: not JSON)."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    stripped = data.lstrip()
    if stripped[:1] == b"[":
        try:
            items = orjson.loads(stripped)
        except orjson.JSONDecodeError:
            return None
        return items if isinstance(items, list) else None
    if (whole := one_object(stripped)) is not None:
        return whole
    lines = (line for line in stripped.splitlines() if line.strip())
    for _, line in zip(range(5), lines):   # a broken first line does not hide the format
        try:
            item = orjson.loads(line)
        except orjson.JSONDecodeError:
            continue
        return item if isinstance(item, dict) else None
    return None


RECORD_ERRORS = (KeyError, TypeError, ValueError, IndexError, AttributeError)


def read_json_records(path: Path, parse: Callable[[str, dict], Annotated]
                      ) -> Iterator[Annotated | RecordFailure]:
    """Every record of a JSON/JSONL file through ``parse``; a record it cannot parse
    becomes a RecordFailure with a readable reason, and the rest go on."""
    for name, item in json_records(path):
        if isinstance(item, RecordFailure):
            yield item
            continue
        try:
            yield parse(name, item)
        except RECORD_ERRORS as error:
            yield RecordFailure(name, record_reason(error))
        except RecursionError:
            yield RecordFailure(name, "nested too deeply to be read")


def record_reason(error: Exception) -> str:
    """Why a record failed, in words: a reader's own ValueError says it; Python's
    TypeError and AttributeError texts ("'int' object has no attribute 'get'") are
    internal, so they become a sentence about the record's fields."""
    if isinstance(error, KeyError):
        return f"missing field {error}"
    if isinstance(error, ValueError) and not isinstance(error, UnicodeError):
        return str(error)
    return "a field holds a value of the wrong type (a list, object, number or string " \
           "where another is expected)"
