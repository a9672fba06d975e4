"""Shared checks and sample texts for the reader tests."""

from __future__ import annotations

from corpus.article import RawArticle
from corpus.text.textmap import TextMap

# About 200 characters of Simplified news text, and a Traditional one that Big5 can hold.
SIMPLIFIED = (
    "平原县委书记王玉东介绍：2021年，全县开展各类培训1500余场次，疫苗接种率达到86.72%。"
    "“加强机关自身建设，从个人层面讲，是干部成长成熟的必然要求；从单位层面讲，是抓班子带队伍的"
    "必然要求。”\n县委组织部按照“严真细实快”工作要求，着力打造“五型”机关和干部队伍，在夯基砺能"
    "铸魂中激活高质量发展原动力。今年以来，全县新签约项目25个，总投资665万元，居德州市第3位。\n")
TRADITIONAL = (
    "商南縣堅持把深化幹部作風能力提升年活動作為加強幹部隊伍建設的重要抓手，作為推動高質量發展的"
    "重要支撐。「我們要讓過風樓鎮成為金絲峽與蓮花湖之間的黃金驛站。」2024年7月，在商南縣優秀年輕"
    "幹部「擂臺比武」現場，過風樓鎮鎮長胡松描繪的發展藍圖引發熱烈掌聲。這一年，商南縣通過18期"
    "「擂臺比武」，讓400多名優秀年輕幹部脫穎而出，成為推動高質量發展的生力軍。\n"
    "縣委理論學習中心組帶頭研學22次，覆蓋幹部4000多人次。\n")


def assert_maps_back(text: str, text_map: TextMap, raw: str) -> None:
    """Every copied character is the same character in raw; the map is ordered and in raw."""
    assert text_map.source_length == len(raw)
    assert text_map.length == len(text)
    position = 0
    source_position = 0
    for segment in text_map.segments:
        assert segment.start == position and segment.length > 0
        assert source_position <= segment.source_start <= segment.source_end <= len(raw)
        piece = text[segment.start:segment.end]
        if segment.copied:
            assert segment.source_end - segment.source_start == segment.length
            assert raw[segment.source_start:segment.source_end] == piece
        position = segment.end
        source_position = segment.source_end
    assert position == len(text)
    for index, char in enumerate(text):
        source = text_map.to_source(index)
        assert 0 <= source <= len(raw)
        segment = text_map._segment(index)
        if segment.copied:
            assert raw[source] == char


def assert_article_maps_back(article: RawArticle) -> None:
    assert_maps_back(article.text, article.text_map, article.raw)
