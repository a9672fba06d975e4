"""Metric rules that must hold on unseen articles (issue 17): scales after 多/余, limits,
measure words and compound units, durations in running speech, and quantities that belong to
a quoted slogan; each with a precision guard beside it."""

from __future__ import annotations

import pytest

from corpus.suggest.metrics import MetricSuggester


def texts(text: str) -> list[str]:
    return [s.text for s in MetricSuggester().suggest(text)]


@pytest.mark.parametrize(("text", "metric", "value", "approximation"), [
    ("帮助脱贫户增收2800多万元", "2800多万元", 28_000_000, "≥"),
    ("引进资金3亿余元", "3亿余元", 300_000_000, "≥"),              # the scale before 余, as before
    ("累计投入1.2万余元", "1.2万余元", 12_000, "≥"),
    ("投资过10亿元的项目", "过10亿元", 1_000_000_000, "≥"),
    ("年产值过50亿元", "过50亿元", 5_000_000_000, "≥"),
    ("網格員每天巡查不少於2次", "不少於2次", 2, "≥"),                # a limit, not 少于 (<)
    ("每年不低于30天", "不低于30天", 30, "≥"),
])
def test_scales_after_approximators_and_limits(text, metric, value, approximation):
    [found] = MetricSuggester().suggest(text)
    assert (found.text, found.attributes["value"], found.attributes["approximation"]) == (
        metric, value, approximation)


@pytest.mark.parametrize("text", [
    "通过10个部门联审", "经过3年努力", "度过2个月",     # 过 inside a verb is no approximator
])
def test_guo_inside_verbs_stays_out(text: str) -> None:
    assert not any(t.startswith("过") for t in texts(text))


@pytest.mark.parametrize(("text", "metric"), [
    ("收到企业表扬信56封", "56封"), ("安装路灯1200盏", "1200盏"), ("新打机井12眼", "12眼"),
    ("举办培训班10期", "10期"), ("压缩时限七成以上", "七成以上"), ("提高三成", "三成"),
    ("PM2.5平均浓度下降到43微克/立方米以下", "43微克/立方米以下"),
])
def test_more_measure_words_and_compound_units(text: str, metric: str) -> None:
    assert texts(text) == [metric]


@pytest.mark.parametrize("text", [
    "二期工程", "一口气", "三口之家", "一成不变", "建成三个",      # names and idioms
])
def test_measure_words_after_chinese_numerals_in_words(text: str) -> None:
    assert texts(text) in ([], ["三个"])
    assert not any(t in ("二期", "三口", "一成", "一口") for t in texts(text))


def test_a_lone_one_is_a_duration_when_it_takes_that_long() -> None:
    assert texts("现在一个月就办齐了") == ["一个月"]
    assert texts("仅用一天完成审批") == ["一天"]
    assert texts("在一天就要抓24小时") == ["24小时"]      # 就要: a duty, not a duration
    assert texts("有一天他来了") == []


def test_a_quantity_opening_a_short_quoted_slogan_is_the_slogan() -> None:
    assert texts("打造“15分钟政务服务圈”") == []
    assert texts("“以前要走20多分钟，现在楼下就有。”") == ["20多分钟"]   # speech keeps it
    assert texts("建成15分钟政务服务圈") == ["15分钟"]                   # unquoted
    assert texts("建立“1名县级领导+1个专班+1套方案”包联机制") == []
    assert texts("出台支持民营经济发展的“黄金20条”，减免税费1.3亿元") == ["1.3亿元"]


def test_straight_quotes_hide_slogan_numerals_too() -> None:
    assert texts('于都县打好"三大战役"，打好乡村振兴三大战役') == ["三大"]
    assert len(MetricSuggester().suggest('打好乡村振兴三大战役')) == 1


def test_the_eight_point_rules_are_a_name() -> None:
    assert texts("查处违反中央八项规定精神问题21起") == ["21起"]
    assert texts("出台八项措施") == ["八项"]
