"""Each seed article cleans to the expected title, metadata and body (DESIGN.md, the corpus)."""

from __future__ import annotations

import re

import pytest

from corpus.cleaning import clean
from corpus.text.pinyin import DAMAGE_MARKER, remove_pinyin
from tests.corpus.cleaning.helpers import assert_maps_back, seed_article, seed_text

GLOSS = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")


@pytest.fixture(scope="module")
def docs():
    return {number: clean(seed_article(number)) for number in ("000", "001", "002", "003", "004")}


@pytest.mark.parametrize("number", ["000", "001", "002", "003", "004"])
def test_every_character_maps_back_to_the_raw_text(docs, number):
    assert_maps_back(docs[number], seed_text(number))


@pytest.mark.parametrize("number", ["000", "001", "002", "003", "004"])
def test_body_lines_are_trimmed_and_separated_by_at_most_one_blank_line(docs, number):
    text = docs[number].text
    assert text == text.strip() and "\n\n\n" not in text and "\r" not in text
    assert all(line == line.strip() for line in text.split("\n"))


def test_000_front_matter_title_date_and_no_trailing_links(docs):
    doc = docs["000"]
    assert doc.title == "平原：激活高质量发展原动力"
    assert doc.meta["title_from"] == "container"
    assert doc.meta["date"] == "2022-02-15T09:45:39+08:00"
    assert doc.meta["categories"] == "dazhongribao" and doc.meta["tags"] == "大众日报新闻"
    assert doc.meta["source"] == "大众日报"
    assert doc.meta["boilerplate"] == [
        "（文章来源：大众日报）",
        "<http://finews.zning.xyz/html_News/NewsShare.html?infoCode=NW202202152276714370>",
        ("[返回大众日报新闻](//finews.withounder.com/category/dazhongribao.html)｜"
         "[返回首页](//finews.withounder.com/)"),
    ]
    assert doc.meta["byline"] == ["□张大伟曹伟"]
    assert doc.text.startswith("政治路线确定后，干部是决定因素。")
    assert doc.text.endswith("项目个数、投资规模均居德州市前列")
    for gone in ("<p", "</p>", "http", "返回首页", "文章来源", "□张大伟曹伟", "layout:", "---"):
        assert gone not in doc.text
    lines = doc.text.split("\n")
    assert lines.index("以组织力推动入脑入心见行") > lines.index("把问号拉直——") > 0


def test_001_editors_and_reporters_leave_the_body_top_and_bottom(docs):
    doc = docs["001"]
    assert doc.meta["editors"] == ["李超然"]
    assert doc.meta["reporters"] == ["蒋丽君", "梁承恺"]
    assert doc.meta["byline"] == ["初审编辑:", "责任编辑:李超然",
                                  "大众网·海报新闻记者 蒋丽君 通讯员 梁承恺 德州报道"]
    for gone in ("初审编辑", "责任编辑", "李超然", "蒋丽君", "德州报道"):
        assert gone not in doc.text
    assert doc.text.startswith("记得有位央企负责人在接受记者采访时")     # 记者 in a sentence stays
    assert doc.text.endswith("奋力开创新时代社会主义现代化强市建设新局面。")
    assert doc.title == "记得有位央企负责人在接受记者采访时曾有一句话让人印象深刻"
    assert doc.meta["title_from"] == "first_clause"
    assert "date" not in doc.meta


def test_002_pinyin_removed_date_moved_site_header_out(docs):
    doc, raw = docs["002"], seed_text("002")
    assert "時(shí)間" in raw and "(shí)" not in doc.text and not GLOSS.search(doc.text)
    assert doc.meta["pinyin_removed"] == 759
    assert doc.meta["date"] == "2022-06-12T07:33:00"
    title = "按照\ufffd\ufffd政為民的要求 大力加強基層干部工作作風建設"
    assert doc.title == title and doc.meta["title_from"] == "heading"
    assert doc.text.startswith(title + "\n\n近年來,我縣按照執政為民要求,")
    assert doc.text.count(title) == 1
    assert doc.meta["boilerplate"] == [
        title,
        "時間:2022-06-12 07:33:00",
        "導語:" + title + "一文來源于網友上傳,不代表本站觀點,若需要原創文章可咨詢客服老師,歡迎參考。",
    ]
    assert "導語" not in doc.text and "不代表本站觀點" not in doc.text and "時間:" not in doc.text
    for kept in ("(一)加強教育", "(二)開展活動", "(三)健全制度", "(工作片)"):   # real parentheses
        assert kept in doc.text
    assert "執政為民" in doc.text and "执政为民" not in doc.text           # Traditional stays


def test_002_lost_characters_are_markers_at_their_place(docs):
    doc, raw = docs["002"], seed_text("002")
    lost = [d for d in doc.meta["damage"] if d["kind"] == "lost"]
    assert [d["hint"] for d in lost] == ["qǐng", "zhí", "qǐng", "zhí", "huà", "zhèn"]
    for entry in lost:
        assert doc.text[entry["offset"]] == DAMAGE_MARKER
        assert raw[entry["raw_offset"]:].startswith("?" + entry["hint"] + ")")
        assert doc.raw_map.to_source(entry["offset"]) == entry["raw_offset"]
    assert doc.text.count(DAMAGE_MARKER) == 6
    assert doc.text[lost[4]["offset"] - 2:lost[4]["offset"] + 6] == "親自" + DAMAGE_MARKER + "鞄?,紀檢"
    assert "必須按照" + DAMAGE_MARKER * 2 + "政為民" in doc.text


def test_002_private_use_characters_are_kept_and_flagged(docs):
    doc = docs["002"]
    private = [d for d in doc.meta["damage"] if d["kind"] == "private_use"]
    assert len(private) == 26
    assert "4\ue0108平方公里" in doc.text                      # a decimal point the site hid
    assert all(doc.text[d["offset"]] == seed_text("002")[d["raw_offset"]] for d in private)


def test_003_title_subtitle_and_reporter(docs):
    doc = docs["003"]
    assert doc.title == "拉高标杆 奋勇争先 转变作风 狠抓落实"
    assert doc.meta["subtitle"] == (
        "虎年新春第一会 奏响发展最强音\n枣强县三级干部大会暨开展“三统筹三扩大四创建”活动和"
        "深化纠正“四风”作风纪律专项整治动员大会精神解读")
    assert doc.meta["reporters"] == ["焦明瑞"] and doc.meta["byline"] == ["本报记者 焦明瑞"]
    assert doc.text.startswith("拉高标杆 奋勇争先 转变作风 狠抓落实\n\n虎年新春第一会 奏响发展最强音\n\n——枣强县")
    assert "本报记者" not in doc.text
    assert "精神解读\n\n人勤春来早,奋斗新征程。" in doc.text
    assert "2月16日上午(正月十六)," in doc.text
    assert doc.text.endswith("\n\n(本版图片由枣强县委宣传部提供)")


def test_004_reporters_pinyin_and_lost_characters(docs):
    doc, raw = docs["004"], seed_text("004")
    assert doc.meta["reporters"] == ["趙家婷", "代緒剛"]
    assert doc.meta["byline"] == ["本報通訊員 趙家婷 代緒剛"]
    assert doc.meta["pinyin_removed"] == 215
    assert not GLOSS.search(doc.text) and "本報" not in doc.text[:10]
    assert doc.text.startswith("項目建設工地上機械轟鳴,春耕田壟間農技干部現場指導,")
    assert doc.title == "項目建設工地上機械轟鳴"
    lost = [d for d in doc.meta["damage"] if d["kind"] == "lost"]
    assert [d["hint"] for d in lost] == ["qū", "xiàng", "yàn"]
    for entry in lost:
        assert doc.text[entry["offset"]] == DAMAGE_MARKER
        assert raw[entry["raw_offset"]:].startswith("?" + entry["hint"] + ")")
    assert "領域\ufffdm\ufffd監督" in doc.text and "因\ufffd檫@里" in doc.text


def test_004_garbled_runs_are_flagged_character_by_character_and_kept(docs):
    doc, raw = docs["004"], seed_text("004")
    garbled = [d for d in doc.meta["damage"] if d["kind"] == "garbled"]
    starts = [d for i, d in enumerate(garbled)
              if i == 0 or garbled[i - 1]["offset"] != d["offset"] - 1]
    runs = [(d["hint"], doc.text[d["offset"] - 2:d["offset"] + len(d["hint"])]) for d in starts]
    assert runs == [("??h", "并舉??h"), ("??", "王元??"), ("檫@", "因\ufffd檫@")]
    assert len(garbled) == 7            # one entry per character: ?? + ??h + 檫@
    assert all(raw[d["raw_offset"]] == doc.text[d["offset"]] for d in garbled)
    assert doc.meta["damage"] == sorted(doc.meta["damage"], key=lambda d: d["offset"])


@pytest.mark.parametrize("text", ["怎么补办?需要多长时间?", "能力A類縣", "email: a@b.cn",
                                  "要怎么干?\n一分部署"])
def test_question_marks_and_at_signs_that_are_text_are_not_garble(text):
    from corpus.damage import find_damage
    from corpus.text.textmap import TextMap

    assert find_damage(text, text, TextMap.identity(len(text))) == []


@pytest.mark.parametrize(("number", "artefacts", "lost"), [("002", 759, 10), ("004", 215, 3),
                                                           ("000", 0, 0), ("001", 0, 0),
                                                           ("003", 0, 0)])
def test_pinyin_counts_over_the_whole_raw_text(number, artefacts, lost):
    _, _, repair = remove_pinyin(seed_text(number))
    assert (repair.artefacts, repair.lost) == (artefacts, lost)


def test_crlf_copy_of_a_seed_cleans_to_the_same_text(docs):
    from tests.corpus.cleaning.helpers import plain_article
    raw = seed_text("001").replace("\n", "\r\n")
    doc = clean(plain_article(raw))
    assert doc.text == docs["001"].text and doc.meta["editors"] == ["李超然"]
    assert_maps_back(doc, raw)


@pytest.mark.parametrize("number", ["000", "001", "002", "003", "004"])
def test_through_the_real_reader_the_same_title_and_metadata(docs, number):
    readers = pytest.importorskip("corpus.readers")
    from tests.corpus.cleaning.helpers import seed_path
    [article] = list(readers.read_path(seed_path(number)))
    doc = clean(article)
    assert_maps_back(doc, seed_text(number))
    mine = docs[number]
    assert doc.title == mine.title
    for key in ("date", "source", "reporters", "editors", "byline", "boilerplate", "subtitle",
                "pinyin_removed"):
        assert doc.meta.get(key) == mine.meta.get(key)
    assert [line for line in doc.text.split("\n") if line] == \
        [line for line in mine.text.split("\n") if line]
