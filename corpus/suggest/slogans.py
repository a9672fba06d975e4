"""Slogan suggestions (SLOGAN 口号/提法): quoted formulas, numeric formulas, dictionary phrases.

Three rules, all compiled regular expressions run with ``finditer`` (no per-character loops):

* **quote** — the content of Chinese quotation marks (“…” ‘…’ 「…」 『…』), of 2 characters
  or more (no 20-character cap: the guidelines' long campaign phrases, e.g.
  “以党建引领基层治理现代化，打造共建共治共享社会治理格局”, are slogans; ``MAX_LEN`` only
  bounds the work), with no quotation marks nested inside, that is neither reported speech
  nor a name or title.
  Reported speech: sentence punctuation inside (。！？；：…, also their ASCII forms, which some
  cleaned texts use), a first/second-person pronoun (我们, 你们, 咱们, 您, 你), a speech verb
  right after the closing mark (”王玉东说。), a colon right before the opening mark (表示：“…”),
  or a place in a run of adjacent quotations of which one is speech. A quotation after 评为 /
  授予 / 荣获 is an honour's title. Among the rest, a quoted word is kept only when there is
  evidence that it is a formula rather than an ordinary word in scare quotes (“一把手”,
  “出圈”, “指挥棒”): it is a list (、 or ，), it is a numeric formula, it is at least
  ``LONG`` characters long, it is followed by a programme noun (“X”活动, “X”机制, “X”工作要求,
  “X”问题, “X”改革 …), or preceded by a campaign verb (实行“挂图作战”, 培育“专精特新”,
  冲刺“开门红”). Long names of places (…中心, …网点, …驿站) are not slogans.
* **numeric** — Chinese-numeral formulas anywhere in the text: a numeral and 1–2 characters,
  repeated (六看六比, 四位一体, 三统筹三扩大四创建, 一事一台账), with runs joined by 、 taken
  as one formula; common idioms of that shape (千方百计, 四面八方) and bare counts (两周一次) are
  not. A quoted numeral-initial phrase (五型, 五零, 零差错) or digit code (11710, 5S) is numeric
  too; digit codes outside quotes count when a 机制 / 模式 / 工作法 follows.
* **echo** — a phrase the document quotes as a slogan, or one the project already has as a
  slogan (``known``: its annotators' SLOGAN spans, from any document), is
  a slogan wherever else it occurs unquoted (a headline or lead: 拉高标杆争一流 …
  “拉高标杆争一流”), if it is at least ``ECHO_MIN`` characters long (a two-character quote is
  too often an ordinary word).
* **dictionary** — every occurrence of a phrase of the project's slogan dictionary.

Overlapping candidates are resolved per cluster: quoted before unquoted, then longer before
shorter, then earlier. Every suggestion has ``attributes = {"quoted": bool, "pattern": ...}``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from corpus.text.shadow import simplified_shadow
from corpus.suggest.model import Suggestion

LABEL = "SLOGAN"
SOURCE = "slogans"
MIN_LEN, MAX_LEN = 2, 80
SHORT = 20  # longer quotes are slogans only without the function words of speech
ECHO_MIN = 3
LONG = 5  # a quoted phrase this long, not speech, not a name, is a slogan without further evidence

_QUOTE_CHARS = "“”‘’「」『』"
_PAIRS = (("“", "”"), ("‘", "’"), ("「", "」"), ("『", "』"))
_SENTENCE = "。！？；：!?;:…"
NUMERALS = "零〇一二两三四五六七八九十百千万双"

# Speech verbs after a closing quotation mark: ”说。 ”王玉东介绍。 ”他表示， …
_SPEECH_VERBS = "说|介绍|表示|指出|强调|称|坦言|告诉记者|透露|回答|感慨|说道|解释|补充|问道|提到|认为"
_SPEECH_AFTER = re.compile(
    r"[，,]?[^“”‘’「」『』\n，。！？；：,.!?;:]{0,14}?(?:" + _SPEECH_VERBS + r")(?:道)?[。，,.：:！!\n]")
_SPEECH_BEFORE = re.compile(r"[：:]\s*$")
_TITLE_BEFORE = re.compile(r"(?:评为|授予|荣获|获评|命名为|称号为)$")
_PRONOUN = re.compile(r"我们|你们|咱们|您|你")
# Copulas, particles and adverbs of spoken sentences; campaign phrases are written without them.
_SPOKEN = re.compile("[是讲说了吗呢吧就都也还让把被着]")
_SENTENCE_INSIDE = re.compile("[" + re.escape(_SENTENCE) + "]")
_LIST_INSIDE = re.compile(r"[、，,]")
_DIGIT = re.compile(r"[0-9０-９]")
# What a campaign formula is usually followed by: “严真细实快”工作要求, “比学提升”活动 …
_PROGRAMME_NOUN = (
    r"(?:活动|机制|工作法|工作要求|要求|理念|计划|改革|口号|工程|"
    r"行动|制度|模式|体系|竞赛|实践|作风|精神|主题|品牌|工作|建设|创建|机关|岗位|方式|方法|问题|战略|"
    r"思想|路线|方针|目标|攻坚战|专项行动)")
_PROGRAMME = re.compile(r"(?:等|式|型)?(?:[\u4e00-\u9fff]{0,2}?)" + _PROGRAMME_NOUN)
# Where an unquoted formula may end: punctuation, a space, the end, or a programme noun.
_BOUNDARY = re.compile(r"[^\u3400-\u9fff\U00020000-\U0003ffff]|" + _PROGRAMME_NOUN)
# What a campaign formula is usually preceded by: 实行“挂图作战”, 培育“专精特新”企业 …
# (Not 打造 or 争当: 打造“红橙绿”三色帮办团, 争当“政策通”: brands and nicknames follow them.)
_CAMPAIGN_BEFORE = re.compile(r"(?:实行|推行|开展|实施|坚持|落实|推进|深化|打好|打赢|培育|"
                              r"启动|推广|践行|弘扬|叫响|唱响|冲刺|奏响)$")
_PLACE_SUFFIX = re.compile(r"(?:中心|网点|驿站|窗口|大厅|单位|公司|集团|医院|学校|大学|案例|奖)$")

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
# A count, not a formula, when a repeated numeral unit ends in a bare measure word (两周一次).
_MEASURES = frozenset("次个名位件项年天日月周岁遍回批届期层级种类")

# 零 and 〇 are left out of unquoted formulas: 一年一归零工作 is not 一年/一归/零工作.
_N = "[" + NUMERALS.replace("零", "").replace("〇", "") + "]"
_X = "(?:(?!" + _N + ")[\u4e00-\u9fff]){1,2}"
_UNIT = _N + "{1,3}" + _X + "(?:" + _N + "{1,3}" + _X + "){1,3}"
_NUMERIC = re.compile(
    r"(?<![" + NUMERALS + r"0-9])(" + _UNIT + r"(?:、" + _UNIT + r")*)")
# Repeated units are split into (numeral, rest) pairs to check connectors and measure words.
_PARTS = re.compile("(" + _N + "{1,3})(" + _X + ")")
_CONNECTORS = re.compile(r"[的了在是和与及或到至为把被着从向对于就也都而又]")
_DIGIT_FORMULA = re.compile(r"(?<![0-9.０-９])[0-9０-９]{3,8}(?=(?:工作|督查|落实)?(?:机制|模式|工作法))")


def _quote_pattern(kind_open: str, kind_close: str) -> re.Pattern[str]:
    return re.compile(re.escape(kind_open) + "([^" + _QUOTE_CHARS + "\n]*)" + re.escape(kind_close))


_QUOTES = [_quote_pattern(o, c) for o, c in _PAIRS]
_RUN_JOIN = re.compile(r"^[、,，\s]?$")


def _numeric_phrase(phrase: str) -> bool:
    """A quoted phrase that is a numeric formula: starts with a numeral or holds a digit."""
    return phrase[0] in NUMERALS or bool(_DIGIT.search(phrase))


def _numeric_formula(formula: str, stop_terms: frozenset[str]) -> bool:
    """An unquoted match of _NUMERIC: not an idiom, not a count, no connectors inside."""
    for unit in formula.split("、"):
        if unit in stop_terms or _CONNECTORS.search(unit):
            return False
        parts = _PARTS.findall(unit)
        rests = [rest for _, rest in parts]
        if rests and len(rests[-1]) == 1 and rests[-1] in _MEASURES:
            return False
        if any(rest[0] in _MEASURES and (len(n) > 1 or n in "十百千万") for n, rest in parts):
            return False  # 十五届十一次, 二十年三十年 …
        if len(parts) == 2 and all(n == "一" for n, _ in parts) and all(len(r) == 1 for r in rests):
            return False  # 一X一Y of single characters is nearly always an idiom (一心一意)
    return True


class SloganSuggester:
    """SLOGAN suggestions from quotation marks, numeric formulas and a slogan dictionary."""

    name = "slogans"

    def __init__(self, dictionary: Iterable[str] | None = None, *,
                 stop_terms: Iterable[str] = (), known: Iterable[str] = ()) -> None:
        phrases = sorted({simplified_shadow(p.strip()) for p in (dictionary or ())
                          if p and p.strip()},
                         key=lambda p: (-len(p), p))
        self.dictionary = frozenset(phrases)
        self._dictionary_re = _alternation(self.dictionary)
        self.stop_terms = STOP_TERMS | frozenset(simplified_shadow(t) for t in stop_terms)
        # Slogans the project already has (its annotators' SLOGAN spans) echo wherever they
        # occur, like the document's own quoted slogans; compiled once, like the dictionary
        # (a project may know thousands).
        self._known_re = _alternation({simplified_shadow(p) for p in known if len(p) >= ECHO_MIN})

    # -- candidates: (start, end, quoted, pattern) -------------------------------------------

    def _quoted(self, text: str) -> list[tuple[int, int, bool, str]]:
        found = []  # (start, end, open, close) of every innermost quotation
        for quote in _QUOTES:
            found.extend((m.start(1), m.end(1), m.start(), m.end()) for m in quote.finditer(text))
        found.sort()
        # Runs of adjacent quotations (“A”“B”、“C”): speech in one makes the run speech; a
        # programme noun after a run of parallel items (equal lengths: “严明型”…“高效型”机关)
        # is evidence for every item.
        speech = [self._is_speech(text, s, e, o, c) for s, e, o, c in found]
        programme = [False] * len(found)
        run_start = 0
        for i in range(1, len(found) + 1):
            if i == len(found) or not _RUN_JOIN.match(text[found[i - 1][3]:found[i][2]]):
                run = found[run_start:i]
                if any(speech[run_start:i]):
                    speech[run_start:i] = [True] * len(run)
                elif len(run) > 1 and len({e - s for s, e, _, _ in run}) == 1 and \
                        _PROGRAMME.match(text, run[-1][3]):
                    programme[run_start:i] = [True] * len(run)
                run_start = i
        out = []
        dictionary, stop = self.dictionary, self.stop_terms
        for (start, end, _open, close), is_speech, in_programme in zip(found, speech, programme):
            phrase = text[start:end]
            if is_speech or not MIN_LEN <= len(phrase) <= MAX_LEN:
                continue
            if phrase in dictionary:
                out.append((start, end, True, "dictionary"))
            elif phrase in stop or _TITLE_BEFORE.search(text, max(0, _open - 4), _open):
                continue
            elif _numeric_phrase(phrase):
                out.append((start, end, True, "numeric"))
            elif in_programme or _LIST_INSIDE.search(phrase) or _PROGRAMME.match(text, close) \
                    or _CAMPAIGN_BEFORE.search(text, max(0, _open - 3), _open) or (
                    len(phrase) >= LONG and not _PLACE_SUFFIX.search(phrase)):
                out.append((start, end, True, "quote"))
        return out

    @staticmethod
    def _is_speech(text: str, start: int, end: int, open_: int, close: int) -> bool:
        if end - start > MAX_LEN:
            return True  # a whole passage quoted; treat as speech so its run is not split
        if end - start > SHORT and _SPOKEN.search(text, start, end):
            return True  # a long quote in spoken syntax (是, 也是, 讲, 了 …) is a quoted remark
        if _SENTENCE_INSIDE.search(text, start, end) or _PRONOUN.search(text, start, end):
            return True
        if _SPEECH_AFTER.match(text, close) and not _PROGRAMME.match(text, close):
            return True  # ”王玉东说。 — but not “五型”工作领导小组办公室主任郑广敏说。
        return bool(_SPEECH_BEFORE.search(text, max(0, open_ - 3), open_))

    def _numeric(self, text: str) -> list[tuple[int, int, bool, str]]:
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
            formula = text[start:end]
            if _numeric_formula(formula, self.stop_terms):
                out.append((start, end, False, "numeric"))
        out.extend((m.start(), m.end(), False, "numeric") for m in _DIGIT_FORMULA.finditer(text))
        return out

    def _echoes(self, text: str, quoted: list[tuple[int, int, bool, str]]
                ) -> list[tuple[int, int, bool, str]]:
        """Unquoted occurrences of the phrases quoted as slogans here, and of the project's
        known slogans (see the module docstring)."""
        at_quotes = {s for s, _e, _q, _p in quoted}
        found = set()
        for pattern in (_alternation({text[s:e] for s, e, _q, _p in quoted if e - s >= ECHO_MIN}),
                        self._known_re):
            if pattern is not None:
                found.update((m.start(), m.end(), False, "echo") for m in pattern.finditer(text)
                             if m.start() not in at_quotes)
        return sorted(found)

    def _dictionary(self, text: str) -> list[tuple[int, int, bool, str]]:
        if self._dictionary_re is None:
            return []
        return [(m.start(), m.end(), False, "dictionary") for m in self._dictionary_re.finditer(text)]

    # -- the Suggester protocol ----------------------------------------------------------------

    def suggest(self, text: str) -> list[Suggestion]:
        """The slogans of ``text``, found in its Simplified shadow (corpus.text.shadow: the rules
        are written in one script) and cut from ``text`` itself."""
        rules = simplified_shadow(text)
        quoted = self._quoted(rules)
        candidates = quoted + self._echoes(rules, quoted) + self._numeric(rules) \
            + self._dictionary(rules)
        if not candidates:
            return []
        candidates.sort()
        chosen: list[tuple[int, int, bool, str]] = []
        cluster: list[tuple[int, int, bool, str]] = []
        cluster_end = -1
        for cand in candidates:
            if cand[0] >= cluster_end and cluster:
                chosen.extend(_resolve(cluster))
                cluster = []
            cluster.append(cand)
            cluster_end = max(cluster_end, cand[1]) if len(cluster) > 1 else cand[1]
        chosen.extend(_resolve(cluster))
        chosen.sort()
        return [Suggestion(start, end, LABEL, SOURCE, text[start:end],
                           attributes={"quoted": quoted, "pattern": pattern})
                for start, end, quoted, pattern in chosen]


def _alternation(phrases: set[str]) -> re.Pattern[str] | None:
    """One expression matching any of ``phrases``, longest first; None for none."""
    if not phrases:
        return None
    return re.compile("|".join(map(re.escape, sorted(phrases, key=lambda p: (-len(p), p)))))


_PATTERN_RANK = {"dictionary": 0, "numeric": 1, "quote": 2, "echo": 3}


def _resolve(cluster: list[tuple[int, int, bool, str]]) -> list[tuple[int, int, bool, str]]:
    """Non-overlapping candidates of one cluster: quoted, then longer, then earlier wins."""
    if len(cluster) == 1:
        return cluster
    # The same span from several rules: keep one, quoted if any is, the most specific pattern.
    merged: dict[tuple[int, int], tuple[int, int, bool, str]] = {}
    for start, end, quoted, pattern in cluster:
        old = merged.get((start, end))
        if old is not None:
            quoted = quoted or old[2]
            if _PATTERN_RANK[old[3]] < _PATTERN_RANK[pattern]:
                pattern = old[3]
        merged[(start, end)] = (start, end, quoted, pattern)
    ranked = sorted(merged.values(), key=lambda c: (not c[2], c[0] - c[1], c[0]))
    kept: list[tuple[int, int, bool, str]] = []
    for cand in ranked:
        if all(cand[1] <= k[0] or cand[0] >= k[1] for k in kept):
            kept.append(cand)
    return kept
