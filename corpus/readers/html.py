"""HTML → text by paragraph, every character mapped back into the source.

The markup comes as events with source positions (:mod:`corpus.readers.markup`),
so text runs are *copied* from the source and everything the markup stands for
is *emitted* in its place: ``\n`` for the block tags between two paragraphs,
the decoded character for ``&amp;`` or ``&#20013;``.  Scripts, styles, forms,
navigation, a page's own header and footer, and comments are dropped with
everything inside them.  So is, in a whole page, the furniture that news sites
build from ``<div>``s and lists rather than ``<nav>``: an element whose class or
id names it (``nav``, ``menu``, ``breadcrumb``, ``related``, ``comment``,
``share``, ``copyright`` …, or exactly ``header``/``footer`` outside the article),
when its end tag is found.  Nothing is fetched and nothing runs.

Whitespace that only indents markup (between two blocks, at the start or end
of a paragraph) is left out; whitespace inside a paragraph is copied as it is
(the cleaner decides about it).  Consecutive block boundaries give one ``\n``.
"""

from __future__ import annotations

import html
import re

from corpus.article import RawArticle
from corpus.readers import markup
from corpus.readers.markup import DATA, DECL, END, REF, START, Event
from corpus.text.textmap import TextMap, TextMapBuilder

BLOCKS = frozenset({"address", "article", "aside", "blockquote", "body", "br", "caption",
    "center", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption",
    "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr",
    "html", "legend", "li", "main", "menu", "nav", "ol", "option", "p", "pre", "section",
    "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul"})
# Never text: their content goes with them.
SCRIPTS = frozenset({"script", "style"})
DROPPED = SCRIPTS | {"noscript", "template", "head", "iframe", "svg", "select", "button",
                     "object"}
# Page furniture: dropped too, unless that would leave no text at all.
LAYOUT = frozenset({"nav", "aside", "form"})
PAGE_LAYOUT = frozenset({"header", "footer"})   # of a whole page, outside <article>/<main>
CONTENT = frozenset({"article", "main"})
# Tags that change more than "a line break here": handled off the fast loop.
_SPECIAL = DROPPED | LAYOUT | PAGE_LAYOUT | CONTENT | {"pre", "title", "meta", "html", "body",
                                                         "!doctype"}
# Page furniture named by a class or id: any of these words in it …
FURNITURE_WORDS = frozenset({
    "nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "crumb", "crumbs",
    "position", "location", "sidebar", "related", "relate", "recommend", "recommended",
    "comment", "comments", "share", "sharing", "copyright", "ad", "ads", "advert", "banner",
    "toolbar", "login", "xgxw", "xgwz", "pinglun", "fenxiang", "tuijian"})
# … or one of these as a whole class or the id, outside <article>/<main>.
PAGE_FURNITURE_WORDS = frozenset({"header", "footer", "head", "foot", "top", "bottom"})
FURNITURE_TAGS = frozenset({"div", "section", "ul", "ol", "dl", "table"})
_WORD = re.compile(r"[a-z]+")
_CLASS_OR_ID = re.compile(r"""\s(?:class|id)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""",
                          re.IGNORECASE)
META_FIELDS = {"description": "description", "author": "author", "article:author": "author",
               "keywords": "keywords", "article:published_time": "date",
               "publishdate": "date", "pubdate": "date", "og:title": "title"}
_WS = " \t\n\r\f"
_PAGE_START = re.compile(r"\s*(?:<!doctype\s+html|<html[\s>]|<\?xml)", re.IGNORECASE)
_STRONG_TAG = re.compile(r"<(?:p|br|div)[\s/>]", re.IGNORECASE)
_TAG = re.compile(r"</?(?:a|b|i|u|em|strong|span|font|h[1-6]|li|ul|ol|table|tr|td|th|img|"
                  r"section|article|body|head|title|meta|script|style|center|blockquote|"
                  r"pre|hr|figure|figcaption|header|footer|nav|main|sup|sub|small)\b[^<>]*>",
                  re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    """A whole page, a ``<p>``/``<br>``/``<div>``, or at least two other HTML tags."""
    if "<" not in text:
        return False
    if _PAGE_START.match(text) or _STRONG_TAG.search(text):
        return True
    tags = _TAG.finditer(text)
    return next(tags, None) is not None and next(tags, None) is not None


def html_to_text(source: str, start: int = 0, end: int | None = None, *,
                 keep_autolinks: bool = False) -> tuple[str, TextMap, dict]:
    """Text, map into ``source`` and metadata of the HTML in ``source[start:end]``.

    ``keep_autolinks`` keeps Markdown's ``<https://…>`` as text (for a Markdown body).
    """
    found = markup.events(source, start, end, keep_autolinks=keep_autolinks)
    return text_from_events(source, start, found)


def text_from_events(source: str, start: int, found: list[Event]) -> tuple[str, TextMap, dict]:
    builder = _TextBuilder(source, start, drop_layout=True)
    if _PAGE_START.match(source, start):
        builder.furniture = furniture(found, source)
    text, text_map = builder.run(found)
    if not text.strip() and builder.dropped_layout:
        builder = _TextBuilder(source, start, drop_layout=False)
        text, text_map = builder.run(found)
    return text, text_map, builder.meta


def read_html(raw: str, name: str, encoding: str) -> RawArticle:
    text, text_map, meta = html_to_text(raw)
    return RawArticle(name=name, raw=raw, text=text, text_map=text_map, format="html",
                      encoding=encoding, meta=meta)


_FURNITURE = "\x00furniture"     # on the skip stack while page furniture is dropped


def furniture(found: list[Event], source: str) -> dict[int, tuple[int, bool]]:
    """Start offset of each page-furniture element whose end tag is there → (the end
    tag's offset, whether it is furniture only outside <article>/<main>).

    An element that holds the page's longest run of text is never furniture, whatever
    its class says (``<div class="article comments-on">``): that run is the article's.
    """
    opened: dict[str, list[tuple[int, int]]] = {}      # name → (start, 0/1/2) per open tag
    ends = {}
    longest, longest_at, script = 0, -1, False
    for kind, start, end, name, _attrs in found:
        if kind == DATA:
            if end - start > longest and not script:
                longest, longest_at = end - start, start
            continue
        if name in SCRIPTS:
            script = kind == START
        if name not in FURNITURE_TAGS:
            continue
        if kind == START:
            opened.setdefault(name, []).append((start, _furniture_kind(source[start:end])))
        elif kind == END and opened.get(name):
            tag_start, found_kind = opened[name].pop()
            if found_kind:
                ends[tag_start] = (start, found_kind == 2)
    return {start: found for start, found in ends.items()
            if not start < longest_at < found[0]}


def _furniture_kind(tag: str) -> int:
    """0: not furniture; 1: by a word of its class or id; 2: a page's header or footer."""
    kind = 0
    for match in _CLASS_OR_ID.finditer(tag):
        value = (match[1] or match[2] or match[3] or "").lower()
        if not FURNITURE_WORDS.isdisjoint(_WORD.findall(value)):
            return 1
        if not PAGE_FURNITURE_WORDS.isdisjoint(value.split()):
            kind = 2
    return kind


class _TextBuilder:
    """The text of a list of events: one loop for text and plain tags, helpers for the rest."""

    def __init__(self, source: str, start: int, drop_layout: bool) -> None:
        self.source, self.start, self.drop_layout = source, start, drop_layout
        self.dropped_layout = False
        self.skip: list[str] = []           # open elements whose content is dropped
        self.page = False                   # a whole page, not a fragment
        self.content_depth = 0              # inside <article> or <main>
        self.pre_depth = 0
        self.title_start: int | None = None
        self.title = ""
        self.meta: dict = {}
        self.furniture: dict[int, tuple[int, bool]] = {}   # see furniture()
        self.furniture_end = -1             # where the furniture being dropped ends

    def run(self, found: list[Event]) -> tuple[str, TextMap]:
        source, skip = self.source, self.skip
        builder = TextMapBuilder(source)
        copy, emit = builder.copy, builder.emit
        started = pending = in_title = False    # any text out yet; a line break due
        pre = 0
        held: list[tuple[int, int]] = []        # whitespace kept only if no break follows
        last = self.start                       # where the last text out ended
        furniture = self.furniture
        for kind, start, end, name, attrs in found:
            if kind > REF:                      # a tag
                if skip or in_title or name in _SPECIAL or start in furniture:
                    pending |= self._tag(kind, start, end, name, attrs, started)
                    pre, in_title = self.pre_depth, self.title_start is not None
                elif name in BLOCKS:
                    pending = True
                continue
            if skip or in_title:
                continue
            decoded = None
            first, stop = start, end
            if kind == REF:
                decoded = html.unescape(source[start:end])
                if decoded == source[start:end]:
                    decoded = None              # not a known reference: "AT&T"
            elif not pre:
                rest = source[start:end].lstrip(_WS)
                if not rest:
                    if started and not pending:
                        held.append((start, end))
                    continue
                first = end - len(rest)
                stop = first + len(rest.rstrip(_WS))
                if first > start and started and not pending:
                    held.append((start, first))
            if pending:                         # one line break for all blocks since
                if started:                     # the last text, standing for all of it
                    emit("\n", last, first)
                pending = False
                held.clear()
            elif held:
                for held_start, held_end in held:
                    copy(held_start, held_end)
                held.clear()
            started = True
            if decoded is None:
                copy(first, stop)
            else:
                emit(decoded, first, stop)
            last = stop
            if stop < end:
                held.append((stop, end))
        if self.title:
            self.meta["title"] = self.title
        return builder.build()

    # -- tags that do more than break a line ------------------------------------------------

    def _tag(self, kind: int, start: int, end: int, name: str, attrs, started: bool) -> bool:
        """Handle a tag; True if it puts a line break before the next text."""
        if kind == DECL:
            self.page = True
            return False
        if kind == START:
            return self._start_tag(start, end, name, attrs, started)
        return self._end_tag(start, name)

    def _start_tag(self, start: int, end: int, name: str, attrs, started: bool) -> bool:
        if self.title_start is not None and name in BLOCKS:    # an unclosed <title>
            self._end_title(start)
        if name == "meta":
            self._meta(attrs)
        elif name == "title":
            self.title_start = end
        elif name in ("html", "body"):
            self.page = True
            if name == "body" and "head" in self.skip:          # </head> is optional
                self.skip.clear()
        if self._dropped(name, started):
            self.skip.append(name)
            self.dropped_layout |= name not in SCRIPTS
            return False
        if self.skip:
            return False
        if self._furniture(start):
            self.skip.append(_FURNITURE)
            self.furniture_end, self.dropped_layout = self.furniture[start][0], True
            return name in BLOCKS
        self.content_depth += name in CONTENT
        self.pre_depth += name == "pre"
        return name in BLOCKS

    def _end_tag(self, start: int, name: str) -> bool:
        if name == "title" and self.title_start is not None:
            self._end_title(start)
        if start == self.furniture_end and _FURNITURE in self.skip:
            while self.skip.pop() != _FURNITURE:    # and any unclosed element inside it
                pass
            return True
        if self.skip:
            if name not in self.skip:
                return False
            while self.skip.pop() != name:
                pass
            return name in BLOCKS
        self.content_depth -= name in CONTENT and self.content_depth > 0
        self.pre_depth -= name == "pre" and self.pre_depth > 0
        return name in BLOCKS

    def _dropped(self, name: str, started: bool) -> bool:
        if name in DROPPED:
            return not (name == "head" and started)
        if not self.drop_layout:
            return False
        return name in LAYOUT or (name in PAGE_LAYOUT and self.page and not self.content_depth)

    def _furniture(self, start: int) -> bool:
        found = self.furniture.get(start)
        return (found is not None and self.drop_layout and self.page
                and not (found[1] and self.content_depth))

    def _end_title(self, end: int) -> None:
        if not self.title and all(tag == "head" for tag in self.skip):
            self.title = " ".join(html.unescape(self.source[self.title_start:end]).split())
        self.title_start = None

    def _meta(self, attrs) -> None:
        values = {key: value for key, value in attrs if value}
        key = (values.get("name") or values.get("property") or "").strip().lower()
        field = META_FIELDS.get(key)
        content = " ".join((values.get("content") or "").split())
        if field and content and field not in self.meta:
            self.meta[field] = content
