"""Metadata lines in an article's text: bylines, editors, dates, sources, site boilerplate, title.

Works on text whose lines are already trimmed (see :mod:`corpus.cleaning`).  Only
the first :data:`HEADER_LINES` and the last :data:`FOOTER_LINES` non-blank lines are
looked at: metadata lives around the article, never inside a paragraph.

* In the header, any line that is metadata leaves the body (a byline may follow
  the lead paragraphs, as ``□张大伟曹伟`` in seed 000).
* In the footer, lines leave the body from the end up to the first body line.
* The article's headline stays in the body once; earlier copies of it in the
  header (a site's page title above the article's own) leave it.

What leaves the body is kept in :class:`Extraction`: people's lines in
``byline``, every other line in ``boilerplate``, both verbatim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from corpus.metadata_lines import NAME, SPLIT, LineInfo, classify

HEADER_LINES = 8
FOOTER_LINES = 5
MAX_HEADING = 50             # longer first lines are paragraphs, not headlines
MAX_SUBTITLE_LINES = 2

# A news agency's or paper's dateline before the first sentence: "本报讯（记者 张三）",
# "新华社北京2月14日电（记者 李四 王五）"; the parenthesis names the reporters.
DATELINE = re.compile(r"(?:本报讯|本刊讯|[^，。！？\n]{0,20}?[电訊讯電])\s*[（(]([^）)\n]{0,20}"
                      r"(?:记者|記者|通讯员|通訊員|特约|特約|实习|實習)[^）)\n]{0,30})[）)]\s*")
_DATELINE_ROLES = re.compile(r"(?:本报|本報|本刊)?(?:特约|特約|实习|實習)?"
                             r"(?:记者|記者|通讯员|通訊員)")
_DASHES = ("——", "—", "--", "－－")
_NOT_HEADING_END = tuple("，,、；;：:…")


class Line(NamedTuple):
    start: int
    end: int            # exclusive, before the "\n"
    text: str


@dataclass
class Extraction:
    drop: list[Line]                    # lines that leave the body, in text order
    meta: dict                          # reporters, editors, byline, boilerplate, date, source, subtitle
    title: str = ""                     # the headline found in the text ("" when none)


def is_heading(line: str) -> bool:
    """A short line that does not read as a sentence: a headline, subtitle or section head."""
    return (len(line) <= MAX_HEADING and "。" not in line
            and not line.endswith(_NOT_HEADING_END))


def is_dash_line(line: str) -> bool:
    return line.startswith(_DASHES) and len(line) <= 2 * MAX_HEADING + 20


# -- the text --------------------------------------------------------------------------------------

def header_lines(text: str, count: int) -> list[Line]:
    """The first ``count`` non-blank lines (lines are already trimmed)."""
    lines, position = [], 0
    while len(lines) < count and position < len(text):
        end = text.find("\n", position)
        end = len(text) if end < 0 else end
        if end > position:
            lines.append(Line(position, end, text[position:end]))
        position = end + 1
    return lines


def footer_lines(text: str, count: int) -> list[Line]:
    """The last ``count`` non-blank lines, last first."""
    lines, end = [], len(text)
    while len(lines) < count and end > 0:
        start = text.rfind("\n", 0, end) + 1
        if end > start:
            lines.append(Line(start, end, text[start:end]))
        end = start - 1
    return lines


def extract(text: str, container_title: str = "") -> Extraction:
    """Find the metadata lines of a cleaned-up text, its headline and subtitle."""
    header = header_lines(text, HEADER_LINES)
    found = {line.start: (line, info) for line in header
             if (info := classify(line.text, header=True))}
    rest = [line for line in header if line.start not in found]
    title, subtitle = _headline(rest, found, container_title)
    for line in footer_lines(text, FOOTER_LINES):
        if line.start in found:
            continue
        info = classify(line.text, header=False)
        if info is None:
            break
        found[line.start] = (line, info)
    extraction = _collect(sorted(found.values(), key=lambda pair: pair[0].start), title)
    if subtitle:
        extraction.meta["subtitle"] = subtitle
    _dateline(rest, extraction.meta)
    return extraction


def _dateline(rest: list[Line], meta: dict) -> None:
    """The reporters a first paragraph's dateline names (the text keeps the dateline)."""
    for line in rest[:3]:
        if found := DATELINE.match(line.text):
            names = SPLIT.split(_DATELINE_ROLES.sub(" ", found[1]))
            _add_unique(meta, "reporters", [name for name in names if NAME.fullmatch(name)])
            meta["dateline"] = found.group().strip()
            return


def _headline(rest: list[Line], found: dict, container_title: str) -> tuple[str, str]:
    """The headline in the body and its subtitle; earlier copies of the headline join ``found``.

    The headline is the container's title when a header line repeats it, else a
    heading-like first line.
    """
    if any(line.text == container_title for line in rest):
        heading = container_title
    elif rest and is_heading(rest[0].text):
        heading = rest[0].text
    else:
        return "", ""
    copies = [line for line in rest if line.text == heading]
    for line in copies[:-1]:
        found[line.start] = (line, LineInfo())
    after = [line for line in rest if line.start > copies[-1].start]
    return heading, _subtitle(after, found)


def _subtitle(after: list[Line], found: dict) -> str:
    """Heading-like lines right after the headline, if they end in a dash line or metadata."""
    block: list[Line] = []
    for line in after[:MAX_SUBTITLE_LINES]:
        if not (is_dash_line(line.text) or is_heading(line.text)):
            break
        block.append(line)
    while block and not (any(is_dash_line(line.text) for line in block)
                         or _followed_by_metadata(block[-1], after, found)):
        block.pop()
    return "\n".join(line.text.lstrip("—-－").strip() for line in block)


def _followed_by_metadata(last: Line, after: list[Line], found: dict) -> bool:
    """The first non-blank line after ``last`` is metadata (a byline, a date…)."""
    nearest = min((start for start in found if start > last.start), default=None)
    following = next((line for line in after if line.start > last.start), None)
    return nearest is not None and (following is None or nearest < following.start)


def _collect(pairs: list[tuple[Line, LineInfo]], title: str) -> Extraction:
    meta: dict = {}
    for line, info in pairs:
        _add_unique(meta, "byline" if info.byline else "boilerplate", [line.text])
        _add_unique(meta, "reporters", info.reporters)
        _add_unique(meta, "editors", info.editors)
        if info.date and "date" not in meta:
            meta["date"] = info.date
        if info.source and "source" not in meta:
            meta["source"] = info.source
    return Extraction([line for line, _ in pairs], meta, title)


def _add_unique(meta: dict, key: str, values: list[str]) -> None:
    if values:
        target = meta.setdefault(key, [])
        target.extend(value for value in values if value not in target)
