"""Metric suggester: quantities in Chinese news text (1500余场次, 86.72%, 9.35万张, 第3位, 1/3).

One compiled regular expression finds every candidate in a single pass; the cheap
checks below then drop what only looks like a quantity, and the attributes are
parsed from the matched text alone (cn2an only for Chinese numerals, and only on
matches).

What is a metric (the same rules the gold fixture follows, see
tests/corpus/suggest/test_metrics.py):

* a number WITH its unit or measure word (个, 名, 场次, 元, 平方公里 …, see ``UNITS``),
  its scale (万, 亿) and its approximator, before (超过, 约, 近, 不到 …) or after
  (余, 多 between number and unit; 以上, 以下, 左右 after the unit); or a percentage
  (86.72%, 90%以上, 百分之五十), a fraction (1/3, 三分之一), a rank (第3位, 第1名,
  a bare 第3 at the end of a phrase) or a range (1至3项, 3-5个, 30%-50%);
* a bare number without unit is not a metric (12345热线, 90后, “3533”计划, “11710”),
  except an Arabic number with a scale (190亿);
* durations are metrics (the guidelines, resources/guidelines): 365天, 11年, 24小时,
  2个月, 半年, 不到一年, 近两年, 三年来 → 三年 (kind "duration"); a lone 一 counts before a
  unit of time only as a duration (不到一年, 一年来, 用一年时间), and 半 only before one
  (半年, 半小时; not 上半年, 一半);
* dates and clock times are not metrics by default: years (2021年, 二〇二一年), months (3月,
  8月份), days (2月16日), 80年代, 七十周年, 10:30.  ``dates=True`` suggests them too (kind
  "date"), the project's setting;
* ordinals are not metrics: 第十五次, 第一期, 第2个, 第三方; session numbers (十五届十一次);
  list markers (“1.” at a line start has no unit, ①); phone and document numbers;
* Chinese numerals count only when they really count: a lone 一 is an article (一个单位,
  一把手), a lone 百/千/万 is rhetoric (万名干部, 千家万户) unless an approximator
  makes it a threshold (过亿元); a numeral followed by another numeral is a formula
  (四位一体, 三个一, 一事一台账); N个 before a formula word is a slogan (四个意识);
  Chinese quantities inside a short quotation (≤ 20 characters) are slogans
  (“走百村、访千户、解万难”, “两张皮”), and so are Arabic ones when the quotation has no
  sentence punctuation (“15分钟政务服务圈”, “黄金20条”; quotations.py); place nouns and 分/度/台 … count only
  after Arabic digits (7市, 1500分 but not 十分, 两度, 五台山).
* a numeral with 大 before a noun counts things: 4大行动 → 4大, 十大工程 → 十大, 三大攻坚战 →
  三大 (unit 大); not the Party congresses (党的二十大, 十九大精神: 十一–二十九 + 大), and not
  inside a short quotation (“十大工程” is a slogan).

Attributes (all keys always present, JSON-ready):
    value        int or float, scaled (9.35万张 → 93500), percent as a ratio (86.72% → 0.8672),
                 ranges: the lower bound (value_max: the upper), fractions: the quotient
    unit         the measure word as written (场次, 张, 元, %, 个百分点) or None
    scale        the scale character(s) as written (万, 亿, 千亿) or None
    approximation  "≥" (余 多 以上 超 超过 逾 过 多于 高于), "≈" (约 大约 近 将近 接近 左右 来),
                 "<" (不到 不足 少于 低于), "≤" (以下 以内 不超过), or None.  近 "nearly" is read
                 as ≈, not <, as DESIGN.md maps it: annotators use it for round figures.
                 Approximators inside words stay out (签约3个, 最近5个, 赶超); 过 counts only
                 before a bare 百/千/万/亿 (过亿元) or after an amount's noun (投资过10亿元,
                 产值过50亿元), since 通过/经过 + a number are common.  不少于/不低于 are
                 limits (≥), not 少于.
    percent      True for % and 百分之 (not for 个百分点, which is a difference in points)
    rank         the rank for 第N位/名, else None
    kind         quantity, percent, fraction, rank, range or date
"""

from __future__ import annotations

import re
from decimal import Decimal

from corpus.text.shadow import simplified_shadow
from corpus.suggest.model import Suggestion
from corpus.suggest.numerals import chinese, number, plain
from corpus.suggest.quotations import in_a_slogan, in_short_quote
from corpus.suggest.slogan_formulas import FORMULA_WORDS
from corpus.suggest.metric_units import (  # noqa: F401  (UNITS stays importable from here)
    APPROXIMATION, ARABIC_ONLY, DURATION_UNITS, ONE_DURATION_AFTER, ONE_DURATION_BEFORE,
    ONE_DURATION_JIU, PERCENT_UNITS, TIME_UNITS, UNITS)

# --- the expression --------------------------------------------------------------------

_CN_CHARS = "零〇一二两三四五六七八九十百千万亿"
_CN = rf"(?:[{_CN_CHARS}]+(?:点[零〇一二三四五六七八九]+)?|半)"
_AR = r"(?:[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])|[0-9０-９]+)(?:[.．][0-9０-９]+)?"
# A number right after a damage marker (U+FFFD) or a private-use character (seed 002 writes
# its decimal points as U+E010) is the tail of a damaged number: never guessed.
_DAMAGED = "\ufffd\ue000-\uf8ff"
_AR_START = rf"(?<![0-9０-９A-Za-z.．/／_%\-{_DAMAGED}])"
_CN_START = rf"(?<![{_CN_CHARS}{_DAMAGED}])"
_SCALE = r"(?:[十百千]?[万亿]|千(?![米克瓦])|百(?![分万亿]))"
_PRE = ("(?:不超过|超过|超出|逾|(?<![赶高])超|过(?=[百千万亿])|(?<=[资值额入模量])过(?=[0-9０-９])|大约|"
        "(?<![签合制节公契预违履条特邀相隐婉])约|将近|接近|"
        "(?<![最附亲靠临邻贴就走逼拉])近|不到|不足|不少于|不低于|少于|低于|多于|高于)")
_CONN = r"(?:至|到|-|－|—|~|～|〜)"


def _units_alternation(units) -> str:
    ordered = sorted(set(units), key=lambda u: (-len(u), u))   # longest first: 场次 before 场
    return "|".join(re.escape(u) for u in ordered)


def _number(tag: str, first: bool = True) -> str:
    """A number in either script; only the first of a range checks what precedes it."""
    ar_start, cn_start = (_AR_START, _CN_START) if first else ("", "")
    return (rf"(?:{ar_start}(?P<a{tag}>{_AR})(?P<s{tag}>{_SCALE})?"
            rf"|{cn_start}(?P<c{tag}>{_CN}))")


_PATTERN = (
    # consumed first so the numbers inside them are never metrics
    r"(?P<phone>(?<![0-9])(?:0[0-9]{2,3}[-－][0-9]{7,8}|1[3-9][0-9]{9})(?![0-9]))"
    r"|(?P<isodate>(?<![0-9])[0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,2}(?![0-9]))"
    rf"|(?P<date>{_AR_START}(?:[0-9０-９]{{1,4}}|{_CN})年(?:[0-9０-９]{{1,2}}|{_CN})月"
    rf"(?:份|(?:[0-9０-９]{{1,2}}|{_CN})[日号])?"
    rf"|{_AR_START}[0-9０-９]{{1,2}}月[0-9０-９]{{1,2}}[日号]"
    rf"|{_AR_START}[0-9０-９]{{1,2}}[时点:：][0-9０-９]{{2}}分?)"
    # ranks: 第3位, 第1名, 第3 (ordinals like 第十五次 are matched here and dropped)
    rf"|(?P<rank>第(?:(?P<ra>[0-9０-９]+)|(?P<rc>{_CN}))(?P<ru>位|名)?)"
    rf"|(?P<pre>{_PRE})?(?:"
    # 百分之五十, 三分之一, 1/3
    rf"(?P<cpct>百分之(?P<cp>{_CN}))"
    rf"|(?P<frac>{_AR_START}(?P<fa>[0-9０-９]+)[/／](?P<fb>[0-9０-９]+)(?![/／0-9０-９])"
    rf"|{_CN_START}(?P<fc>{_CN})分之(?P<fd>{_CN}))"
    # quantities, percentages and ranges
    rf"|(?P<qty>{_number('1')}(?:(?P<pct1>[%％])?(?P<conn>{_CONN}){_number('2', first=False)})?"
    rf"(?:(?:(?P<mid>[余多来])(?P<ms>[万亿])?)?(?P<unit>{_units_alternation(UNITS)})"
    rf"|(?<=[万亿])(?P<mid2>[余多])?)"
    r"(?P<post>以上|以下|以内|以內|左右)?)"
    r")"
)
METRIC_RE = re.compile(_PATTERN)

#: Every character a match can start with (digits, Chinese numerals, 第, the approximators'
#: first characters); tests/corpus/suggest/test_metrics.py checks it against METRIC_RE.
FIRST_CHARS = "0-9０-９" + _CN_CHARS + "半第超逾过大约将接近不少低多高"
# Speed: Python's re skips ahead in C only when a pattern starts with a character class, and
# METRIC_RE starts with lookbehinds, so it would try every position (≈1.2 M chars/s).  _SCAN
# consumes one character of FIRST_CHARS, steps back over it and captures METRIC_RE from
# there in the group "m" (≈4–5 M chars/s).  Its matches are one character long and may
# overlap; suggest() keeps the first of overlapping ones, which is what finditer did.
_SCAN = re.compile(rf"[{FIRST_CHARS}](?<=(?=(?P<m>{_PATTERN})).)")

_BARE_SCALES = frozenset("百千万亿")
_CJK_LO, _CJK_HI = "\u4e00", "\u9fff"


def _trailing_scale(numeral: str) -> str:
    """The 万/亿 a Chinese numeral ends in (两万 → 万, 千亿 → 亿), as the Arabic 9.35万 has."""
    return numeral[-1] if numeral[-1] in "万亿" else ""


def _attributes(kind: str, value: Decimal, *, unit=None, scale=None, approximation=None,
                percent=False, rank=None, value_max=None) -> dict:
    return {"value": plain(value), "unit": unit, "scale": scale,
            "approximation": approximation, "percent": percent, "rank": rank,
            "value_max": None if value_max is None else plain(value_max), "kind": kind}


class MetricSuggester:
    """Suggests METRIC spans with parsed attributes; see the module docstring for the rules."""

    name = "metrics"

    def __init__(self, dates: bool = False, label: str = "METRIC") -> None:
        self.dates = dates
        self.label = label

    def suggest(self, text: str) -> list[Suggestion]:
        """The metrics of ``text``, found in its Simplified shadow (corpus.text.shadow: the rules
        are written in one script) and cut from ``text`` itself, the attributes' unit and
        scale as written (9.35萬張 → 萬, 張)."""
        rules = simplified_shadow(text)
        out = []
        last_end = 0
        for match in _SCAN.finditer(rules):
            start, end = match.span("m")
            if start < last_end:
                continue                        # inside the previous match (see _SCAN)
            last_end = end
            if match.group("phone") is not None or match.group("isodate") is not None:
                continue
            if match.group("date") is not None:
                if self.dates:
                    out.append(self._make(text, start, end,
                                          {"value": None, "unit": None, "scale": None,
                                           "approximation": None, "percent": False,
                                           "rank": None, "value_max": None, "kind": "date"}))
                continue
            try:
                attributes = self._parse(rules, match)
            except ValueError:      # a numeral cn2an cannot read is no metric
                continue
            if attributes is None:
                continue
            if attributes["kind"] == "date" and not self.dates:
                continue
            if rules is not text:
                _as_written(text, match, attributes)
            out.append(self._make(text, start, end, attributes))
        return out

    def _make(self, text: str, start: int, end: int, attributes: dict) -> Suggestion:
        return Suggestion(start, end, self.label, self.name, text[start:end],
                          attributes=attributes)

    # --- parsing one match ---------------------------------------------------------------

    def _parse(self, text: str, m: re.Match) -> dict | None:
        if m.group("rank") is not None:
            return self._rank(text, m)
        pre = m.group("pre")
        approximation = APPROXIMATION.get(pre) if pre else None
        if m.group("cpct") is not None:
            if in_short_quote(text, m.start("m"), m.end("m")):
                return None
            return _attributes("percent", chinese(m.group("cp")) / 100, unit="%",
                               approximation=approximation, percent=True)
        if m.group("frac") is not None:
            if m.group("fa") is not None:
                top, bottom = number(m.group("fa")), number(m.group("fb"))
            else:
                if in_short_quote(text, m.start("m"), m.end("m")):
                    return None
                top, bottom = chinese(m.group("fd")), chinese(m.group("fc"))
            if bottom == 0:
                return None
            return {**_attributes("fraction", Decimal(0), approximation=approximation),
                    "value": float(top / bottom)}
        return self._quantity(text, m, approximation)

    def _rank(self, text: str, m: re.Match) -> dict | None:
        unit = m.group("ru")
        if unit is None:
            if m.group("rc") is not None:
                return None                    # 第十五次, 第一时间, 第三方: ordinals, not ranks
            following = text[m.end("m"):m.end("m") + 1]
            if following and _CJK_LO <= following <= _CJK_HI and following not in "的和与及":
                return None                    # 第2个, 第3季度, 第3条: ordinals
        elif m.group("rc") is not None and in_short_quote(text, m.start("m"), m.end("m")):
            return None
        value = number(m.group("ra") or m.group("rc"))
        return _attributes("rank", value, unit=unit, rank=plain(value))

    def _quantity(self, text: str, m: re.Match, approximation: str | None) -> dict | None:
        unit = m.group("unit")
        chinese1, chinese2 = m.group("c1"), m.group("c2")
        if (chinese1 is not None or chinese2 is not None) and \
                not self._chinese_counts(text, m, chinese1 or chinese2, unit):
            return None
        if chinese1 is None and in_a_slogan(text, m.start("m"), m.end("m")):
            return None                     # “15分钟政务服务圈”: the quoted slogan is the span
        mid = m.group("mid") or m.group("mid2")
        post = m.group("post")
        if approximation is None:
            approximation = APPROXIMATION.get(post or mid or "")
        scale1, scale2 = m.group("s1") or m.group("ms") or "", m.group("s2") or ""
        if chinese1 is not None:
            scale1 = _trailing_scale(chinese1)
        if chinese2 is not None:
            scale2 = _trailing_scale(chinese2)
        first = number(m.group("a1") or chinese1, m.group("s1") or m.group("ms") or "")
        if not (m.group("s1") or chinese1) and scale2 and m.group("s2"):
            first = number(m.group("a1"), scale2)      # 3-5万元: the scale serves both
        second = None
        if m.group("conn") is not None:
            second = number(m.group("a2") or chinese2, m.group("s2") or "")
        percent = unit in PERCENT_UNITS
        if m.group("pct1") and not percent:
            return None
        if percent:
            first /= 100
            second = None if second is None else second / 100
        kind = (_time_kind(m, unit) if unit in TIME_UNITS else "range" if second is not None
                else "percent" if percent else "quantity")
        return _attributes(kind, first, unit="%" if percent else unit,
                           scale=(scale1 or scale2) or None, approximation=approximation,
                           percent=percent, value_max=second)

    @staticmethod
    def _chinese_counts(text: str, m: re.Match, numeral: str, unit: str | None) -> bool:
        """Whether a quantity in Chinese numerals really counts (see the module docstring)."""
        if unit is None or unit in ARABIC_ONLY:
            return False
        start, end = m.start("m"), m.end("m")
        if numeral == "半":
            return unit in DURATION_UNITS and not (start and text[start - 1] in _NOT_HALF)
        if numeral in ("一", "壹"):
            return unit in DURATION_UNITS and (
                bool(m.group("pre")) or text.startswith(ONE_DURATION_AFTER, end)
                or bool(ONE_DURATION_JIU.match(text, end))
                or text[max(0, start - 2):start].endswith(ONE_DURATION_BEFORE))
        if unit == "大" and not _counts_with_da(text, end, chinese(numeral)):
            return False
        if numeral in _BARE_SCALES and not m.group("pre"):
            return False
        following = text[end:end + 1]
        if following and following in _CN_CHARS:
            return False                                 # 四位一体, 三个一
        if unit == "个" and (text[end:end + 2] in FORMULA_WORDS
                                    or text[end:end + 3] in FORMULA_WORDS):
            return False
        if unit == "项" and text.startswith("规定", end):
            return False                                 # 中央八项规定: a name, not a count
        if start and text[start - 1] in "届屆第":
            return False                                 # 十五届十一次
        return not in_short_quote(text, start, end)


_NOT_HALF = "上下前后大多一过"     # 上半年, 大半年, 一半: periods and shares, not durations
#: What may follow N大 when it names a set of things (4大行动) and not a congress (二十大精神).
_NOT_AFTER_DA = ("精神", "报告", "代表", "以来", "召开", "胜利", "会议", "期间", "上", "的", "和",
                 "后", "前", "时")


def _counts_with_da(text: str, end: int, value: Decimal) -> bool:
    """N大 before a noun (三大攻坚战), not the Party congresses (十一大 … 二十九大)."""
    if 11 <= value <= 29:
        return False
    following = text[end:end + 1]
    return bool(following) and _CJK_LO <= following <= _CJK_HI \
        and not text.startswith(_NOT_AFTER_DA, end)


def _time_kind(m: re.Match, unit: str) -> str:
    """"duration" (365天, 11年, 三个月) or "date" (2021年, 二〇二一年, 3月, 80年代)."""
    if unit not in DURATION_UNITS:
        return "date"
    if unit == "年":
        arabic_digits, chinese_digits = m.group("a1"), m.group("c1")
        if arabic_digits is not None and len(arabic_digits) == 4 and not m.group("s1"):
            return "date"
        if chinese_digits is not None and len(chinese_digits) >= 2 \
                and not any(c in "十百千万" for c in chinese_digits):
            return "date"                       # 二〇二一年: a year read digit by digit
    return "duration"


def _as_written(text: str, m: re.Match, attributes: dict) -> None:
    """The unit and scale of a match in the shadow, as the original ``text`` writes them."""
    if attributes.get("unit") not in (None, "%") and m.start("unit") >= 0:
        attributes["unit"] = text[m.start("unit"):m.end("unit")]
    if attributes.get("scale"):
        for group in ("s1", "s2", "ms", "c1", "c2"):
            if m.group(group) and attributes["scale"] in m.group(group):
                at = m.start(group) + m.group(group).rindex(attributes["scale"])
                attributes["scale"] = text[at:at + len(attributes["scale"])]
                break
