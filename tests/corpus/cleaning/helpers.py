"""Building :class:`RawArticle` inputs the way the readers will, without the readers."""

from __future__ import annotations

import re
from pathlib import Path

from corpus.article import RawArticle
from corpus.resources import seeds_dir
from corpus.text.textmap import TextMap, TextMapBuilder

_FRONT_MATTER = re.compile(r"---\n(.*?)\n---\n", re.DOTALL)
_FIELD = re.compile(r'^(\w+):\s*"?(.*?)"?\s*$', re.MULTILINE)
_P_TAG = re.compile(r"</?p\b[^>]*>")


def seed_path(number: str) -> Path:
    return next(seeds_dir().glob(f"{number}_*.txt"))


def seed_text(number: str) -> str:
    return seed_path(number).read_text(encoding="utf-8")


def plain_article(raw: str, name: str = "a.txt") -> RawArticle:
    """A .txt file: the reader hands over the raw text as it is."""
    return RawArticle(name, raw, raw, TextMap.identity(len(raw)), "text", "utf-8")


def markup_article(raw: str, name: str = "a.md") -> RawArticle:
    """What the Markdown/HTML reader hands over: front matter gone (into meta), ``<p>``
    and ``</p>`` turned into line breaks.  A stand-in, not an HTML parser."""
    builder = TextMapBuilder(raw)
    meta, position = {}, 0
    front = _FRONT_MATTER.match(raw)
    if front:
        meta = dict(_FIELD.findall(front.group(1)))
        position = front.end()
    for tag in _P_TAG.finditer(raw, position):
        builder.copy(position, tag.start())
        builder.emit("\n", tag.start(), tag.end())
        position = tag.end()
    builder.copy(position, len(raw))
    text, text_map = builder.build()
    return RawArticle(name, raw, text, text_map, "markdown", "utf-8", meta)


def seed_article(number: str) -> RawArticle:
    path = seed_path(number)
    raw = path.read_text(encoding="utf-8")
    return markup_article(raw, path.name) if raw.startswith("---\n") else plain_article(raw, path.name)


def assert_maps_back(doc, raw: str) -> None:
    """Contract 2: every character of the document text maps back into the raw text."""
    text, tmap = doc.text, doc.raw_map
    assert doc.raw_text == raw
    assert tmap.length == len(text) and tmap.source_length == len(raw)
    previous = 0
    for i in range(len(text)):
        source = tmap.to_source(i)
        assert previous <= source < len(raw), (i, source)
        previous = source
    assert previous <= tmap.to_source(len(text)) <= len(raw)
    for segment in tmap.segments:
        if segment.copied:
            assert text[segment.start:segment.end] == raw[segment.source_start:segment.source_end]
