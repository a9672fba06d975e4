"""Quoted slogans (SLOGAN 带引号的口号), for corpus.suggest.slogans.

The content of quotation marks (“…” ‘…’ 「…」 『…』, and straight "…" paired in order within
a line, as cleaned texts have them), of 2 characters or more (no 20-character cap: the
guidelines' long campaign phrases are slogans; ``MAX_LEN`` only bounds the work), with no
quotation marks nested inside, that is neither reported speech nor a name or title.

Reported speech: sentence punctuation inside (。！？；：…, also their ASCII forms), a
first/second-person pronoun (我们, 你们, 咱们, 您, 你), more than ``SHORT`` characters in spoken
syntax (是, 就, 了 …) unless named as a programme (坚持“…”的理念), a speech verb right after the
closing mark (”王玉东说。), a colon (not a headline's: 水城区：“凉都·避暑”) or a speech verb
and comma right before the opening mark (表示：“…”, 群众说，“…”), or a place in a run of
adjacent quotations of which one is speech. A quotation
after 评为 / 授予 / 荣获 is an honour's title, and so is every quotation of a clause opened by
评选出 / 表彰 (评选出“美丽庭院”1260户、“星级文明户”580户). Among the rest, a quoted word is
kept only when there is evidence that it is a formula rather than an ordinary word in scare
quotes (“一把手”, “出圈”, “指挥棒”):

* it is a list (、 or ，), a numeric formula, or at least ``LONG`` characters long;
* a programme noun follows, up to two characters on (“X”活动, “X”工作机制), a brand,
  platform or method up to four (“X”政务服务品牌, “X”线上平台), a noun of spirit after 的
  (“X”的劲头), or 政策 after a phrase longer than two characters (“免申即享”政策);
* a campaign verb precedes it or its run of quotations, if it is longer than two characters
  (实行“挂图作战”, 实现“一网通办”, 冲刺“开门红”, 推行“容缺受理”“并联审批”), or it is
  the X of 以“X”为 / 以“X”的 (以“拼抢争”的劲头);
* it stands in a headline: a short line without sentence punctuation, with text after it
  (跑出“加速度”);
* it is a four-character phrase of two parallel halves (秒批秒办, 能上能下).

Long names of places (…中心, …网点, …驿站, …地区) are not slogans; neither are colour codes
(“红黄蓝绿”, whatever follows), a quoted count (“一件事”) or a telephone number (“12345”热线).
"""

from __future__ import annotations

import re

from corpus.suggest.slogan_formulas import NUMERALS, PROGRAMME_NOUN

MIN_LEN, MAX_LEN = 2, 80
SHORT = 20  # longer quotes are slogans only without the function words of speech
LONG = 5  # a quoted phrase this long, not speech, not a name, is a slogan without further evidence
HEADLINE = 40  # a line this short without sentence punctuation is a headline

_QUOTE_CHARS = "“”‘’「」『』\""
_PAIRS = (("“", "”"), ("‘", "’"), ("「", "」"), ("『", "』"), ('"', '"'))
_SENTENCE = "。！？；：!?;:…"

# Speech verbs after a closing quotation mark: ”说。 ”王玉东介绍。 ”他表示， …
_SPEECH_VERBS = "说|介绍|表示|指出|强调|称|坦言|告诉记者|透露|回答|感慨|说道|解释|补充|问道|提到|认为"
_SPEECH_AFTER = re.compile(
    r"[，,]?[^“”‘’「」『』\"\n，。！？；：,.!?;:]{0,14}?(?:" + _SPEECH_VERBS
    + r")(?:道)?[。，,.：:！!\n]")
_SPEECH_BEFORE = re.compile(r"(?:[：:]|(?:" + _SPEECH_VERBS + r")[，,])\s*$")  # 表示：“ 群众说，“
# Honours: 评为“…”, and every quotation of a clause that 评选出 opens (评选出“美丽庭院”1260户、
# “星级文明户”580户).
_TITLE_BEFORE = re.compile(r"(?:评为|授予|荣获|获评|命名为|称号为|表扬为|表彰为|认定为|列为)$")
_TITLE_CLAUSE = re.compile(r"(?:评选出|评出|评选|表彰|表扬)[^，。；！？,;!?\n]*$")
TITLE_REACH = 30
_PRONOUN = re.compile(r"我们|你们|咱们|您|你")
# Copulas, particles and adverbs of spoken sentences; campaign phrases are written without them.
_SPOKEN = re.compile("[是讲说了吗呢吧就都也还让把被着]")
_SENTENCE_INSIDE = re.compile("[" + re.escape(_SENTENCE) + "]")
_LIST_INSIDE = re.compile(r"[、，,]")
_DIGIT = re.compile(r"[0-9０-９]")
_DIGITS = re.compile(r"[0-9０-９]+")
_PROGRAMME = re.compile(r"(?:等|式|型)?(?:[\u4e00-\u9fff]{0,2}?" + PROGRAMME_NOUN
                        + r"|[\u4e00-\u9fff]{0,4}?(?:品牌|平台|工作法|工作机制|工作模式|工作要求)"
                        + r"|的(?:劲头|干劲|思路|理念|工作理念|工作思路|要求|目标|原则|精神|作风))")
# What a campaign formula is usually preceded by: 实行“挂图作战”, 培育“专精特新”企业 …
# (Not 打造 or 争当: 打造“红橙绿”三色帮办团, 争当“政策通”: brands and nicknames follow them.)
_CAMPAIGN_BEFORE = re.compile(r"(?:实行|推行|开展|实施|坚持|落实|推进|深化|打好|打赢|培育|"
                              r"启动|推广|践行|弘扬|叫响|唱响|冲刺|奏响|实现|迈向|发扬|树牢|"
                              r"聚焦|围绕|按照|推出|推动)了?$")  # 开展了“…”
_WITH = re.compile(r"以$")          # 以“X”为主题 / 以“X”的劲头
_WITH_AFTER = re.compile(r"[为的]")
_PLACE_SUFFIX = re.compile(r"(?:中心|网点|驿站|窗口|大厅|单位|公司|集团|医院|学校|大学|案例|奖|地区)$")
# A quoted number before 热线 / 电话 is a telephone number (“12345”热线), not a formula.
_PHONE_AFTER = re.compile(r"(?:热线|电话|专线|号码)")
_COLOURS = re.compile("[红橙黄绿青蓝紫白黑灰金银]+")  # colour codes (红黄蓝绿) are not slogans
_COUNT = re.compile(r"一[个件张次][\u4e00-\u9fff]")  # “一件事”: a count in scare quotes
_LINE_SENTENCE = re.compile("[。！？；!?;，,]")
_RUN_JOIN = re.compile(r"^[、,，\s]?$")


def _quote_pattern(kind_open: str, kind_close: str) -> re.Pattern[str]:
    return re.compile(re.escape(kind_open) + "([^" + _QUOTE_CHARS + "\n]*)" + re.escape(kind_close))


_QUOTES = [_quote_pattern(o, c) for o, c in _PAIRS]


def numeric_phrase(phrase: str) -> bool:
    """A quoted phrase that is a numeric formula: starts with a numeral or holds a digit."""
    return (phrase[0] in NUMERALS or bool(_DIGIT.search(phrase))) and not _COUNT.fullmatch(phrase)


def quoted_slogans(text: str, dictionary: frozenset[str], stop: frozenset[str]
                   ) -> list[tuple[int, int, bool, str]]:
    """(start, end, True, pattern) of the quoted slogans of ``text`` (see the docstring)."""
    found = []  # (start, end, open, close) of every innermost quotation
    for quote in _QUOTES:
        found.extend((m.start(1), m.end(1), m.start(), m.end()) for m in quote.finditer(text))
    found.sort()
    speech, programme, run_open = _runs(text, found)
    out = []
    for (start, end, open_, close), is_speech, in_programme, first_open in zip(
            found, speech, programme, run_open):
        phrase = text[start:end]
        if is_speech or not MIN_LEN <= len(phrase) <= MAX_LEN:
            continue
        if phrase in dictionary:
            out.append((start, end, True, "dictionary"))
        elif phrase in stop or _TITLE_BEFORE.search(text, max(0, open_ - 4), open_):
            continue
        elif _DIGITS.fullmatch(phrase) and _PHONE_AFTER.match(text, close):
            continue
        elif numeric_phrase(phrase):  # 评选出21个“打造‘五型’机关…‘五零’岗位”: formulas still
            out.append((start, end, True, "numeric"))
        elif _TITLE_CLAUSE.search(text, max(0, open_ - TITLE_REACH), open_):
            continue
        elif in_programme or _evidence(text, phrase, open_, close, first_open):
            out.append((start, end, True, "quote"))
    return out


def _runs(text: str, found: list[tuple[int, int, int, int]]
          ) -> tuple[list[bool], list[bool], list[int]]:
    """Runs of adjacent quotations (“A”“B”、“C”): speech in one makes the run speech; a
    programme noun after a run of parallel items (equal lengths: “严明型”…“高效型”机关) is
    evidence for every item; so is a campaign verb before the run (推行“容缺受理”“并联审批”:
    the third list gives each item the opening mark of its run)."""
    speech = [_is_speech(text, s, e, o, c) for s, e, o, c in found]
    programme = [False] * len(found)
    run_open = [o for _, _, o, _ in found]
    run_start = 0
    for i in range(1, len(found) + 1):
        if i == len(found) or not _RUN_JOIN.match(text[found[i - 1][3]:found[i][2]]):
            run = found[run_start:i]
            run_open[run_start:i] = [run[0][2]] * len(run)
            if any(speech[run_start:i]):
                speech[run_start:i] = [True] * len(run)
            elif len(run) > 1 and len({e - s for s, e, _, _ in run}) == 1 and \
                    _PROGRAMME.match(text, run[-1][3]):
                programme[run_start:i] = [True] * len(run)
            run_start = i
    return speech, programme, run_open


def _evidence(text: str, phrase: str, open_: int, close: int, run_open: int) -> bool:
    """Whether a quoted phrase that is not speech is a formula (see the docstring);
    ``run_open`` opens the run of adjacent quotations the phrase is in."""
    if _COLOURS.fullmatch(phrase):
        return False
    if _LIST_INSIDE.search(phrase) or _PROGRAMME.match(text, close):
        return True
    if len(phrase) > 2 and text.startswith("政策", close):
        return True  # 通过“免申即享”政策 (but 20条“硬核”政策: a two-character word)
    if len(phrase) > 2 and _CAMPAIGN_BEFORE.search(text, max(0, run_open - 4), run_open):
        return True  # (a two-character quote after a verb is too often a word: 开展“最佳”评比)
    if _PLACE_SUFFIX.search(phrase):
        return False
    if len(phrase) >= LONG:
        return True
    if _WITH.search(text, max(0, open_ - 1), open_) and _WITH_AFTER.match(text, close):
        return True
    if len(phrase) == 4 and phrase[0] == phrase[2] and phrase[1] != phrase[3]:
        return True  # 秒批秒办
    return _in_headline(text, open_, close)


def _in_headline(text: str, open_: int, close: int) -> bool:
    line_start = text.rfind("\n", 0, open_) + 1
    line_end = text.find("\n", close)
    if line_end < 0 or line_end - line_start > HEADLINE:  # a headline heads a text
        return False
    return not (_LINE_SENTENCE.search(text, line_start, open_)
                or _LINE_SENTENCE.search(text, close, line_end))


def _is_speech(text: str, start: int, end: int, open_: int, close: int) -> bool:
    if end - start > MAX_LEN:
        return True  # a whole passage quoted; treat as speech so its run is not split
    if end - start > SHORT and _SPOKEN.search(text, start, end) \
            and not _PROGRAMME.match(text, close) \
            and not _CAMPAIGN_BEFORE.search(text, max(0, open_ - 4), open_):
        return True  # a long quote in spoken syntax (是, 也是, 讲, 了 …) is a quoted remark,
        # unless it is named as a programme (坚持“绿水青山就是金山银山，…”的理念)
    if _SENTENCE_INSIDE.search(text, start, end) or _PRONOUN.search(text, start, end):
        return True
    if _SPEECH_AFTER.match(text, close) and not _PROGRAMME.match(text, close):
        return True  # ”王玉东说。 — but not “五型”工作领导小组办公室主任郑广敏说。
    # 表示：“…” is speech, but not a headline's 水城区：“凉都·避暑”带火夏季旅游
    return bool(_SPEECH_BEFORE.search(text, max(0, open_ - 3), open_)) \
        and not _in_headline(text, open_, close)
