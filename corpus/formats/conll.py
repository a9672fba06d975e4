"""CoNLL, character level: one character per line, ``CHAR TAG``, tags in BIO, BIOES or BMES.

A blank line ends a document.  With ``sentences`` a blank line also follows
。！？ (never inside a span) and each document starts with a ``-DOCSTART- O``
line, so that documents can still be told apart when reading.

White space and the backslash cannot stand on a line of their own, so they are
escaped: ``\\n`` newline, ``\\t`` tab, ``\\r`` carriage return, ``\\s`` space,
``\\\\`` backslash, ``\\uXXXX`` any other white space.  Reading undoes it, so
the text (and every offset) comes back exactly.  The reader takes any token
length, so word-level files read the same way.
"""

from __future__ import annotations

import re
from functools import lru_cache
from operator import add
from collections.abc import Iterator
from pathlib import Path

from corpus.document import Document
from corpus.formats import tags as tagging
from corpus.formats.jsonio import read_bytes
from corpus.formats.model import Annotated, FormatSpan, ReadOptions, RecordFailure, WriteOptions

DOCSTART = "-DOCSTART-"
ENDERS = "。！？"
_SPECIAL = re.compile(r"[\s\\]")
_SPECIAL_OR_END = re.compile(r"[\s\\。！？]")
_ESCAPES = {"\n": "\\n", "\t": "\\t", "\r": "\\r", " ": "\\s", "\\": "\\\\"}
_UNESCAPE = re.compile(r"\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)")
_NAMED = {"n": "\n", "t": "\t", "r": "\r", "s": " ", "\\": "\\"}
_LINE = re.compile(r"^\S+ [BIMES]-\S+$|^\S+ O$|^-DOCSTART-")


def escape(token: str) -> str:
    if _SPECIAL.search(token) is None:
        return token
    return "".join(_ESCAPES.get(c) or (f"\\u{ord(c):04x}" if c.isspace() else c) for c in token)


def unescape(token: str) -> str:
    if "\\" not in token:
        return token
    return _UNESCAPE.sub(lambda m: _NAMED.get(m.group(1)) or chr(int(m.group(1)[1:], 16)), token)


class _Lines(dict):
    """Character → its CoNLL line with one tag, built once per character."""

    def __init__(self, tag: str, sentences: bool) -> None:
        super().__init__()
        self.tag, self.sentences = tag, sentences

    def __missing__(self, char: str) -> str:
        end = "\n\n" if self.sentences and char in ENDERS else "\n"
        line = self[char] = f"{escape(char)} {self.tag}{end}"
        return line


_OUTSIDE = {False: _Lines("O", False), True: _Lines("O", True)}
_TEMPLATE = "\0 O\n".encode("utf-32-le")   # one line: 4 code points, 16 bytes


def _plain_lines(text: str) -> str:
    """``"c O\\n"`` for every character, built in UTF-32 where each line is 16 bytes:
    the characters are copied into a template by strided slices, no loop in Python."""
    source = text.encode("utf-32-le")
    out = bytearray(_TEMPLATE * len(text))
    for lane in range(3):  # the fourth byte of a code point is always 0
        out[lane::16] = source[lane::4]
    return out.decode("utf-32-le")


@lru_cache(maxsize=4096)
def _span_suffixes(length: int, label: str, scheme: str) -> tuple[str, ...]:
    return tuple(f" {tag}\n" for tag in tagging.span_tags(length, label, scheme))


def char_lines(text: str, spans, scheme: str = "bio", sentences: bool = False) -> str:
    """One document as CoNLL lines; ``spans`` sorted and not overlapping.

    Outside spans the lines are slices of :func:`_plain_lines`; the few characters
    that need escaping (or a blank line after them) are then replaced in the whole
    document.  ``"c O\\n"`` can only match at the start of a line (its second
    character is a space, which no line has where "O" or "\\n" stands), so the
    replacement never touches anything but the lines of those characters.
    """
    plain = _plain_lines(text)
    parts: list[str] = []
    pos = 0
    for span in spans:
        parts.append(plain[4 * pos:4 * span.start])
        covered = text[span.start:span.end]
        suffixes = _span_suffixes(len(covered), span.label, scheme)
        if _SPECIAL.search(covered) is None:
            parts.append("".join(map(add, covered, suffixes)))
        else:
            parts.append("".join(escape(c) + t for c, t in zip(covered, suffixes)))
        pos = span.end
    parts.append(plain[4 * pos:])
    out = "".join(parts)
    lines = _OUTSIDE[sentences]
    for char in set((_SPECIAL_OR_END if sentences else _SPECIAL).findall(text)):
        out = out.replace(f"{char} O\n", lines[char])
    return out


class Writer:
    def __init__(self, path: Path, options: WriteOptions) -> None:
        tagging.check_scheme(options.tags)
        self.options, self.out = options, path.open("w", encoding="utf-8", newline="\n")

    def write(self, document: Document, spans: list, meta: dict) -> None:
        if self.options.sentences:
            self.out.write(f"{DOCSTART} O\n\n")
        lines = char_lines(document.text, spans, self.options.tags, self.options.sentences)
        self.out.write(lines + "\n")

    def close(self) -> None:
        self.out.close()


def sniff_text(head: str) -> bool:
    """Whether the start of a text file looks like CoNLL (``TOKEN TAG`` lines)."""
    lines = [line for line in head.splitlines()[:50] if line.strip()]
    if len(lines) > 1 and len(head) >= 4096:
        lines = lines[:-1]  # the head may cut its last line
    return bool(lines) and all(_LINE.match(line) for line in lines)


def read(path: Path, options: ReadOptions = ReadOptions()) -> Iterator[Annotated | RecordFailure]:
    text = read_bytes(path).decode("utf-8-sig", errors="replace")
    for name, rows in _documents(path.name, text.split("\n")):
        try:
            yield _annotated(name, rows)
        except ValueError as error:
            yield RecordFailure(name, str(error))


def _documents(file_name: str, lines: list[str]) -> Iterator[tuple[str, list[tuple[int, str]]]]:
    """(name, [(line number, line)]) per document: blocks, or -DOCSTART- sections."""
    by_docstart = any(line.startswith(DOCSTART) for line in lines)
    rows: list[tuple[int, str]] = []
    for number, line in enumerate(lines, 1):
        line = line.rstrip("\r")
        boundary = line.startswith(DOCSTART) if by_docstart else not line.strip()
        if boundary:
            if rows:
                yield f"{file_name}:{rows[0][0]}", rows
            rows = []
        elif line.strip():
            rows.append((number, line))
    if rows:
        yield f"{file_name}:{rows[0][0]}", rows


def _annotated(name: str, rows: list[tuple[int, str]]) -> Annotated:
    tokens, tags = [], []
    for number, line in rows:
        fields = line.split()
        if len(fields) < 2:
            raise ValueError(f"line {number}: expected TOKEN TAG, got {line!r}")
        problem = tagging.check_tag(fields[-1])
        if problem:
            raise ValueError(f"line {number}: {problem}")
        tokens.append(unescape(fields[0]))
        tags.append(fields[-1])
    starts = [0]
    for token in tokens:
        starts.append(starts[-1] + len(token))
    text = "".join(tokens)
    spans = [FormatSpan(starts[s], starts[e], label)
             for s, e, label in tagging.decode(tags)]
    return Annotated(name, text, spans, title=text.split("\n", 1)[0][:40])
