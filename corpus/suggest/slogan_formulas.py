"""Numeric slogan formulas (SLOGAN 数字提法) in running text, for corpus.suggest.slogans.

* A numeral and 1–2 characters, repeated (六看六比, 四位一体, 三统筹三扩大四创建, 一事一台账),
  runs joined by 、 taken as one formula; common idioms of that shape (千方百计, 四面八方) and
  bare counts (两周一次) are not. ``N个一批`` is the formula of batches (三个一批: 签约一批、开工一批、
  投产一批), not a count.
* The political formulas N个 + 意识 / 自信 / 维护 / 全面 / 代表 … (四个意识, 两个维护).
* A digit code (11710, 3533) when a 机制 / 模式 / 工作法 follows.
* A sum formula of digits and the letters N / X (1+N, 3+X, 1+3+N); a sum of digits alone
  (5+2) only when a programme noun follows (“5+2”工作机制), else it is arithmetic.
"""

from __future__ import annotations

import re

NUMERALS = "零〇一二两三四五六七八九十百千万双"

# What a campaign formula is usually followed by: “严真细实快”工作要求, “比学提升”活动 …
PROGRAMME_NOUN = (
    r"(?:活动|机制|工作法|工作要求|要求|理念|计划|改革|口号|工程|"
    r"行动|制度|模式|体系|竞赛|实践|作风|精神|主题|品牌|工作|建设|创建|机关|岗位|方式|方法|问题|战略|"
    r"思想|路线|方针|目标|攻坚战|专项行动)")
# Where an unquoted formula may end: punctuation, a space, the end, or a programme noun.
_BOUNDARY = re.compile(r"[^\u3400-\u9fff\U00020000-\U0003ffff]|" + PROGRAMME_NOUN)

# Common words and idioms that start with or repeat a numeral but are not formulas.
_STOP_TERMS_TEXT = """
一把手 二把手 两委 两张皮 一刀切 一阵风 一盘棋 一条龙 一揽子 两面人 一言堂 一头热 一锅端
千方百计 四面八方 五湖四海 三心二意 七上八下 五颜六色 三番五次 十全十美 一五一十 七嘴八舌
四平八稳 三令五申 千军万马 万水千山 千家万户 千辛万苦 七零八落 一干二净 三三两两 一心一意
一模一样 一言一行 一朝一夕 一草一木 一点一滴 一举一动 一生一世 一丝一毫 一针一线 一板一眼
一问一答 一来一回 一前一后 一左一右 一上一下 一年一度 一式两份 三五成群 接二连三 一清二楚
独一无二 九牛一毛 一石二鸟 一箭双雕 三长两短 四分五裂 五花八门 六神无主 七手八脚 九死一生
十拿九稳 百发百中 千篇一律 万无一失 一分为二 合二为一 一来二去 三天两头 半斤八两 十之八九
"""
STOP_TERMS = frozenset(_STOP_TERMS_TEXT.split())
#: N个X where X makes a political formula, not a count (四个意识, 两个维护, 三个代表); the
#: metric suggester leaves these N个 alone.
FORMULA_WORDS = frozenset((
    "意识", "自信", "维护", "全面", "代表", "服从", "务必", "必须", "坚持", "确保", "不准",
    "统筹", "扩大", "创建", "一流", "有利于", "率先", "确立"))
# A count, not a formula, when a repeated numeral unit ends in a bare measure word (两周一次).
_MEASURES = frozenset("次个名位件项年天日月周岁遍回批届期层级种类组")

# 零 and 〇 are left out of unquoted formulas: 一年一归零工作 is not 一年/一归/零工作.
_N = "[" + NUMERALS.replace("零", "").replace("〇", "") + "]"
_X = "(?:(?!" + _N + ")[\u4e00-\u9fff]){1,2}"
_UNIT = _N + "{1,3}" + _X + "(?:" + _N + "{1,3}" + _X + "){1,3}"
_NUMERIC = re.compile(
    r"(?<![" + NUMERALS + r"0-9])(" + _UNIT + r"(?:、" + _UNIT + r")*)")
# Repeated units are split into (numeral, rest) pairs to check connectors and measure words.
_PARTS = re.compile("(" + _N + "{1,3})(" + _X + ")")
_BATCHES = re.compile(_N + "个一批")  # 三个一批 (签约一批、开工一批、投产一批): batches, not a count
_PARTY = re.compile("[二两三四五六七八九十]个(?:"
                    + "|".join(sorted(FORMULA_WORDS, key=len, reverse=True)) + ")")
_CONNECTORS = re.compile(r"[的了在是和与及或到至为把被着从向对于就也都而又]")
# It starts with a character class and looks behind it afterwards: Python's re skips ahead in
# C only to a pattern's first character class, not past a leading lookbehind.
_DIGIT_FORMULA = re.compile(
    r"[0-9０-９](?<![0-9.０-９].)[0-9０-９]{2,7}(?=(?:工作|督查|落实)?(?:机制|模式|工作法))")
_TERM = r"(?:[0-9０-９]{1,2}|[NXnxＮＸ])"
_SUM = re.compile(r"(?<![0-9A-Za-z.+＋０-９])" + _TERM + r"(?:[+＋]" + _TERM + r")+"
                  r"(?![0-9A-Za-z.%+＋=０-９])")  # only run where a plus sign is (it rarely is)
_PROGRAMME_AFTER = re.compile(r"[\u4e00-\u9fff]{0,4}?" + PROGRAMME_NOUN)
_LETTER = re.compile("[NXnxＮＸ]")


def numeric_formula(formula: str, stop_terms: frozenset[str]) -> bool:
    """An unquoted match of _NUMERIC: not an idiom, not a count, no connectors inside."""
    for unit in formula.split("、"):
        if unit in stop_terms or _CONNECTORS.search(unit):
            return False
        if _BATCHES.fullmatch(unit):
            continue
        parts = _PARTS.findall(unit)
        rests = [rest for _, rest in parts]
        if rests and len(rests[-1]) == 1 and rests[-1] in _MEASURES:
            return False
        if any(rest[0] in _MEASURES and (len(n) > 1 or n in "十百千万") for n, rest in parts):
            return False  # 十五届十一次, 二十年三十年 …
        if len(parts) == 2 and all(n == "一" for n, _ in parts) and all(len(r) == 1 for r in rests):
            return False  # 一X一Y of single characters is nearly always an idiom (一心一意)
    return True


def numeric_formulas(text: str, stop_terms: frozenset[str]) -> list[tuple[int, int, bool, str]]:
    """The unquoted numeric formulas of ``text`` as (start, end, False, "numeric")."""
    out = []
    for m in _NUMERIC.finditer(text):
        start, end = m.span(1)
        # The regex takes two characters for the last unit when it can; in running text
        # that may swallow the next word (六看六比制|度, 四位一体长|效). Keep two where the
        # formula then ends at a boundary, one where only that does, else stay parallel.
        last = _PARTS.findall(m.group(1).rsplit("、", 1)[-1])
        if len(last[-1][1]) == 2:
            two = end == len(text) or _BOUNDARY.match(text, end)
            one = _BOUNDARY.match(text, end - 1)
            if (one and not two) or (not one and not two and len(last[0][1]) == 1):
                end -= 1
        if numeric_formula(text[start:end], stop_terms):
            out.append((start, end, False, "numeric"))
    out.extend((m.start(), m.end(), False, "numeric") for m in _DIGIT_FORMULA.finditer(text))
    out.extend((m.start(), m.end(), False, "numeric") for m in _PARTY.finditer(text)
               if m.end() == len(text) or _BOUNDARY.match(text, m.end())
               or text.startswith("重要", m.end()))   # not 三个坚持|不懈
    if "+" in text or "＋" in text:
        out.extend((m.start(), m.end(), False, "numeric") for m in _SUM.finditer(text)
                   if _LETTER.search(m.group()) or _PROGRAMME_AFTER.match(text, m.end()))
    return out
