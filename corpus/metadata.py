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
from dataclasses import dataclass, field
from typing import NamedTuple

from corpus.dates import DATE, parse_date

HEADER_LINES = 8
FOOTER_LINES = 5
MAX_HEADING = 50             # longer first lines are paragraphs, not headlines
MAX_SUBTITLE_LINES = 2
MAX_BYLINE = 60
MAX_META_LINE = 300          # longer lines are body paragraphs (the 導語 notice of seed 002 is 90)

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f"
_NAME = re.compile(rf"[{_CJK}]{{2,4}}|[{_CJK}]{{1,6}}·[{_CJK}·]{{1,12}}")
_ROLES = ("记者", "記者", "通讯员", "通訊員", "作者", "撰稿", "撰文", "摄影", "攝影", "摄像", "攝像")
_ROLE_TOKEN = re.compile(rf".{{0,20}}(?:{'|'.join(_ROLES)})")   # "本报记者", "大众网·海报新闻记者"
_NAMES_RUN = re.compile(rf"[{_CJK}·]{{2,12}}")
_DATELINE = re.compile(r".{0,8}(?:报道|報道|电|電|讯|訊)|摄|攝")
_SPLIT = re.compile(r"[\s:：、，,/]+")

_EDITOR_KEY = (r"(?:初审|初審|复审|複審|终审|終審|责任|責任|本版|值班|网络|網絡|栏目|欄目)?(?:编辑|編輯)"
               r"|校对|校對|审核|審核|审校|審校|监制|監製|美编|美編|签发|簽發")
_FIELD_KEY = re.compile(
    rf"(?:^|(?<=\s))(?:(?P<editor>{_EDITOR_KEY})"
    r"|(?P<date>(?:发布|發布|发表|發表|更新|刊发|刊發)?(?:时间|時間|日期))"
    r"|(?P<source>(?:文章|新闻|新聞|信息|资讯|資訊)?(?:来源|來源)|稿源|出处|出處)"
    r"|(?P<lead>导语|導語|摘要)"
    r"|(?P<reporter>(?:特约|特約|实习|實習)?(?:记者|記者|通讯员|通訊員)|作者|撰稿|撰文|摄影|攝影))"
    r"\s*[:：]\s*")
_LINK_LINE = re.compile(
    r"(?:\s*(?:<https?://[^>\s]+>|https?://\S+|\[[^\]\n]*\]\([^)\s]*\)|[|｜/·•]))+\s*")
_OPEN, _CLOSE = "（(【[", "）)】]"
_DASHES = ("——", "—", "--", "－－")
_NOT_HEADING_END = tuple("，,、；;：:…")


class Line(NamedTuple):
    start: int
    end: int            # exclusive, before the "\n"
    text: str


@dataclass(slots=True)
class LineInfo:
    """What a metadata line says; ``byline`` when it names people."""

    byline: bool = False
    reporters: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    date: str = ""
    source: str = ""


@dataclass
class Extraction:
    drop: list[Line]                    # lines that leave the body, in text order
    meta: dict                          # reporters, editors, byline, boilerplate, date, source, subtitle
    title: str = ""                     # the headline found in the text ("" when none)


# -- one line ------------------------------------------------------------------------------------

def classify(line: str, header: bool) -> LineInfo | None:
    """The metadata a line holds, or None for a body line.

    Each parser is guarded by a test on the line's first character or token, so
    that a body line costs next to nothing.
    """
    if len(line) > MAX_META_LINE:
        return None
    inner = line[1:-1].strip() if line[0] in _OPEN and line[-1] in _CLOSE else line
    if not inner:
        return None
    if _FIELD_KEY.match(inner):
        return _fields(inner)
    if inner[0].isdigit() and (dated := _dated_fields(inner)):
        return dated
    if len(inner) <= MAX_BYLINE and _SPLIT.split(inner, 1)[0].endswith(_ROLES):
        return _byline(inner)
    if line[0] in "□■":
        return _marked_byline(line)
    if "http" in line or "](" in line:
        return _link_line(line)
    if header and line[0].isdigit():
        return _bare_date(line)
    return None


def _fields(line: str) -> LineInfo | None:
    """``责任编辑:李超然``, ``時間:2022-06-12 07:33:00``, ``文章来源：大众日报``, ``来源：X 作者：Y``."""
    keys = list(_FIELD_KEY.finditer(line))
    info = LineInfo()
    for key, following in zip(keys, keys[1:] + [None]):
        value = line[key.end():following.start() if following else len(line)].strip()
        if not _field(info, key, value):
            return None
    return info


def _dated_fields(line: str) -> LineInfo | None:
    """``2022-02-15 09:45 来源：大众日报 作者：王五``: a date, then field lines' keys."""
    date_part = DATE.match(line)
    if not date_part or not _FIELD_KEY.match(line, date_part.end()):
        return None
    info = _fields(line[date_part.end():])
    if info is None or not (found := parse_date(date_part.group())):
        return None
    info.date = info.date or found
    return info


def _field(info: LineInfo, key: re.Match, value: str) -> bool:
    if "。" in value and not key["lead"]:
        return False
    if key["date"]:
        info.date = parse_date(value)
        return bool(info.date)
    if key["source"]:
        info.source = value
        return 0 < len(value) <= 30
    if key["editor"] or key["reporter"]:
        names = [name for name in _SPLIT.split(value) if name]
        if any(len(name) > 12 for name in names):
            return False
        (info.editors if key["editor"] else info.reporters).extend(names)
        info.byline = True
    return True


def _byline(line: str) -> LineInfo | None:
    """``本报记者 焦明瑞``, ``大众网·海报新闻记者 蒋丽君 通讯员 梁承恺 德州报道``."""
    tokens = [token for token in _SPLIT.split(line) if token]
    names = []
    for index, token in enumerate(tokens):
        if _ROLE_TOKEN.fullmatch(token):
            continue
        if index == len(tokens) - 1 and names and _DATELINE.fullmatch(token):
            continue
        if not _NAME.fullmatch(token):
            return None
        names.append(token)
    return LineInfo(byline=True, reporters=names) if names else None


def _marked_byline(line: str) -> LineInfo | None:
    """``□张大伟曹伟``: names after a box, often run together (then kept only as the line)."""
    if len(line) > 30:
        return None
    tokens = [token for token in _SPLIT.split(line[1:]) if token]
    if not tokens or not all(_NAMES_RUN.fullmatch(token) for token in tokens):
        return None
    return LineInfo(byline=True, reporters=[t for t in tokens if _NAME.fullmatch(t)])


def _link_line(line: str) -> LineInfo | None:
    """A line of nothing but links: ``<http://…>``, ``[返回首页](//…)｜[…](…)``."""
    if _LINK_LINE.fullmatch(line):
        return LineInfo()
    return None


def _bare_date(line: str) -> LineInfo | None:
    found = parse_date(line)
    return LineInfo(date=found) if found else None


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
    return extraction


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
