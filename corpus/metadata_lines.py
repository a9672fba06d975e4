"""One line of an article: is it metadata, and what does it say (bylines, editors,
dates, sources, links)?  :mod:`corpus.metadata` decides which lines to ask about."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from corpus.dates import DATE, parse_date

MAX_BYLINE = 60
MAX_META_LINE = 300          # longer lines are body paragraphs (the 導語 notice of seed 002 is 90)

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f"
NAME = re.compile(rf"[{_CJK}]{{2,4}}|[{_CJK}]{{1,6}}·[{_CJK}·]{{1,12}}")
_ROLES = ("记者", "記者", "通讯员", "通訊員", "作者", "撰稿", "撰文", "摄影", "攝影", "摄像", "攝像")
_ROLE_TOKEN = re.compile(rf".{{0,20}}(?:{'|'.join(_ROLES)})")   # "本报记者", "大众网·海报新闻记者"
_NAMES_RUN = re.compile(rf"[{_CJK}·]{{2,12}}")
_REPORTED_FROM = re.compile(r".{0,8}(?:报道|報道|电|電|讯|訊)|摄|攝")   # "德州报道"
SPLIT = re.compile(r"[\s:：、，,/]+")

_EDITOR_KEY = (r"(?:初审|初審|复审|複審|终审|終審|责任|責任|本版|值班|网络|網絡|栏目|欄目)?(?:编辑|編輯)"
               r"|校对|校對|审核|審核|审校|審校|监制|監製|美编|美編|签发|簽發")
_FIELD_KEY = re.compile(
    rf"(?:^|(?<=\s))(?:(?P<editor>{_EDITOR_KEY})"
    r"|(?P<date>(?:发布|發布|发表|發表|更新|刊发|刊發)?(?:时间|時間|日期))"
    r"|(?P<source>(?:文章|新闻|新聞|信息|资讯|資訊)?(?:来源|來源)|稿源|出处|出處)"
    r"|(?P<lead>导语|導語|摘要)"
    r"|(?P<reporter>(?:特约|特約|实习|實習)?(?:记者|記者|通讯员|通訊員)|作者|撰稿|撰文|摄影|攝影))"
    r"\s*[:：]\s*")
# A line of nothing but links and separators: site boilerplate, wherever it stands.
LINK_LINE = re.compile(
    r"(?:\s*(?:<https?://[^>\s]+>|https?://\S+|\[[^\]\n]*\]\([^)\s]*\)|[|｜/·•]))+\s*")
_OPEN, _CLOSE = "（(【[", "）)】]"


@dataclass(slots=True)
class LineInfo:
    """What a metadata line says; ``byline`` when it names people."""

    byline: bool = False
    reporters: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    date: str = ""
    source: str = ""


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
    if len(inner) <= MAX_BYLINE and SPLIT.split(inner, 1)[0].endswith(_ROLES):
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
        names = [name for name in SPLIT.split(value) if name]
        if any(len(name) > 12 for name in names):
            return False
        (info.editors if key["editor"] else info.reporters).extend(names)
        info.byline = True
    return True


def _byline(line: str) -> LineInfo | None:
    """``本报记者 焦明瑞``, ``大众网·海报新闻记者 蒋丽君 通讯员 梁承恺 德州报道``."""
    tokens = [token for token in SPLIT.split(line) if token]
    names = []
    for index, token in enumerate(tokens):
        if _ROLE_TOKEN.fullmatch(token):
            continue
        if index == len(tokens) - 1 and names and _REPORTED_FROM.fullmatch(token):
            continue
        if not NAME.fullmatch(token):
            return None
        names.append(token)
    return LineInfo(byline=True, reporters=names) if names else None


def _marked_byline(line: str) -> LineInfo | None:
    """``□张大伟曹伟``: names after a box, often run together (then kept only as the line)."""
    if len(line) > 30:
        return None
    tokens = [token for token in SPLIT.split(line[1:]) if token]
    if not tokens or not all(_NAMES_RUN.fullmatch(token) for token in tokens):
        return None
    return LineInfo(byline=True, reporters=[t for t in tokens if NAME.fullmatch(t)])


def _link_line(line: str) -> LineInfo | None:
    """A line of nothing but links: ``<http://…>``, ``[返回首页](//…)｜[…](…)``."""
    if LINK_LINE.fullmatch(line):
        return LineInfo()
    return None


def _bare_date(line: str) -> LineInfo | None:
    found = parse_date(line)
    return LineInfo(date=found) if found else None
