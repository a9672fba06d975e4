"""Slogan rules that must hold on unseen articles (issue 17): each shape with a precision guard
beside it, on seed sentences where the seeds have the shape, else on sentences in their style."""

from __future__ import annotations

import pytest

from corpus.suggest.slogans import SloganSuggester


def spans(text: str) -> list[str]:
    return [s.text for s in SloganSuggester().suggest(text)]


# -- straight quotes -----------------------------------------------------------------------------

def test_straight_quotes_pair_in_order_within_a_line() -> None:
    text = '于都推行"拎包入住"厂房模式，坚持"作示范、勇争先"目标要求'
    assert spans(text) == ["拎包入住", "作示范、勇争先"]


@pytest.mark.parametrize("text", [
    '"厂房装修好了，设备一进场就能开工。"园区一家企业的负责人说。',   # speech
    '他说："要敢于担当作为"',
    '引起"围观"，上面有',                                               # a scare-quoted word
])
def test_straight_quotes_keep_the_speech_and_scare_quote_filters(text: str) -> None:
    assert spans(text) == []


def test_a_straight_quote_does_not_pair_across_lines() -> None:
    assert spans('第一行"开门\n红"活动') == []


# -- evidence around a short quotation -----------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("其中92%实现“网上办”，企业开办时间压缩", ["网上办"]),                 # 实现 before
    ("要以“拼抢争”的劲头，跑出项目建设", ["拼抢争"]),                      # 以“X”的
    ("以“有为有位”为导向，评价干部", ["有为有位"]),                         # 以“X”为
    ("始终坚持“有为有位”的干部导向", ["有为有位"]),                         # 坚持 before
    ("推出「敘事好辦」政務服務品牌，企業開辦", ["敘事好辦"]),               # a brand 4 on
    ("树牢“马上就办”的工作理念", ["马上就办"]),                             # 的 + a noun of spirit
    ("全区政务服务实现提速，“秒批秒办”成为常态", ["秒批秒办"]),            # AxAy halves
    ("推行“容缺受理”“并联审批”，确保项目开工", ["容缺受理", "并联审批"]),   # a verb before a run
    ("推动“厕所革命”由建起来向用得好转变", ["厕所革命"]),
    ("同时开通“岳塘到家”线上平台，日均订单", ["岳塘到家"]),             # a platform 4 on
    ("通过“免申即享”政策，企业少缴税费", ["免申即享"]),                   # a policy
    ("全区还开展了“清风进万家”，覆盖家庭", ["清风进万家"]),
    ("去年推行了“容缺受理”，今年", ["容缺受理"]),                           # a verb and 了
])
def test_evidence_for_a_short_quotation(text: str, expected: list[str]) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize("text", [
    "平原县采用“剥洋葱”的思维方法，分类推进",        # 的 + an ordinary noun: a metaphor
    "对进度滞后的，实行“红黄绿”三色预警",              # a colour code after a campaign verb
    "以“红色驿站”“乡镇便民服务中心”为辅",              # names in a run after 以
    "全区还评选出“美丽庭院”1260户、“星级文明户”580户",  # honours, counted
    "群众说，“以前村里垃圾到处是，现在干干净净”。",      # a speaker before, with a comma
    "组织开展“最佳”、“最差”单位评比",                    # two characters after a verb: words
    "被国务院办公厅通报表扬为“优化营商环境成效明显的地区”",  # an honour
    "市民可拨打“12345”热线反映问题",                      # a telephone number
    "省政府出台20条“硬核”政策",                            # a two-character word before 政策
    "建立领导班子“红黄蓝绿”四色管理机制，",            # a colour code, even before 机制
    "以“红色驿站”为依托，设立服务点",                  # 以“X”为 a facility's name
    "把企业和群众眼中的“一件事”集成为一个套餐",        # a count in scare quotes
    "有的企业负责人坦言，过去对“数字化”转型有顾虑",    # an ordinary word
])
def test_no_evidence_no_slogan(text: str) -> None:
    assert spans(text) == []


# -- headlines -----------------------------------------------------------------------------------

def test_a_quotation_in_a_headline_is_a_slogan() -> None:
    text = "禹城市科技创新跑出“加速度”\n\n禹城市以“科技强市”战略为引领，引来“围观”，效果很好。"
    assert spans(text) == ["加速度", "科技强市"]


def test_a_short_last_line_is_no_headline() -> None:
    assert spans("禹城市科技创新引来“围观”") == []
    assert spans("禹城市科技创新，效果很好，引来“围观”\n正文") == []


def test_a_headline_lists_the_items_of_a_quoted_list_apart() -> None:
    text = "秦州区：强作风 优环境 争一流\n\n全区以“强作风、优环境、争一流”为主题开展整治，要强作风。"
    out = SloganSuggester().suggest(text)
    assert [(s.text, s.attributes["pattern"]) for s in out] == [
        ("强作风", "echo"), ("优环境", "echo"), ("争一流", "echo"),
        ("强作风、优环境、争一流", "quote")]


def test_a_quoted_count_does_not_echo_where_it_counts() -> None:
    text = "陵城区打响“三大攻坚战”\n\n打好污染防治、防范化解风险、乡村振兴三大攻坚战。"
    assert spans(text) == ["三大攻坚战"]


# -- formulas ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("秦州区构建1+N作风建设制度体系", ["1+N"]),
    ("于都县还创新3+X帮扶机制", ["3+X"]),
    ("打造1+3+N产业体系", ["1+3+N"]),
    ("推行5+2工作机制", ["5+2"]),
    ("敘州區推行「三個一批」，按照三個一批的思路", ["三個一批", "三個一批"]),
    ("谋划推进三个一批项目建设", ["三个一批"]),
    ("增强四个意识、坚定四个自信、做到两个维护", ["四个意识", "四个自信", "两个维护"]),
    ("践行三个代表重要思想", ["三个代表"]),
])
def test_sum_and_batch_formulas(text: str, expected: list[str]) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize("text", [
    "5+2=7，比分为3+1",                 # arithmetic
    "PM2.5浓度下降，V1+V2版本上线",     # codes
    "三个一组，每两个一次",             # counts
    "有三个坚持不懈的村干部",           # a formula word inside a longer word
])
def test_arithmetic_and_counts_are_not_formulas(text: str) -> None:
    assert spans(text) == []


def test_formulas_inside_an_honour_stay_slogans() -> None:
    # seed 001: the honour's name is no slogan, the formulas quoted inside it are
    text = "德州市评选出21个“打造‘五型’机关和干部队伍试点工作‘五零’岗位”，并进行了通报表扬"
    assert spans(text) == ["五型", "五零"]


def test_a_colon_in_a_headline_is_no_speaker() -> None:
    text = "六盘水市水城区：“凉都·避暑”带火夏季旅游\n\n正文。他表示：“要抓紧落实”，大家鼓掌。"
    assert spans(text) == ["凉都·避暑"]


def test_a_long_quotation_in_spoken_syntax_named_as_a_programme_is_a_slogan() -> None:
    text = "坚持“绿水青山就是金山银山，冰天雪地也是金山银山”的理念"
    assert spans(text) == ["绿水青山就是金山银山，冰天雪地也是金山银山"]
    remark = "“加强机关自身建设，从个人层面讲，是干部成长成熟的必然要求，也是抓班子带队伍的必然要求”"
    assert spans(remark) == []
