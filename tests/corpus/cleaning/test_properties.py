"""Properties of clean() over random scraped-looking texts (DESIGN.md, contract 2)."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from corpus.cleaning import CleaningError, clean, is_tidy, tidy_lines
from corpus.text.pinyin import DAMAGE_MARKER
from tests.corpus.cleaning.helpers import assert_maps_back, markup_article

FRAGMENTS = [
    "\r\n", "\r", "\n", "\n\n\n", "\u2028", "\u2029", "\x0c", " ", "  ", "\u3000\u3000", "\xa0", "\t",
    "<p>", "</p>", '<p class="em_media">', "時(shí)", "間(jiān)", "導(dǎo)", "謾C(jī)", "?qǐng)",
    "?zhí)", "?", "(", ")", "(正月十六)", "(WTO)", "(a)", "（本版图片由枣强县委宣传部提供）",
    "\x00", "\x1b", "\ufeff", "\u200b", DAMAGE_MARKER, "\ue010", "𠮷", "😀", "平原县", "。", "，",
    "责任编辑:李超然", "初审编辑:", "本报记者 焦明瑞", "時間:2022-06-12 07:33:00",
    "<http://x.cn/a?b=1>", "[返回首页](//x.cn/)", "——副题", "（文章来源：大众日报）", "□张大伟曹伟",
]
CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x4E80)
PIECES = st.one_of(st.sampled_from(FRAGMENTS), st.text(CJK, min_size=1, max_size=12),
                   st.text(st.characters(max_codepoint=0x7F), max_size=3))
RAW = st.lists(PIECES, max_size=60).map("".join)
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufeff\u200b\u2028\u2029]")
P_TAG = re.compile(r"</?p(\s[^>]*)?>")
DAMAGE = re.compile(f"[{DAMAGE_MARKER}\ue000-\uf8ff]")


def cleaned(raw):
    try:
        return clean(markup_article(raw))
    except CleaningError:
        return None


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(RAW)
def test_every_cleaned_character_maps_back_into_raw(raw):
    doc = cleaned(raw)
    if doc is not None:
        assert_maps_back(doc, raw)


@settings(max_examples=300, deadline=None)
@given(RAW)
def test_every_damage_entry_points_at_its_marker_and_its_source(raw):
    doc = cleaned(raw)
    if doc is None:
        return
    damage = doc.meta.get("damage", [])
    markers = [entry["offset"] for entry in damage if entry["kind"] != "garbled"]
    assert markers == [m.start() for m in DAMAGE.finditer(doc.text)]
    assert [entry["offset"] for entry in damage] == sorted(entry["offset"] for entry in damage)
    for entry in damage:
        offset, raw_offset = entry["offset"], entry["raw_offset"]
        assert doc.raw_map.to_source(offset) == raw_offset
        if entry["kind"] == "lost":
            assert doc.text[offset] == DAMAGE_MARKER
            assert raw[raw_offset:].startswith("?" + entry["hint"] + ")")
        elif entry["kind"] == "undecodable":
            assert raw[raw_offset] == DAMAGE_MARKER == doc.text[offset]
        else:
            assert raw[raw_offset] == doc.text[offset]


@settings(max_examples=300, deadline=None)
@given(RAW)
@example("<p")      # found by hypothesis: a bare "<p" is text, not a tag
def test_the_text_is_normalised(raw):
    doc = cleaned(raw)
    if doc is None:
        return
    text = doc.text
    assert text and text == text.strip() and "\n\n\n" not in text
    # no <p> tag is left (a bare "<p" from the random ASCII pieces is text, not a tag)
    assert not CONTROL.search(text) and not P_TAG.search(text) and "\r" not in text
    assert all(line == line.strip() for line in text.split("\n"))
    assert doc.title


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["甲", "乙", " ", "\n", "\u3000", "\t"]), max_size=30).map("".join))
def test_tidy_lines_is_idempotent_and_is_tidy_agrees(text):
    once, _ = tidy_lines(text)
    assert tidy_lines(once)[0] == once
    if "\u3000" not in text and "\t" not in text:
        assert is_tidy(text) == (once == text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["甲", "乙", " ", "  ", "\n", "\n\n", "\n\n\n"]), max_size=30)
       .map("".join))
def test_the_ascii_fast_path_gives_the_same_text_and_map(text):
    fast_text, fast_map = tidy_lines(text, ascii_spaces=True)
    slow_text, slow_map = tidy_lines(text)
    assert fast_text == slow_text
    assert [fast_map.to_source(i) for i in range(len(fast_text) + 1)] == \
        [slow_map.to_source(i) for i in range(len(slow_text) + 1)]


PINYIN_PIECES = ["時", "間", "a", "1", " ", "\n", "?", "(", ")", "（", "）", "(shí)", "?qǐng)",
                 "（jiān）", "(de)", "(café)", "?de)", "(WTO)", "(lǜ)", "(正月十六)"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PINYIN_PIECES), max_size=30).map("".join))
def test_the_split_pinyin_pass_agrees_with_the_match_by_match_one(text):
    from corpus.text.pinyin import _remove_matches, remove_pinyin

    fast_text, fast_map, fast = remove_pinyin(text)
    slow_text, slow_map, slow = _remove_matches(text)
    assert (fast_text, fast) == (slow_text, slow)
    assert [fast_map.source_range(i, i + 1) for i in range(len(fast_text))] == \
        [slow_map.source_range(i, i + 1) for i in range(len(slow_text))]
