"""The slogan suggester (issue 7): gold precision/recall on two seeds, and its rules one by one.

How the gold (tests/fixtures/gold/slogans_000.json, slogans_001.json) was annotated — by hand, on
``prepare(seed)[0].document.text``, offsets in code points, end-exclusive:

1. A SLOGAN (口号/提法) is a coined formulation that is propagated as a phrase: a watchword or
   work requirement (严真细实快, 车头向前，蓄势待发, 走在前、开新局, 击鼓催征正当时), a method
   formula (走出去、请进来、上台讲), an abbreviation of parallel elements (急难愁盼, 比学赶超,
   传帮带, 问政问需问计), a numeric formula (五型, 五零, 四位一体, 六看六比, 双十双百, 四风,
   三个一, 一区四基地, 11710, 3533, 5S) and its named components (严明型 … 高效型 of 五型,
   零差错 … 零容忍 of 五零), or the proper name of a campaign, activity, reform, mechanism,
   plan or service brand (业务大讲堂, 我为群众办实事, 百日攻坚, 一次办好, 大白话/接地气 改革,
   武城云踏勘, 平原红).
2. Not slogans: reported speech (a quotation with a speaker, or with sentence punctuation, or
   a run of quoted utterances such as “…”“…”“机关工作无小事”); ordinary words, jargon, slang,
   nicknames and metaphors in scare quotes (一把手 — a term, not a slogan —, 两委, 能力恐慌,
   涣心, 常态化思维, 剥洋葱, 连心桥, 两张皮, 水涨船高, 指挥棒, 实锤, 出圈, 硬核, 政策通,
   活字典, 高速列车); short everyday phrases quoted for emphasis (好办事, 办成事, 挺在前,
   走在前 on its own); colour codes (红橙绿, 红黄蓝绿); names of facilities, windows, systems,
   award categories and honours (红色驿站, 乡镇便民服务中心, 办不成事 窗口, 好差评 系统,
   示范单位, 先进单位, 党建引领保障黄河重大国家战略创新案例); titles in 《》.
3. The span is the quoted content without the quotation marks; a list inside one pair of marks
   (扬优势、找差距、抓机遇、开新局) is one span, separately quoted items are separate spans.
   Slogans quoted inside reported speech are annotated (‘严真细实快’ inside 王玉东's words).
   Every occurrence is annotated, captions included.
4. Unquoted text is annotated only for numeric formulas of repeated numeral units, a 、-joined
   run of them being one span (一事一台账、一日一清查、…、一年一归零); unquoted parallel
   phrases without numerals (敢担当、勇创新、善作为; 每日一检视、每周一总结) are not.
5. No length limit in the gold: the 31-character 干多干少一个样、… formula is gold, and the
   suggester has no 20-character cap either (a long quote in spoken syntax is speech).
6. A phrase quoted as a slogan is a slogan where it recurs unquoted (the guidelines' headline
   slogans: the subheading 击鼓催征正当时 of seed 001, the list heading ③工作大调研 of seed 000);
   the suggester's echo rule.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from corpus.preparing import prepare
from corpus.suggest.model import Suggestion
from corpus.suggest.slogans import SloganSuggester

ROOT = Path(__file__).resolve().parents[3]
GOLD = ROOT / "tests" / "fixtures" / "gold"
TARGET_P, TARGET_R = 0.80, 0.80


def cleaned(seed: str) -> str:
    return prepare(ROOT / "seeds" / seed)[0].document.text


def spans(text: str, suggester: SloganSuggester | None = None) -> list[str]:
    return [s.text for s in (suggester or SloganSuggester()).suggest(text)]


# -- the gold ------------------------------------------------------------------------------------

@pytest.fixture(scope="module", params=["slogans_000.json", "slogans_001.json"])
def gold(request: pytest.FixtureRequest) -> tuple[dict, str]:
    data = json.loads((GOLD / request.param).read_text(encoding="utf-8"))
    return data, cleaned(data["seed"])


def test_gold_spans_are_the_cleaned_text(gold: tuple[dict, str]) -> None:
    data, text = gold
    assert data["label"] == "SLOGAN" and data["spans"]
    previous_end = 0
    for start, end, phrase in data["spans"]:
        assert text[start:end] == phrase
        assert start >= previous_end, "gold spans are sorted and do not overlap"
        previous_end = end


def test_precision_and_recall_on_the_gold(gold: tuple[dict, str]) -> None:
    data, text = gold
    expected = {(start, end) for start, end, _ in data["spans"]}
    found = {(s.start, s.end) for s in SloganSuggester().suggest(text)}
    hits = len(expected & found)
    precision, recall = hits / len(found), hits / len(expected)
    missed = sorted(text[a:b] for a, b in expected - found)
    wrong = sorted(text[a:b] for a, b in found - expected)
    assert precision >= TARGET_P, (data["seed"], precision, wrong)
    assert recall >= TARGET_R, (data["seed"], recall, missed)


# -- the Suggester contract ----------------------------------------------------------------------

@pytest.mark.parametrize("seed", sorted(p.name for p in (ROOT / "seeds").glob("*.txt")))
def test_every_suggestion_is_its_text(seed: str) -> None:
    text = cleaned(seed)
    out = SloganSuggester(["五型", "严真细实快", "項目為王"]).suggest(text)
    assert out
    assert [(s.start, s.end) for s in out] == sorted((s.start, s.end) for s in out)
    for previous, current in itertools.pairwise(out):
        assert previous.end <= current.start, "no overlaps"
    for s in out:
        assert isinstance(s, Suggestion)
        assert s.text == text[s.start:s.end]
        assert (s.label, s.source, s.score) == ("SLOGAN", "slogans", 1.0)
        assert set(s.attributes) == {"quoted", "pattern"}
        assert s.attributes["pattern"] in {"quote", "numeric", "dictionary", "echo"}


def test_name_empty_text_and_astral_offsets() -> None:
    suggester = SloganSuggester()
    assert suggester.name == "slogans"
    assert suggester.suggest("") == []
    text = "𠮷😀坚持“四哨四到”工作理念"
    [s] = suggester.suggest(text)
    assert (s.start, s.end, s.text) == (5, 9, "四哨四到") and text[s.start:s.end] == s.text


# -- quotations ----------------------------------------------------------------------------------

@pytest.mark.parametrize("open_, close", [("“", "”"), ("‘", "’"), ("「", "」"), ("『", "』")])
def test_every_kind_of_quotation_mark(open_: str, close: str) -> None:
    text = f"按照省市{open_}严真细实快{close}工作要求，开展{open_}走出去、请进来{close}。"
    out = SloganSuggester().suggest(text)
    assert [s.text for s in out] == ["严真细实快", "走出去、请进来"]
    assert all(s.attributes == {"quoted": True, "pattern": "quote"} for s in out)


@pytest.mark.parametrize("text", [
    "“城管中最难的事就是车辆管理，市民素质参差不齐。”县综合行政执法局局长高谦说。",
    "“车头向前表象是车辆停放”高谦介绍。",          # a speaker and 介绍 after the quotation
    "“要敢于担当作为”，他强调。",
    "他表示：“要敢于担当作为”",                    # a colon before it
    "局长说：「抓紧落实到位」",
    "“请问办理社保需要哪些手续?”",                # ASCII sentence punctuation inside
    "“我们要敢于同最优的比”",                      # first person: somebody speaking
    "“我们要敢于同最优的比、同最快的赛”“机关工作无小事”……大家发言踊跃",  # a run of utterances
    "“加强机关自身建设，从个人层面讲，是干部成长成熟的必然要求，也是抓班子带队伍的必然要求”",  # > 20
])
def test_reported_speech_is_not_a_slogan(text: str) -> None:
    assert spans(text) == []


def test_slogans_quoted_inside_reported_speech_are() -> None:
    text = "“我们按照省市‘严真细实快’工作要求，着力打造‘五型’机关。”王玉东介绍。"
    assert spans(text) == ["严真细实快", "五型"]


@pytest.mark.parametrize("text", [
    "32个部门“一把手”的业务授课",     # 一把手 is a term, not a slogan
    "村“两委”成员", "如何解决部分干部“能力恐慌”？", "引起“围观”，上面有",
    "架起了党群干群“连心桥”。", "设立10个“红色驿站”，形成",
    "以“红色驿站”“乡镇便民服务中心”“银行网点”为辅",
    "被中央和国家机关工委评为“党建引领保障黄河重大国家战略创新案例”。",
    "一个字“红”牌",
])
def test_scare_quotes_names_and_titles_are_not_slogans(text: str) -> None:
    assert spans(text) == []


def test_parallel_quotations_share_the_evidence_after_them() -> None:
    text = "打造“严明型”“求真型”“专精型”“务实型”“高效型”机关。开展“比学提升”活动，坚持“急难愁盼”问题导向"
    assert spans(text) == ["严明型", "求真型", "专精型", "务实型", "高效型", "比学提升", "急难愁盼"]


# -- numeric formulas ----------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("着力打造“五型”机关，争“五零”，做到“零差错”办事", ["五型", "五零", "零差错"]),
    ("健全四位一体长效推进体系", ["四位一体"]),
    ("坚持三统筹三扩大四创建，深化两学一做学习教育", ["三统筹三扩大四创建", "两学一做"]),
    ("县融媒体中心制定六看六比制度", ["六看六比"]),
    ("固化一事一台账、一日一清查、一年一归零工作模式", ["一事一台账、一日一清查、一年一归零"]),
    ("建立重要事项“11710”全链条督查落实机制", ["11710"]),
    ("推行11710工作机制和3533模式", ["11710", "3533"]),
    ("全面推开“5S”管理", ["5S"]),
])
def test_numeric_formulas(text: str, expected: list[str]) -> None:
    out = SloganSuggester().suggest(text)
    assert [s.text for s in out] == expected
    assert all(s.attributes["pattern"] == "numeric" for s in out)
    assert [s.attributes["quoted"] for s in out] == [text[s.start - 1] == "“" for s in out]


@pytest.mark.parametrize("text", [
    "想方设法千方百计，来自四面八方、五湖四海",     # idioms of the same shape
    "实现每月一次到两周一次",                      # counts
    "中共德州市委十五届十一次全体会议",
    "一心一意谋发展，一点一滴抓落实",
    "开展大讲堂1500余场次，460多名干部，2021年3月",
    "建立四色管理机制，开展十大行动，分为三类",     # a single numeral unit outside quotes
    "要把“两张皮”问题解决好",
])
def test_numbers_counts_and_idioms_are_not_formulas(text: str) -> None:
    assert spans(text) == []


# -- the dictionary ------------------------------------------------------------------------------

def test_dictionary_phrases_everywhere() -> None:
    suggester = SloganSuggester(["项目为王", "奋楫扬帆正当时", " ", ""])
    text = "坚持项目为王。奋楫扬帆正当时，项目为王！“项目为王”"
    out = suggester.suggest(text)
    assert [(s.text, s.attributes["quoted"], s.attributes["pattern"]) for s in out] == [
        ("项目为王", False, "dictionary"), ("奋楫扬帆正当时", False, "dictionary"),
        ("项目为王", False, "dictionary"), ("项目为王", True, "dictionary")]


def test_dictionary_makes_a_quoted_term_a_slogan() -> None:
    assert spans("“出圈”事项") == []
    assert spans("“出圈”事项", SloganSuggester(["出圈"])) == ["出圈"]


def test_overlaps_prefer_the_quoted_then_the_longer() -> None:
    suggester = SloganSuggester(["比学赶超", "对标先进"])
    text = "建立“对标先进、比学赶超”工作机制，比学赶超蔚然成风"
    out = suggester.suggest(text)
    assert [(s.text, s.attributes["quoted"]) for s in out] == [
        ("对标先进、比学赶超", True), ("比学赶超", False)]
    longer = SloganSuggester(["三统筹", "三统筹三扩大四创建"]).suggest("坚持三统筹三扩大四创建")
    assert [s.text for s in longer] == ["三统筹三扩大四创建"]
