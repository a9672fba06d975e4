"""Tables and feeds (.csv, .tsv, .jsonl, .json) → one RawArticle per record.

One field holds the article (``text_field``, or the first of TEXT_FIELDS that a
record has); every other field goes to ``meta``.  ``raw`` is that field's value.
A field whose name says it holds the title, the date or the source (``标题``,
``发布时间``, ``来源`` …, see NAMED_FIELDS) also gives the document's ``title``,
``date`` or ``source``, unless the record has a field of exactly that name; the
field itself stays in ``meta`` under its own name.
If the value is HTML (scraped feeds often carry ``<p>`` markup) it goes
through :func:`corpus.readers.html.html_to_text`, otherwise the map is the
identity.

Names: ``table.csv#1`` is the first data row (1-based, the header row not
counted); ``feed.jsonl#12`` is line 12 of the file (1-based, blank lines
counted); ``list.json#0`` is index 0 of the list (0-based, as in ``jq '.[0]'``);
a .json file holding one object is named by the file alone.

A broken JSON line or a record without text fails alone; the others import.
When no record at all has a text field, that is one failure for the file.
"""

from __future__ import annotations

import codecs
import csv
import io

import orjson

from corpus.article import ImportFailure, RawArticle
from corpus.dates import parse_date
from corpus.readers.html import html_to_text, looks_like_html
from corpus.text.textmap import TextMap

TEXT_FIELDS = ("text", "content", "body", "article", "正文", "内容")
# Where a .json object keeps its list of records, when it is not one record itself.
LIST_FIELDS = ("data", "articles", "items", "records", "documents", "docs", "results", "rows",
               "news", "posts", "list")
# Field names (compared ignoring case) that say what a field holds, most specific first.
NAMED_FIELDS = {
    "title": ("headline", "标题", "標題", "新闻标题", "新聞標題", "题目", "題目", "title"),
    "date": ("发布时间", "發布時間", "发布日期", "發布日期", "发表时间", "發表時間", "日期",
             "时间", "時間", "publish_time", "pub_time", "pubtime", "publishtime",
             "published_at", "publish_at", "publish_date", "pub_date", "pubdate", "release_time",
             "published", "datetime", "date"),
    "source": ("来源", "來源", "出处", "出處", "媒体", "媒體", "source"),
}
CSV_FIELD_LIMIT = 2**31 - 1
Items = list  # of RawArticle | ImportFailure


class _Missing(ImportFailure):
    """A record without the text field (collapsed into one failure if all are)."""


class _NotUtf8(Exception):
    """JSON bytes that are not UTF-8: decode (detect the encoding) and read again."""


def read_records(raw: str, name: str, encoding: str, format: str,
                 text_field: str | None = None) -> Items:
    """The records of a decoded table or feed."""
    reader = {"csv": _read_csv, "tsv": _read_csv, "jsonl": _read_jsonl, "json": _read_json}
    return _finish(reader[format](raw, name, format, text_field), name, encoding)


def read_json_bytes(data: bytes, name: str, format: str,
                    text_field: str | None = None) -> Items | None:
    """JSON or JSON Lines read straight from UTF-8 bytes, or None if they are not UTF-8.

    orjson parses CJK text from bytes about twice as fast as from a decoded str,
    and the file need not be decoded first: ~20 µs instead of ~45 µs a record.
    """
    encoding = "utf-8"
    if data.startswith(codecs.BOM_UTF8):
        data, encoding = data[3:], "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in data:
        return None                         # UTF-16/32, or binary: decoding says which
    reader = _read_jsonl if format == "jsonl" else _read_json
    try:
        return _finish(reader(data, name, format, text_field), name, encoding)
    except _NotUtf8:
        return None


def _finish(items: Items, name: str, encoding: str) -> Items:
    for item in items:
        if isinstance(item, RawArticle):
            item.encoding = encoding
    if items and all(isinstance(item, _Missing) for item in items):
        return [ImportFailure(name, items[0].reason)]
    return [ImportFailure(item.name, item.reason) if isinstance(item, _Missing) else item
            for item in items]


# -- CSV and TSV ---------------------------------------------------------------------------

def _read_csv(raw: str, name: str, format: str, text_field: str | None) -> Items:
    csv.field_size_limit(CSV_FIELD_LIMIT)
    delimiter = "\t" if format == "tsv" else _delimiter(raw)
    rows = csv.reader(io.StringIO(raw, newline=""), delimiter=delimiter)
    try:
        fields = _column_names(next(rows, []))
    except csv.Error as error:
        return [ImportFailure(name, f"the header row cannot be read: {error}")]
    if not fields:
        return [ImportFailure(name, "the table has no header row")]
    field = choose_field(fields, text_field)
    if field is None:
        return [ImportFailure(name, missing_field_reason(fields, text_field, "column"))]
    items: Items = []
    number = 0
    try:
        for number, row in enumerate(rows, 1):
            if any(cell.strip() for cell in row):
                items.append(_article(_row_record(fields, row), field, f"{name}#{number}",
                                      format))
    except csv.Error as error:
        items.append(ImportFailure(f"{name}#{number + 1}",
                                   f"the table cannot be read from this row on: {error}"))
    return items or [ImportFailure(name, "the table has no rows")]


def _delimiter(raw: str) -> str:
    """``,`` unless the header row has none and has ``;``, a tab or ``|`` instead."""
    end = raw.find("\n", 0, 65536)
    header = raw[:end if end >= 0 else 65536]
    if "," in header:
        return ","
    counts = {delimiter: header.count(delimiter) for delimiter in ";\t|"}
    best = max(counts, key=counts.__getitem__)
    return best if counts[best] else ","


def _column_names(header: list[str]) -> list[str]:
    names: list[str] = []
    taken: set[str] = set()     # a set: a 20,000-column header took seconds as a list
    for index, cell in enumerate(header, 1):
        base = cell.strip() or f"column_{index}"
        unique, count = base, 1
        while unique in taken:
            count += 1
            unique = f"{base}_{count}"
        names.append(unique)
        taken.add(unique)
    return names


def _row_record(fields: list[str], row: list[str]) -> dict:
    record = dict(zip(fields, row))
    if len(row) > len(fields):
        record["_extra"] = row[len(fields):]
    return record


# -- JSON Lines and JSON -------------------------------------------------------------------

def _read_jsonl(raw: str | bytes, name: str, format: str, text_field: str | None) -> Items:
    items: Items = []
    for number, line in enumerate(raw.split("\n" if isinstance(raw, str) else b"\n"), 1):
        line = line.strip()
        if not line:
            continue
        try:
            record = orjson.loads(line)
        except orjson.JSONDecodeError as error:
            _check_utf8(line)
            items.append(ImportFailure(f"{name}#{number}",
                                       f"line {number} is not valid JSON ({_short(error)})"))
            continue
        items.append(_record_article(record, f"{name}#{number}", format, text_field))
    return items or [ImportFailure(name, "the file has no records")]


def _read_json(raw: str | bytes, name: str, format: str, text_field: str | None) -> Items:
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        _check_utf8(raw)
        if error.msg.startswith("unexpected content after document"):
            # JSON Lines named .json (CLUENER's dev.json is): one record per line
            return _read_jsonl(raw, name, format, text_field)
        return [ImportFailure(name, f"not valid JSON ({_short(error)})")]
    if isinstance(data, dict) and choose_field(list(data), text_field) is None:
        data = _record_list(data) or data
    if isinstance(data, list):
        items = [_record_article(record, f"{name}#{index}", format, text_field)
                 for index, record in enumerate(data)]
        return items or [ImportFailure(name, "the list of records is empty")]
    if isinstance(data, dict):
        return [_record_article(data, name, format, text_field)]
    return [ImportFailure(name, "holds neither a record (a JSON object) nor a list of them")]


def _check_utf8(raw: str | bytes) -> None:
    if isinstance(raw, bytes):
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError:
            raise _NotUtf8 from None


def _record_list(data: dict) -> list | None:
    """The one list of records inside ``{"data": [...], "total": 3}``-like objects."""
    for key in LIST_FIELDS:
        if isinstance(data.get(key), list):
            return data[key]
    lists = [value for value in data.values()
             if isinstance(value, list) and value and isinstance(value[0], dict)]
    return lists[0] if len(lists) == 1 else None


def _record_article(record: object, name: str, format: str,
                    text_field: str | None) -> RawArticle | ImportFailure:
    if isinstance(record, str) and text_field is None:
        record, field = {"text": record}, "text"
    elif not isinstance(record, dict):
        return ImportFailure(name, f"is {_kind(record)}, not a JSON object")
    else:
        field = choose_field(list(record), text_field)
    if field is None:
        return _Missing(name, missing_field_reason(list(record), text_field, "field"))
    return _article(record, field, name, format)


# -- shared --------------------------------------------------------------------------------

def choose_field(fields: list[str], text_field: str | None) -> str | None:
    """The field that holds the text: ``text_field`` or the first of TEXT_FIELDS.

    Exact names first, then ignoring case and surrounding spaces.
    """
    folded = {str(field).strip().casefold(): field for field in reversed(fields)}
    for candidate in (text_field,) if text_field else TEXT_FIELDS:
        if candidate in fields:
            return candidate
        if candidate.strip().casefold() in folded:
            return folded[candidate.strip().casefold()]
    return None


def missing_field_reason(fields: list, text_field: str | None, noun: str) -> str:
    available = ", ".join(str(field) for field in fields[:20]) or "none"
    if len(fields) > 20:
        available += ", …"
    if text_field:
        return f"no {noun} named {text_field!r} (the {noun}s are: {available})"
    return (f"no text {noun} (looked for {', '.join(TEXT_FIELDS)}; the {noun}s are: "
            f"{available}); choose one with --text-field")


def _article(record: dict, field: str, name: str, format: str) -> RawArticle | ImportFailure:
    if field not in record:                 # a short row of a table
        return ImportFailure(name, f"has no value for {field!r}")
    value = record[field]
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        value = "\n".join(value)            # a list of paragraphs
    if not isinstance(value, str):
        return ImportFailure(name, f"the text field {field!r} is {_kind(value)}, not text")
    if not value.strip():
        return ImportFailure(name, f"the text field {field!r} is empty")
    meta = {key: item for key, item in record.items() if key != field}
    for key, found in named_fields(meta).items():
        meta.setdefault(key, found)
    if looks_like_html(value):
        text, text_map, html_meta = html_to_text(value)
        if not text.strip():
            return ImportFailure(name, f"the text field {field!r} holds only HTML markup")
        meta = {**html_meta, **meta}
    else:
        text, text_map = value, TextMap.identity(len(value))
    return RawArticle(name=name, raw=value, text=text, text_map=text_map, format=format,
                      meta=meta)


def named_fields(meta: dict) -> dict[str, str]:
    """The title, date and source that fields named like them hold (a date only if it
    reads as one)."""
    folded = {str(key).strip().casefold(): key for key in reversed(list(meta))}
    found = {}
    for key, names in NAMED_FIELDS.items():
        for name in names:
            value = meta.get(folded.get(name.casefold()))
            if isinstance(value, str) and value.strip() and (key != "date" or parse_date(value)):
                found[key] = value.strip()
                break
    return found


def _kind(value: object) -> str:
    names = {type(None): "empty (null)", bool: "true/false", int: "a number",
             float: "a number", list: "a list", dict: "an object", str: "a string"}
    return names.get(type(value), type(value).__name__)


def _short(error: Exception) -> str:
    return " ".join(str(error).split())[:160]
