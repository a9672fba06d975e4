"""Markdown syntax → the text a reader sees, every character mapped back to the source.

A Markdown article (a ``.md`` file, or a Jekyll post whose body is not HTML)
keeps its words and loses what only formats them: heading marks (``#``), bullet
marks, quote marks (``>``), code fences, thematic breaks and setext underlines,
table separator rows, link targets (``[文字](url)`` → ``文字``), images, the
delimiters of emphasis, strikethrough and code spans, and the backslash of an
escape.  Ordered-list numbers stay: they are read as part of the text.  A line
made only of links (``[返回首页](…)｜[下一篇](…)``) stays as it is, so that the
cleaner recognises and removes it as site boilerplate.

Nothing is rewritten: the text is pieces copied from the source, so the map is
all copies (one :class:`~corpus.text.textmap.TextMapBuilder` pass).
"""

from __future__ import annotations

import re

from corpus.metadata_lines import LINK_LINE
from corpus.text.textmap import TextMap, TextMapBuilder

_FENCE = re.compile(r" {0,3}(?:```|~~~)")
_DROPPED_LINE = re.compile(
    r" {0,3}(?:(?:[-*_][ \t]*){3,}|=+[ \t]*|-+[ \t]*"             # breaks, setext underlines
    r"|\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*"    # a table's separator row
    r"|\[[^\]\n]+\]:[ \t]*\S+.*)\Z")                               # a link reference definition
_PREFIX = re.compile(r"(?: {0,3}>[ \t]?)*(?: {0,3}#{1,6}(?:[ \t]+|\Z)| {0,3}[-*+][ \t]+)?")
INLINE = 400   # the longest code span, link text or emphasis taken out: bounded, so a
               # line flooded with * _ ` [ costs linear time, not quadratic
_CLOSING_HASHES = re.compile(r"[ \t]+#+[ \t]*\Z")
# Inline syntax, in the order it is taken out of a line (code spans and escapes first:
# what they hold is text).  Each pattern's groups are the delimiters to drop.
_N, _Z = f"{{1,{INLINE}}}", f"{{0,{INLINE}}}"     # 1 to INLINE, 0 to INLINE characters
_CODE = re.compile(rf"(`+)[^`\n]{_N}?(\1)")
_IMAGE = re.compile(rf"!\[[^\]\n]{_Z}\]\([^)\n]{_Z}\)")
_LINK = re.compile(rf"(\[)[^\]\n]{_N}(\](?:\([^)\n]{_Z}\)|\[[^\]\n]{_Z}\]))")
_EMPHASIS = (re.compile(rf"(\*\*|__)(?=\S)[^\n]{_N}?(?<=\S)(\1)"),
             re.compile(rf"(~~)(?=\S)[^\n]{_N}?(?<=\S)(~~)"),
             re.compile(rf"(\*)(?=[^\s*])[^*\n]{_Z}?(?<=[^\s*])(\*)"),
             re.compile(rf"(?<![0-9A-Za-z_])(_)(?=[^\s_])[^_\n]{_Z}?(?<=[^\s_])(_)"
                        r"(?![0-9A-Za-z_])"))
_ESCAPE = re.compile(r"(\\)[!-/:-@\[-`{-~]")
_MASK = "\x00"


def markdown_to_text(source: str, start: int = 0) -> tuple[str, TextMap]:
    """The text of the Markdown in ``source[start:]`` and its map into ``source``."""
    builder = TextMapBuilder(source)
    in_code = False
    position = start
    while position <= len(source):
        end = source.find("\n", position)
        end = len(source) if end < 0 else end
        line = source[position:end]
        if _FENCE.match(line):
            in_code = not in_code
        elif in_code:
            builder.copy(position, end)
        elif not _DROPPED_LINE.match(line):
            for piece_start, piece_end in _kept(line):
                builder.copy(position + piece_start, position + piece_end)
        if end < len(source):
            builder.copy(end, end + 1)      # the line break
        position = end + 1
    return builder.build()


def _kept(line: str) -> list[tuple[int, int]]:
    """The ranges of ``line`` that are text, in order."""
    first = _PREFIX.match(line).end()
    last = len(line)
    closing = _CLOSING_HASHES.search(line, first) if line.lstrip(" >").startswith("#") else None
    if closing:
        last = closing.start()
    if LINK_LINE.fullmatch(line, first, last):     # left for the cleaner to remove
        return [(first, last)]
    work = line[:last]
    dropped: list[tuple[int, int]] = []
    for protected in (_CODE, _ESCAPE):      # what they hold is text, never syntax
        work = _take(protected, work, dropped, protect=True)
    for pattern in (_IMAGE, _LINK, *_EMPHASIS):
        work = _take(pattern, work, dropped)
    return _complement(sorted(dropped), first, last)


def _take(pattern: re.Pattern, work: str, dropped: list, protect: bool = False) -> str:
    """Record what ``pattern`` drops in ``work`` and mask it (``protect``: the whole match,
    what it holds too) so that later patterns neither see it nor match across it."""
    masks: list[tuple[int, int]] = []
    for match in pattern.finditer(work):   # matches never overlap: mask them in one pass
        spans = ([match.span(group) for group in range(1, pattern.groups + 1)]
                 if pattern.groups else [match.span()])
        dropped += spans
        masks += [match.span()] if protect else spans
    if not masks:
        return work
    pieces, position = [], 0
    for mask_start, mask_end in masks:
        pieces += [work[position:mask_start], _MASK * (mask_end - mask_start)]
        position = mask_end
    pieces.append(work[position:])
    return "".join(pieces)


def _complement(dropped: list[tuple[int, int]], first: int, last: int) -> list[tuple[int, int]]:
    kept, position = [], first
    for drop_start, drop_end in dropped:
        if drop_start > position:
            kept.append((position, drop_start))
        position = max(position, drop_end)
    if last > position:
        kept.append((position, last))
    return kept
