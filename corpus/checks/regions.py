"""Spans in text the annotator should not be marking: damaged text (``damaged``: a place
``meta["damage"]`` lists, where the source lost or garbled characters) and boilerplate
(``boilerplate``: a line of site furniture, a byline, an editor or date line that
cleaning would take out of the body: text imported as it was, e.g. from an annotated
file, still has them).  The lines a cleaned document lost are not looked for in its
text: ``meta["boilerplate"]`` also holds the earlier copies of a headline the body keeps."""

from __future__ import annotations

from bisect import bisect_left

from corpus import metadata
from corpus.metadata_lines import classify
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
    if not marks:
        return []
    header = metadata.header_lines(text, metadata.HEADER_LINES)
    footer = metadata.footer_lines(text, metadata.FOOTER_LINES)
    header_end = header[-1].end if header else 0
    footer_start = footer[-1].start if footer else len(text)
    out, verdicts = [], {}
    for mark in marks:
        if mark.start >= header_end and mark.end <= footer_start:
            continue
        line = _line_at(text, mark.start)
        if line not in verdicts:
            verdicts[line] = _is_boilerplate(text, line, header_end, footer)
        if verdicts[line]:
            found = text[line[0]:line[1]]
            out.append(finding(BOILERPLATE, mark, f"lies in a boilerplate line: {found[:40]}",
                               None, line=found))
    return out


def _is_boilerplate(text: str, line: tuple[int, int], header_end: int, footer) -> bool:
    content = text[line[0]:line[1]]
    if not content:
        return False
    if line[1] <= header_end and classify(content, header=True) is not None:
        return True
    tail = [f for f in footer if f.start >= line[0]]     # this line and those after it
    return any(f.start == line[0] for f in tail) and all(
        classify(f.text, header=False) is not None for f in tail)
