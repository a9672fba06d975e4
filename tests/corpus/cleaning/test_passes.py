"""The cleaning passes one by one, and what clean() decides around them."""

from __future__ import annotations

import pytest

from corpus.cleaning import (
    MAX_TITLE,
    CleaningError,
    clean,
    is_tidy,
    normalise_breaks,
    tidy_lines,
)
from corpus.text.pinyin import DAMAGE_MARKER, MIN_ARTEFACTS, is_toned_syllable, remove_pinyin
from corpus.readers import read_bytes
from tests.corpus.cleaning.helpers import assert_maps_back, markup_article, plain_article


def sources(tmap, text):
    return [tmap.to_source(i) for i in range(len(text) + 1)]


# -- line breaks and control characters ---------------------------------------------------------

def test_every_kind_of_break_becomes_one_newline_and_maps_to_its_source():
    raw = "a\r\nb\rc\u2028d\u2029e\x85f\x0bg\x0ch"
    text, tmap = normalise_breaks(raw)
    assert text == "a\nb\nc\nd\ne\nf\ng\nh"
    assert sources(tmap, text) == [0, 1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]
    assert tmap.source_range(1, 2) == (1, 3)                       # "\n" stands for "\r\n"


def test_controls_bom_and_zero_width_space_are_dropped_tab_kept():
    text, tmap = normalise_breaks("\ufeff平\x00原\x1b[0m\u200b县\t委\x7f\x9f")
    assert text == "平原[0m县\t委"
    assert sources(tmap, text)[:3] == [1, 3, 5]


def test_zero_width_joiner_and_private_use_are_not_controls():
    raw = "👨\u200d👩 \ue010"
    assert normalise_breaks(raw)[0] == raw


# -- lines -----------------------------------------------------------------------------------------

def test_indentation_and_trailing_spaces_go_inner_spaces_stay():
    raw = "\u3000\u3000第一段\u3000内 容 \t\n\xa0\xa0第二段\xa0\n\t第三段"
    text, tmap = tidy_lines(raw)
    assert text == "第一段\u3000内 容\n第二段\n第三段"
    for i, char in enumerate(text):
        assert raw[tmap.to_source(i)] == char


def test_blank_line_runs_collapse_to_one_and_ends_are_trimmed():
    raw = "\n \n\u3000\n甲\n\n\n \n乙\n丙 \n\n\n"
    text, tmap = tidy_lines(raw)
    assert text == "甲\n\n乙\n丙"
    assert [raw[tmap.to_source(i)] for i in range(len(text))] == list(text)


def test_a_tidy_text_keeps_one_copy_segment():
    text, tmap = tidy_lines("甲\n\n乙\n丙")
    assert text == "甲\n\n乙\n丙" and len(tmap.segments) == 1
    assert is_tidy(text)


@pytest.mark.parametrize("text", [" a", "a ", "\na", "a\n", "a \nb", "a\n b", "a\n\n\nb"])
def test_is_tidy_sees_what_tidy_lines_would_change(text):
    assert not is_tidy(text) and tidy_lines(text)[0] != text


def test_is_tidy_with_many_spaces():
    text = " ".join("词" * 40) + "\n第二行"
    assert is_tidy(text) and not is_tidy(text + " \n尾")


# -- pinyin ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("word", ["shí", "lǜ", "zhuàng", "ér", "ǹg", "nǚ", "xiōng"])
def test_toned_syllables(word):
    assert is_toned_syllable(word)


@pytest.mark.parametrize("word", ["de", "ok", "a", "café", "wto", "xyzé", "bé" + "x"])
def test_not_toned_syllables(word):
    assert not is_toned_syllable(word)


def test_glosses_go_lost_characters_become_markers():
    raw = "時(shí)間(jiān)按照?qǐng)?zhí)政為(wèi)民"
    text, tmap, repair = remove_pinyin(raw)
    assert text == "時間按照" + DAMAGE_MARKER * 2 + "政為民"
    assert (repair.artefacts, repair.lost) == (3, 2)
    assert raw[tmap.to_source(4):].startswith("?qǐng)")
    assert tmap.source_range(4, 5) == (15, 21)


@pytest.mark.parametrize("raw", [
    "2月16日上午(正月十六),元宵節剛過",
    "(本版图片由枣强县委宣传部提供)",
    "加入WTO(世界贸易组织)与GDP(gdp)",
    "條件(a)與條件(b)和(一)(二)",
    "什么?(笑)好?ok)",
    "“5S”管理(整理、整顿、清扫、清洁、素养)",
    "reading (shí) and (jiān) and (wèi) after spaces",
])
def test_real_parentheses_stay(raw):
    assert remove_pinyin(raw)[0] == raw


def test_a_few_real_glosses_stay_many_go():
    few = "莜(yóu)面和翀(chōng)字"
    assert remove_pinyin(few)[0] == few and MIN_ARTEFACTS == 3
    assert remove_pinyin(few + "說(shuō)")[0] == "莜面和翀字說"


def test_full_width_parentheses_and_a_mangled_character():
    text, _, repair = remove_pinyin("時（shí）間（jiān）謾C(jī)")
    assert text == "時間謾C" and repair.artefacts == 3


# -- metadata and title -------------------------------------------------------------------------------

def test_lines_that_only_look_like_metadata_stay():
    raw = ("记者从县委组织部了解到，今年全县新增岗位300个。\n"
           "时间：3月5日上午\n"
           "抓培育 強本領\n"
           "编辑部的故事很长。\n"
           "2021年，换届之年。")
    doc = clean(plain_article(raw))
    assert doc.text == raw
    assert not {"byline", "boilerplate", "date"} & doc.meta.keys()


def test_field_lines_with_several_keys_and_brackets():
    raw = ("来源：新华社 作者：张三 发布时间：2022年3月5日 10:30\n正文第一段。\n"
           "（责任编辑：王五）")
    doc = clean(plain_article(raw))
    assert doc.text == "正文第一段。"
    assert doc.meta["source"] == "新华社" and doc.meta["reporters"] == ["张三"]
    assert doc.meta["date"] == "2022-03-05T10:30:00" and doc.meta["editors"] == ["王五"]
    assert doc.meta["byline"] == ["来源：新华社 作者：张三 发布时间：2022年3月5日 10:30", "（责任编辑：王五）"]


@pytest.mark.parametrize("where", ["header", "footer"])
def test_a_date_followed_by_fields_is_a_field_line(where):
    line = "2022-02-15 09:45 来源：大众日报 作者：王五"
    raw = f"{line}\n正文第一段。" if where == "header" else f"正文第一段。\n{line}"
    doc = clean(plain_article(raw))
    assert doc.text == "正文第一段。" and doc.meta["byline"] == [line]
    assert (doc.meta["date"], doc.meta["source"], doc.meta["reporters"]) == (
        "2022-02-15T09:45:00", "大众日报", ["王五"])
    kept = "2022年，来源：群众的创造。\n正文。"           # a sentence, not a field line
    assert clean(plain_article(kept)).text == kept


@pytest.mark.parametrize(("line", "iso"), [
    ("時間:2022-06-12 07:33:00", "2022-06-12T07:33:00"),
    ("时间：2022年2月15日", "2022-02-15"),
    ("日期: 2022/02/15 09:45", "2022-02-15T09:45:00"),
    ("2022-02-15 09:45:39 +0800", "2022-02-15T09:45:39+08:00"),
])
def test_header_dates(line, iso):
    doc = clean(plain_article(f"{line}\n正文。"))
    assert doc.meta["date"] == iso and doc.text == "正文。"


def test_an_impossible_date_is_not_a_date():
    raw = "时间：2022-13-45\n正文。"
    assert clean(plain_article(raw)).text == raw


def test_container_wins_and_its_date_is_normalised():
    raw = "---\ntitle: 前题\ndate: 2022-02-15 09:45:39 +0800\n---\n<p>时间：2021-01-01</p><p>正文。</p>"
    doc = clean(markup_article(raw))
    assert doc.title == "前题" and doc.meta["date"] == "2022-02-15T09:45:39+08:00"
    assert doc.text == "正文。" and doc.meta["boilerplate"] == ["时间：2021-01-01"]
    assert "title" not in doc.meta
    assert_maps_back(doc, raw)


def test_the_headline_stays_once_in_the_body():
    raw = "---\ntitle: 平原县委\n---\n<p>平原县委</p><p>平原县委</p><p>正文。</p>"
    doc = clean(markup_article(raw))
    assert doc.text == "平原县委\n\n正文。" and doc.meta["boilerplate"] == ["平原县委"]
    assert doc.raw_map.to_source(0) == raw.rindex("平原县委")   # the copy next to the body


@pytest.mark.parametrize("page_title", ["德州召开会议_德州新闻网", "德州召开会议 - 大众日报",
                                        "大众日报 | 德州召开会议"])
def test_a_page_title_that_adds_the_site_gives_way_to_the_heading(page_title):
    raw = (f"<html><head><title>{page_title}</title></head><body><h1>德州召开会议</h1>"
           "<p>会议召开。</p></body></html>")
    [article] = read_bytes(raw.encode(), "a.html", suffix=".html")
    doc = clean(article)
    assert (doc.title, doc.meta["title_from"]) == ("德州召开会议", "heading")
    assert doc.meta["page_title"] == page_title and doc.text == "德州召开会议\n会议召开。"


@pytest.mark.parametrize("page_title", ["德州召开会议——推进改革", "德州召开会议：推进改革",
                                        "别的标题_德州新闻网"])
def test_any_other_page_title_is_the_title(page_title):
    raw = f"<title>{page_title}</title><h1>德州召开会议</h1><p>会议召开。</p>"
    doc = clean(read_bytes(raw.encode(), "a.html", suffix=".html")[0])
    assert (doc.title, doc.meta["title_from"]) == (page_title, "container")
    assert "page_title" not in doc.meta


@pytest.mark.parametrize(("raw", "title"), [
    ("本报讯（记者 张三）2月14日，德州市召开会议。", "2月14日，德州市召开会议"),
    ("新华社北京2月14日电（记者 李四 王五）全国春耕生产现场会召开，会议指出。",
     "全国春耕生产现场会召开"),
    ("5G通讯（第五代移动通信）技术发展迅速，前景广阔。", "5G通讯（第五代移动通信）技术发展迅速"),
])
def test_a_first_clause_title_skips_the_dateline_and_a_bare_date(raw, title):
    doc = clean(plain_article(raw))
    assert (doc.title, doc.meta["title_from"]) == (title, "first_clause")
    assert doc.text == raw                          # the text keeps its dateline


@pytest.mark.parametrize(("raw", "reporters", "dateline"), [
    ("本报讯（记者 张三 通讯员 李四）2月14日，德州市召开会议。", ["张三", "李四"],
     "本报讯（记者 张三 通讯员 李四）"),
    ("标题行\n新华社北京2月14日电（记者李四、王五）全国春耕生产现场会召开。", ["李四", "王五"],
     "新华社北京2月14日电（记者李四、王五）"),
])
def test_a_datelines_reporters_join_the_metadata(raw, reporters, dateline):
    doc = clean(plain_article(raw))
    assert (doc.meta["reporters"], doc.meta["dateline"]) == (reporters, dateline)
    assert doc.text == raw

def test_title_falls_back_to_the_first_clause_cut_to_length():
    doc = clean(plain_article("正" * 80 + "。第二句。"))
    assert doc.title == "正" * (MAX_TITLE - 1) + "…" and doc.meta["title_from"] == "first_clause"


def test_a_short_line_followed_by_a_paragraph_is_a_title_without_subtitle():
    doc = clean(plain_article("标题一行\n抓培育 強本領\n正文第一段，很长。"))
    assert doc.title == "标题一行" and "subtitle" not in doc.meta
    assert doc.text.startswith("标题一行\n")


@pytest.mark.parametrize("raw", ["", " \r\n\u3000\n", "责任编辑:李超然\n记者 张三"])
def test_nothing_to_annotate_is_an_error_naming_the_file(raw):
    with pytest.raises(CleaningError, match="empty.txt") as caught:
        clean(plain_article(raw, "empty.txt"))
    assert caught.value.name == "empty.txt" and caught.value.reason in str(caught.value)


def test_an_undecodable_character_is_damage_without_hint():
    raw = "平原\ufffd县"
    doc = clean(plain_article(raw))
    assert doc.meta["damage"] == [{"offset": 2, "hint": "", "raw_offset": 2, "kind": "undecodable"}]


def test_astral_characters_keep_code_point_offsets():
    raw = "\r\n𠮷野家😀時(shí)間(jiān)說(shuō)按照?qǐng)政\r\n"
    doc = clean(plain_article(raw))
    assert doc.text == "𠮷野家😀時間說按照" + DAMAGE_MARKER + "政"
    assert doc.meta["damage"][0]["offset"] == 9 and doc.meta["damage"][0]["raw_offset"] == 28
    assert_maps_back(doc, raw)
