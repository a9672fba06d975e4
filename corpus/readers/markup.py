"""HTML markup → a list of events with their places in the source.

An event is ``(kind, start, end, name, attrs)``: a run of text (DATA), a
character reference such as ``&amp;`` (REF, ``end`` past its ``;``), a start or
end tag (START/END, ``name`` lower-cased), or a ``<!DOCTYPE>`` (DECL).  Offsets
are code points into the whole source, so :mod:`corpus.readers.html` can copy
text straight from it.

Two tokenisers give the same events.  :func:`scan` is one regular-expression
pass that only accepts plain markup — tags with ordinary attributes and
references, which is what scraped article bodies are — and tokenises it with
HTMLParser's own rules.  Anything else (comments, scripts, ``<title>``,
``<meta>``, a ``<`` that starts no tag …) goes to :func:`parse`, Python's
``html.parser.HTMLParser``, which reports each event's position (``getpos``).
HTMLParser costs about 4 µs a tag in pure Python, the scan well under 1 µs;
tests/corpus/readers/test_properties.py checks that both give the same text.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

DATA, REF, START, END, DECL = range(5)
Event = tuple  # (kind, start, end, name, attrs)

# CPython < 3.13 stops parsing at "&#" that does not start a character reference
# and hands the rest of the document over as text, and drops the "&" of a text
# ending in "&" and one letter ("AT&T"); such "&" are hidden from it.
_STRAY_AMPERSAND = re.compile(r"&(?=#(?![0-9]+(?![0-9a-fA-F])|[xX][0-9a-fA-F])|[a-zA-Z]\Z)")
# Markdown autolinks (<https://…>, <mailto:…>) are text, not tags.
_AUTOLINK = re.compile(r"<(?=(?:[a-zA-Z][a-zA-Z0-9+.-]{1,31}://|mailto:)[^\s<>]*>)")
_TOKEN = re.compile(
    r"<(/?)([a-zA-Z][a-zA-Z0-9]*)(?:[ \t\n\r\f](?:[^<>\"']|\"[^\"]*\"|'[^']*')*)?/?>"
    r"|&#(?:[0-9]+|[xX][0-9a-fA-F]+)(?=[^0-9a-fA-F]);?"
    r"|&[a-zA-Z][-.a-zA-Z0-9]*(?=[^a-zA-Z0-9]);?")
_NOT_PLAIN = re.compile(r"<(?:[!?]|/?(?:script|style|title|textarea|xmp|iframe|noembed|"
                        r"noframes|plaintext|meta)(?![a-zA-Z0-9]))", re.IGNORECASE)


def events(source: str, start: int = 0, end: int | None = None, *,
           keep_autolinks: bool = False) -> list[Event]:
    """The events of the markup in ``source[start:end]``."""
    parse_text = prepare(source, start, end, keep_autolinks)
    found = scan(parse_text, start)
    return found if found is not None else parse(parse_text, start)


def prepare(source: str, start: int = 0, end: int | None = None,
            keep_autolinks: bool = False) -> str:
    """The text the tokenisers read: the slice, with what must not be markup hidden.

    Each hidden ``&`` or ``<`` becomes ``\\x01``, so every offset stays the same.
    """
    parse_text = _STRAY_AMPERSAND.sub("\x01", source[start:end])
    return _AUTOLINK.sub("\x01", parse_text) if keep_autolinks else parse_text


def scan(parse_text: str, base: int = 0) -> list[Event] | None:
    """Events of plain markup in one pass, or None when HTMLParser must read it."""
    if _NOT_PLAIN.search(parse_text):
        return None
    found: list[Event] = []
    append = found.append
    position = tags = 0
    for token in _TOKEN.finditer(parse_text):
        start, end = token.span()
        if start > position:
            append((DATA, base + position, base + start, "", ()))
        name = token.group(2)
        if name is None:
            append((REF, base + start, base + end, "", ()))
        else:
            tags += 1
            name = name.lower()
            if token.group(1):
                append((END, base + start, base + end, name, ()))
            else:
                append((START, base + start, base + end, name, ()))
                if parse_text[end - 2] == "/":      # <br/>: HTMLParser ends it at once
                    append((END, base + start, base + start, name, ()))
        position = end
    if tags != parse_text.count("<"):
        return None
    if position < len(parse_text):
        append((DATA, base + position, base + len(parse_text), "", ()))
    return found


def parse(parse_text: str, base: int = 0) -> list[Event]:
    """Events of any markup, from Python's HTMLParser."""
    recorder = _Recorder(parse_text, base)
    recorder.feed(parse_text)
    recorder.close()
    return recorder.found


class _Recorder(HTMLParser):
    def __init__(self, parse_text: str, base: int) -> None:
        super().__init__(convert_charrefs=False)
        self.parse_text, self.base = parse_text, base
        self.line_starts = _line_starts(parse_text, base)
        self.found: list[Event] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        start = self._pos()
        end = start + len(self.get_starttag_text() or "")
        self.found.append((START, start, end, tag, attrs))

    def handle_endtag(self, tag: str) -> None:
        start = self._pos()
        self.found.append((END, start, start, tag, ()))

    def handle_data(self, data: str) -> None:
        start = self._pos()
        self.found.append((DATA, start, start + len(data), "", ()))

    def handle_entityref(self, name: str) -> None:
        start = self._pos()
        self.found.append((REF, start, self._semicolon(start + 1 + len(name)), "", ()))

    def handle_charref(self, name: str) -> None:
        start = self._pos()
        self.found.append((REF, start, self._semicolon(start + 2 + len(name)), "", ()))

    def handle_decl(self, decl: str) -> None:
        if decl.lower().startswith("doctype"):
            start = self._pos()
            self.found.append((DECL, start, start, "!doctype", ()))

    def _pos(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def _semicolon(self, end: int) -> int:
        """HTMLParser consumes the ``;`` that ends a reference but does not report it."""
        index = end - self.base
        return end + 1 if index < len(self.parse_text) and self.parse_text[index] == ";" else end


def _line_starts(text: str, base: int) -> list[int]:
    """Source offset of each line's start, as ``getpos`` counts lines (by ``\\n``)."""
    starts = [base]
    found = text.find("\n")
    while found >= 0:
        starts.append(base + found + 1)
        found = text.find("\n", found + 1)
    return starts
