"""Markdown with YAML front matter (Jekyll posts, seed 000) → text and metadata.

The front matter (``---`` … ``---`` at the very start) becomes ``meta``; the
text is the body after it, mapped to its place in ``raw`` (the front matter
stays in ``raw``).  A body with HTML in it (seed 000's ``<p>`` paragraphs) goes
through :func:`corpus.readers.html.html_to_text`, which keeps Markdown's
``<https://…>`` autolinks as text; any other body loses its Markdown syntax
(:mod:`corpus.readers.markdown_syntax`: ``# 标题`` → ``标题``, ``[文字](url)`` → ``文字``).
"""

from __future__ import annotations

import datetime
import math
import re

from corpus.article import RawArticle
from corpus.dates import parse_date
from corpus.readers.html import html_to_text, looks_like_html
from corpus.readers.markdown_syntax import markdown_to_text

_OPEN = re.compile(r"---[ \t]*\r?\n")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.MULTILINE)
_FIELD = re.compile(r"\s*[^\s:#][^:\n]*:(?:[ \t]|\r?\n|\Z)")   # "title: …" first
_DATE_KEYS = frozenset({"date", "last_modified_at", "updated", "modified", "published"})


def split_front_matter(raw: str) -> tuple[str, int] | None:
    """The YAML between the ``---`` lines and the offset where the body starts."""
    opening = _OPEN.match(raw)
    if not opening:
        return None
    closing = _CLOSE.search(raw, opening.end())
    if not closing:
        return None
    return raw[opening.end():closing.start()], closing.end()


def has_front_matter(raw: str) -> bool:
    """Starts with ``---`` lines around YAML fields (a Jekyll post, whatever its extension)."""
    if not raw.startswith("---"):
        return False
    found = split_front_matter(raw)
    return found is not None and (not found[0].strip() or bool(_FIELD.match(found[0])))


def read_markdown(raw: str, name: str, encoding: str) -> RawArticle:
    meta: dict = {}
    body_start = 0
    found = split_front_matter(raw)
    if found:
        fields, error = _parse_fields(found[0])
        if fields is not None:
            meta, body_start = fields, found[1]
        elif error:
            meta["front_matter_error"] = error
    if looks_like_html(raw[body_start:]):
        text, text_map, html_meta = html_to_text(raw, body_start, keep_autolinks=True)
        meta = {**html_meta, **meta}
    else:
        text, text_map = markdown_to_text(raw, body_start)
    return RawArticle(name=name, raw=raw, text=text, text_map=text_map, format="markdown",
                      encoding=encoding, meta=meta)


def _parse_fields(yaml_text: str) -> tuple[dict | None, str]:
    """The front matter's fields (JSON-ready), or None and why not."""
    import yaml  # imported on first need

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        data = yaml.load(yaml_text, Loader=loader)
    except yaml.YAMLError as error:
        return None, "not valid YAML: " + " ".join(str(error).split())[:200]
    except (ValueError, OverflowError, TypeError):   # YAML accepts it, Python cannot hold it
        return None, ("a value cannot be represented (an impossible date such as 2022-02-30, "
                      "or a number out of range)")
    except RecursionError:
        return None, "nested too deeply"
    if data is None:
        return {}, ""
    if not isinstance(data, dict):
        return None, ""
    budget = _Budget()
    return {_key(key): _field(_key(key), value, budget) for key, value in data.items()}, ""


def _field(key: str, value: object, budget: "_Budget") -> object:
    if isinstance(value, str) and key.lower() in _DATE_KEYS:
        return iso_date(value)
    return jsonable(value, 1, budget)


def iso_date(value: str) -> str:
    """``2022-02-15 09:45:39 +0800`` → ``2022-02-15T09:45:39+08:00``, ``2022年2月15日`` →
    ``2022-02-15`` (one parser: :func:`corpus.dates.parse_date`); other text as it is."""
    return parse_date(value) or value


MAX_DEPTH = 64          # front matter nested deeper is kept as text
MAX_NODES = 100_000     # alias bombs and recursive aliases stop here
MAX_INT = 2 ** 63 - 1   # what SQLite's JSON holds as a number; larger ones are kept as text


class _Budget:
    def __init__(self) -> None:
        self.nodes = MAX_NODES


def jsonable(value: object, depth: int = 0, budget: _Budget | None = None) -> object:
    """``value`` with dates as ISO strings and everything else JSON can hold: integers past
    64 bits as text, nesting past :data:`MAX_DEPTH` and past :data:`MAX_NODES` values (YAML
    aliases can make either, or a loop) cut to ``"…"``."""
    budget = budget or _Budget()
    budget.nodes -= 1
    if budget.nodes < 0 or depth > MAX_DEPTH:
        return "…"
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_INT:
        return str(value)
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value)
    if isinstance(value, (datetime.date, datetime.time)):   # datetime is a date
        return value.isoformat()
    if isinstance(value, dict):
        return {_key(key): jsonable(item, depth + 1, budget) for key, item in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value, key=_key) if isinstance(value, (set, frozenset)) else value
        return [jsonable(item, depth + 1, budget) for item in items]
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return str(value)


def _key(key: object) -> str:
    """A mapping key as text; a complex YAML key (a list, a loop) becomes a short repr."""
    if isinstance(key, str):
        return key
    try:
        text = repr(key)
    except RecursionError:
        text = f"<{type(key).__name__}>"
    return text if len(text) <= 200 else text[:199] + "…"
