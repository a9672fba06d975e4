"""Spans in text the annotator should not be marking: damaged text (``damaged``: a place
``meta["damage"]`` lists, where the source lost or garbled characters) and boilerplate
(``boilerplate``: a line of site furniture, a byline, an editor or date line that
cleaning would take out of the body: text imported as it was, e.g. from an annotated
file, still has them).  The lines a cleaned document lost are not looked for in its
text: ``meta["boilerplate"]`` also holds the earlier copies of a headline the body keeps."""

from __future__ import annotations

from bisect import bisect_left

from corpus import metadata
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


def boilerplate_lines(text: str) -> list[tuple[int, int]]:
    """[start, end) of every line of ``text`` that cleaning would take out of the body."""
    return [(line.start, line.end) for line in metadata.extract(text).drop]


def boilerplate_findings(text: str, meta: dict, marks: list[Mark]) -> list[Finding]:
    if not marks:
        return []
    lines = boilerplate_lines(text)
    out = []
    for mark in marks:
        for start, end in lines:
            if start < mark.end and mark.start < end:
                out.append(finding(BOILERPLATE, mark,
                                   f"lies in a boilerplate line: {text[start:end][:40]}",
                                   None, line=text[start:end]))
                break
    return out
