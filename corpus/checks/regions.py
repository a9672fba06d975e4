"""Spans in text the annotator should not be marking: damaged text (``damaged``: a place
``meta["damage"]`` lists, where the source lost or garbled characters) and boilerplate
(``boilerplate``: a line of site furniture, a byline, an editor or date line that
cleaning would take out of the body: text imported as it was, e.g. from an annotated
file, still has them).  The lines a cleaned document lost are not looked for in its
text: ``meta["boilerplate"]`` also holds the earlier copies of a headline the body keeps.
A document cleaned at import (its metadata says where its title came from) had these
lines taken out then, by the same rules, and is not asked again."""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache

from corpus import metadata
from corpus.metadata_lines import MAX_META_LINE, classify
from corpus.checks.model import Finding, Mark, finding

DAMAGED, BOILERPLATE = "damaged", "boilerplate"
_DAMAGE_KINDS = {"lost": "a lost character", "undecodable": "an undecodable character",
                 "private_use": "a private-use character", "garbled": "garbled text"}


def damage_findings(meta: dict, marks: list[Mark]) -> list[Finding]:
    damage = sorted((entry["offset"], entry) for entry in meta.get("damage") or []
                    if isinstance(entry, dict) and isinstance(entry.get("offset"), int))
    if not damage:
        return []
    offsets = [offset for offset, _entry in damage]
    out = []
    for mark in marks:
        i = bisect_left(offsets, mark.start)
        if i < len(offsets) and offsets[i] < mark.end:
            entry = damage[i][1]
            kind = _DAMAGE_KINDS.get(entry.get("kind", ""), "damaged text")
            hint = f" ({entry['hint']})" if entry.get("hint") else ""
            out.append(finding(DAMAGED, mark, f"covers {kind}{hint} at {offsets[i]}", None,
                               kind=entry.get("kind", ""), offset=offsets[i]))
    return out


def _line_at(text: str, offset: int) -> tuple[int, int]:
    return text.rfind("\n", 0, offset) + 1, (text.find("\n", offset) % (len(text) + 1))


def boilerplate_findings(text: str, meta: dict, marks: list[Mark]) -> list[Finding]:
    """Spans on a line that cleaning would take out of the body: a metadata line among
    the first lines, or in the run of metadata lines that ends the text (the same rule
    as corpus/metadata.py, asked only about the lines that hold a span)."""
    if not marks or "title_from" in meta:
        return []           # cleaned at import: corpus/metadata.py took these lines out then
    header_end = _header_end(text, metadata.HEADER_LINES)
    footer_start = _footer_start(text, metadata.FOOTER_LINES)
    out, verdicts, footer = [], {}, None
    for mark in marks:
        if mark.start >= header_end and mark.end <= footer_start:
            continue
        line = _line_at(text, mark.start)
        if line not in verdicts:
            if footer is None:
                footer = metadata.footer_lines(text, metadata.FOOTER_LINES)
            verdicts[line] = _is_boilerplate(text, line, header_end, footer)
        if verdicts[line]:
            found = text[line[0]:line[1]]
            out.append(finding(BOILERPLATE, mark, f"lies in a boilerplate line: {found[:40]}",
                               None, line=found))
    return out


def _header_end(text: str, count: int) -> int:
    """Where the ``count``-th non-blank line ends (the end of the header lines)."""
    position, end, seen = 0, 0, 0
    while seen < count and position < len(text):
        end = text.find("\n", position)
        end = len(text) if end < 0 else end
        seen += end > position
        position = end + 1
    return end


def _footer_start(text: str, count: int) -> int:
    """Where the ``count``-th non-blank line from the end starts."""
    end, start, seen = len(text), len(text), 0
    while seen < count and end > 0:
        start = text.rfind("\n", 0, end) + 1
        seen += end > start
        end = start - 1
    return start


def _is_boilerplate(text: str, line: tuple[int, int], header_end: int, footer) -> bool:
    if not line[0] < line[1] <= line[0] + MAX_META_LINE:
        return False                    # empty, or a paragraph: never a metadata line
    if line[1] <= header_end and _metadata(text[line[0]:line[1]], True):
        return True
    tail = [f for f in footer if f.start >= line[0]]     # this line and those after it
    return any(f.start == line[0] for f in tail) and all(
        _metadata(f.text, False) for f in tail)


@lru_cache(maxsize=65536)
def _metadata(line: str, header: bool) -> bool:
    """Whether a line is metadata (bylines and site lines repeat across a corpus)."""
    return classify(line, header=header) is not None
