"""Cleaning: a reader's :class:`RawArticle` becomes a :class:`NewDocument` to annotate.

The text passes through a few passes, each a function ``str → (str, TextMap)``
whose map leads from its output back to its input; :func:`clean` composes them
with the reader's map, so every character of the document text maps back to the
raw text (DESIGN.md, contract 2).  A pass that cannot apply is skipped.

1. :func:`normalise_breaks` — ``\\r\\n``, ``\\r``, U+2028/2029, ``\\v``, ``\\f``, NEL → ``\\n``;
   other control characters, U+FEFF and U+200B dropped (``\\t`` stays).
2. :func:`corpus.text.pinyin.remove_pinyin` — ``時(shí)`` → ``時``; ``?qǐng)`` → one
   :data:`DAMAGE_MARKER`.
3. :func:`tidy_lines` — each line loses its leading indentation (spaces, tabs,
   U+3000, NBSP: layout, not content, and it differs between sites copying the
   same article) and trailing whitespace; runs of blank lines become one blank
   line; the text starts and ends with a non-blank line.  Whitespace *inside* a
   line is kept as found (U+3000 and NBSP included).
4. :func:`drop_lines` — the metadata lines found by :func:`corpus.metadata.extract`
   leave the body; the text stays tidy.

Nothing else changes: Traditional stays Traditional, full-width stays full-width.

**Title.** The container's title (front matter, ``<title>``) wins; else a short
heading-like first line; else the first clause of the text (``meta["title_from"]``
says which: ``container`` / ``heading`` / ``first_clause``).  A page title that is
the heading plus the site's name (``标题_德州新闻网``) gives way to the heading and is
kept as ``meta["page_title"]``.  The body keeps the
article's own headline once, in every format; only *repeated* copies of it at the
top (a site's page title above the article's) go to ``meta["boilerplate"]``.
"""

from __future__ import annotations

import re

from corpus import metadata
from corpus.article import RawArticle
from corpus.damage import find_damage
from corpus.dates import parse_date
from corpus.document import NewDocument
from corpus.metadata import Line
from corpus.text.pinyin import might_apply, remove_pinyin
from corpus.text.textmap import TextMap, TextMapBuilder

MAX_TITLE = 50

# Runs of control characters and line breaks other than "\n" (a charset first: fast to scan).
_BREAK_OR_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufeff\u200b\u2028\u2029]+")
_BREAK = re.compile("[\r\x0b\x0c\x85\u2028\u2029]")
_FIRST_CLAUSE = re.compile(r"[^。！？!?；;：:，,\n]+")
_FIRST_SENTENCE = re.compile(r"[^。！？!?\n]+")
MIN_CLAUSE = 6
# A site's name after or before a page's heading: "_德州新闻网", " - 大众日报", "｜中国新闻网"
# ("——" is left out: in a headline it leads to the subtitle).
_SEPARATOR = r"\s*(?:[_|｜]|\s[-–—]\s)\s*"
_SITE_AFTER = re.compile(rf"{_SEPARATOR}\S.{{0,40}}")
_SITE_BEFORE = re.compile(rf".{{0,40}}\S{_SEPARATOR}")


class CleaningError(ValueError):
    """An article that leaves no text to annotate: ``str()`` is ``"name: reason"``."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"{name}: {reason}")
        self.name, self.reason = name, reason


def clean(article: RawArticle) -> NewDocument:
    """Clean one article: the document text, its title, metadata and map to the raw text.

    Raises :class:`CleaningError` when no text is left to annotate.
    """
    if not article.text.strip():
        raise CleaningError(article.name, "the article is empty")
    text, maps, pinyin_removed = article.text, [], 0
    # One fast scan decides which passes can apply: a text whose lines are all
    # printable has no control characters, no other breaks, no tabs, NBSP or
    # U+3000, and no private-use characters.
    plain = text.replace("\n", "").isprintable()
    if not plain:
        text = _run(normalise_breaks, text, maps)
    if might_apply(text):
        text, tmap, repair = remove_pinyin(text)
        maps.append(tmap)
        pinyin_removed = repair.artefacts
    text = _run(lambda untidy: tidy_lines(untidy, ascii_spaces=plain), text, maps)
    container_title = str(article.meta.get("title") or "").strip()
    found = metadata.extract(text, container_title)
    if found.drop:
        text = _run(lambda tidy: drop_lines(tidy, found.drop), text, maps)
    if not text:
        raise CleaningError(article.name, "nothing but metadata lines, no text to annotate")
    raw_map = compose(maps, article.text_map)
    title, title_from = _title(container_title, found.title, text)
    meta = _meta(article, found.meta, title_from, pinyin_removed)
    if damage := find_damage(text, article.raw, raw_map, private_use=not plain):
        meta["damage"] = damage
    return NewDocument(text=text, title=title, raw_text=article.raw, source=article.name,
                       meta=meta, raw_map=raw_map)


def _run(step, text: str, maps: list[TextMap]) -> str:
    text, tmap = step(text)
    maps.append(tmap)
    return text


# -- passes ------------------------------------------------------------------------------------------

def normalise_breaks(text: str) -> tuple[str, TextMap]:
    """Every line break becomes ``\\n``; control characters other than ``\\t`` are dropped."""
    builder = TextMapBuilder(text)
    position = 0
    for match in _BREAK_OR_CONTROL.finditer(text):
        start, end = match.span()
        builder.copy(position, start)
        position = end
        for brk in _BREAK.finditer(text, start, end):
            brk_start, brk_end = brk.span()
            if brk_end == end and text[brk_start] == "\r" and text[end:end + 1] == "\n":
                brk_end = position = end + 1          # "\r\n" is one break
            builder.emit("\n", brk_start, brk_end)
    builder.copy(position, len(text))
    return builder.build()


def is_tidy(text: str) -> bool:
    """What :func:`tidy_lines` leaves unchanged, for a text whose only spaces are ASCII."""
    return not text.startswith((" ", "\n")) and not text.endswith((" ", "\n")) \
        and _lines_tidy(text)


def _lines_tidy(text: str) -> bool:
    """No space next to a line break, no run of blank lines (only ASCII spaces in ``text``)."""
    if "\n\n\n" in text:
        return False
    position, seen = text.find(" "), 0
    while position >= 0:            # few spaces in Chinese text: look at each one's neighbours
        if text[position - 1:position] == "\n" or text[position + 1:position + 2] == "\n":
            return False
        seen += 1
        if seen == 16:
            return " \n" not in text and "\n " not in text
        position = text.find(" ", position + 1)
    return True


def tidy_lines(text: str, ascii_spaces: bool = False) -> tuple[str, TextMap]:
    """Trim each line, keep at most one blank line between lines, trim the text.

    Lines joined as they were (``\\n`` or ``\\n\\n``) stay one copied piece; a gap
    that changes is rebuilt from copies of its own first and last ``\\n``.  With
    ``ascii_spaces`` (the caller knows `` `` is the only whitespace besides ``\\n``)
    a text whose lines are already tidy is only trimmed, without a loop over lines.
    """
    if ascii_spaces:
        start, end = len(text) - len(text.lstrip()), len(text.rstrip())
        if _lines_tidy(text[start:end]):
            if start == 0 and end == len(text):
                return text, TextMap.identity(len(text))
            builder = TextMapBuilder(text)
            builder.copy(start, end)
            return builder.build()
    builder = TextMapBuilder(text)
    pending = kept_end = kept_break = -1    # copy start, end of the last kept line, its "\n"
    blank, start = False, 0
    for line in text.split("\n"):
        stripped = line.strip()
        if not stripped:
            blank = kept_end >= 0
        else:
            first = start + len(line) - len(line.lstrip())
            if pending < 0:
                pending = first
            elif first - kept_end != 1 + blank:      # not exactly "\n" or "\n\n"
                pending = _copy_gap(builder, pending, kept_end, kept_break, blank and start, first)
            kept_end, kept_break, blank = first + len(stripped), start + len(line), False
        start += len(line) + 1
    if pending >= 0:
        builder.copy(pending, kept_end)
    return builder.build()


def _copy_gap(builder: TextMapBuilder, pending: int, kept_end: int, kept_break: int,
              blank_end: int, first: int) -> int:
    """Copy up to the previous line, then one "\\n" (two before a blank line) from the gap.

    Each "\\n" joins the copy next to it when it can, so a paragraph stays one
    segment; returns where the next copy starts.
    """
    if kept_break == kept_end:                  # no trailing spaces: take the "\\n" along
        builder.copy(pending, kept_end + 1)
    else:
        builder.copy(pending, kept_end)
        builder.copy(kept_break, kept_break + 1)
    if not blank_end:
        return first
    if blank_end == first:                      # no indentation: start from the "\\n" before
        return blank_end - 1
    builder.copy(blank_end - 1, blank_end)
    return first


def drop_lines(text: str, lines: list[Line]) -> tuple[str, TextMap]:
    """Remove whole lines from a tidy text, each with the gap after it (before it, at the end).

    The result is tidy again: the gap before a removed run of lines joins the
    lines around it.
    """
    cuts: list[list[int]] = []
    for line in sorted(lines, key=lambda line: line.start):
        end = line.end
        while end < len(text) and text[end] == "\n":
            end += 1
        if cuts and line.start <= cuts[-1][1]:
            cuts[-1][1] = max(cuts[-1][1], end)
        else:
            cuts.append([line.start, end])
    if cuts and cuts[-1][1] == len(text):
        while cuts[-1][0] > 0 and text[cuts[-1][0] - 1] == "\n":
            cuts[-1][0] -= 1
    builder = TextMapBuilder(text)
    position = 0
    for start, end in cuts:
        builder.copy(position, start)
        position = end
    builder.copy(position, len(text))
    return builder.build()


def compose(maps: list[TextMap], reader_map: TextMap) -> TextMap:
    """One map from the last pass's output to the raw text.

    Composed from the output side, so the small maps of the late passes meet the
    many segments of the pinyin pass once; identity maps are skipped.
    """
    composed = None
    for tmap in [*reversed(maps), reader_map]:
        if not tmap.is_identity:
            composed = tmap if composed is None else composed.then(tmap)
    return composed if composed is not None else reader_map


# -- what the document carries besides its text ----------------------------------------------------

def _title(container_title: str, heading: str, text: str) -> tuple[str, str]:
    if container_title:
        if heading and _site_and_heading(container_title, heading):
            return heading, "heading"
        return container_title, "container"
    if heading:
        return heading, "heading"
    start = dateline.end() if (dateline := metadata.DATELINE.match(text)) else 0
    clause = _FIRST_CLAUSE.match(text, start)
    if clause and len(clause.group().strip()) < MIN_CLAUSE:    # "2月14日，…": the sentence
        clause = _FIRST_SENTENCE.match(text, start)
    title = (clause.group() if clause else text.split("\n", 1)[0]).strip()
    if len(title) > MAX_TITLE:
        title = title[:MAX_TITLE - 1] + "…"
    return title, "first_clause"


def _site_and_heading(page_title: str, heading: str) -> bool:
    """``德州召开会议_德州新闻网`` or ``大众日报 - 德州召开会议``: a page's title that is the
    article's heading joined to the site's name."""
    if page_title.startswith(heading):
        return bool(_SITE_AFTER.fullmatch(page_title, len(heading)))
    if page_title.endswith(heading):
        return bool(_SITE_BEFORE.fullmatch(page_title, 0, len(page_title) - len(heading)))
    return False


def _meta(article: RawArticle, found: dict, title_from: str, pinyin_removed: int) -> dict:
    """The file's facts, then the container's metadata, then what the text said.

    The container wins over the text (a front-matter date over a ``时间:`` line).
    """
    meta: dict = {"file": article.name, "format": article.format}
    if article.encoding:
        meta["encoding"] = article.encoding
    for key, value in article.meta.items():
        if key != "title":
            meta[key] = (parse_date(value) or value) if key == "date" else value
    if title_from == "heading" and article.meta.get("title"):
        meta["page_title"] = str(article.meta["title"]).strip()   # the heading + the site
    for key, value in found.items():
        meta.setdefault(key, value)
    meta["title_from"] = title_from
    if pinyin_removed:
        meta["pinyin_removed"] = pinyin_removed
    return meta
