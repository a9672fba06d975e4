"""Tables and feeds: one article per record, failures per record, the rest imports."""

from __future__ import annotations

import orjson

from corpus.article import ImportFailure, RawArticle
from corpus.readers import read_path
from tests.corpus.readers.checks import SIMPLIFIED, assert_article_maps_back


def write(tmp_path, name: str, content: str | bytes):
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def articles(items):
    return [item for item in items if isinstance(item, RawArticle)]


def failures(items):
    return [(item.name, item.reason) for item in items if isinstance(item, ImportFailure)]


def test_csv_rows_become_articles_with_the_other_columns_as_meta(tmp_path):
    content = ('title,content,date\r\n'
               '平原,"第一段,有逗号\r\n第二段 ""引号""",2022-02-15\r\n'
               '\r\n'
               '德州,审计局,2022-02-16\r\n')
    items = read_path(write(tmp_path, "news.csv", content))
    assert failures(items) == []
    first, second = items
    assert (first.name, first.format, first.encoding) == ("news.csv#1", "csv", "utf-8")
    assert first.text == first.raw == '第一段,有逗号\r\n第二段 "引号"'
    assert first.meta == {"title": "平原", "date": "2022-02-15"}
    assert second.name == "news.csv#3"      # data rows counted from 1, the blank one too
    assert_article_maps_back(first)


def test_the_text_column_is_chosen_by_name_or_option(tmp_path):
    path = write(tmp_path, "a.csv", "Title, Text ,正文\n题,英文列,中文列\n")
    [article] = read_path(path)
    assert article.text == "英文列"
    assert article.meta == {"Title": "题", "正文": "中文列", "title": "题"}
    [article] = read_path(path, text_field="正文")
    assert article.text == "中文列"
    [article] = read_path(path, text_field="title")
    assert article.text == "题"


def test_fields_named_like_a_title_date_or_source_give_them(tmp_path):
    content = ("标题,正文,发布时间,来源,时间\n"
               "平原县召开会议,会议召开。,2022年2月15日 09:45,大众日报,3分钟\n"
               "德州,正文二,不详,,\n")
    first, second = read_path(write(tmp_path, "news.csv", content))
    assert first.meta == {"标题": "平原县召开会议", "发布时间": "2022年2月15日 09:45",
                          "来源": "大众日报", "时间": "3分钟", "title": "平原县召开会议",
                          "date": "2022年2月15日 09:45", "source": "大众日报"}
    assert "date" not in second.meta and "source" not in second.meta   # no date, no source
    [feed] = read_path(write(tmp_path, "f.jsonl", '{"content": "正文", "pub_time": "2022-02-15"}'))
    assert feed.meta == {"pub_time": "2022-02-15", "date": "2022-02-15"}
    [record] = read_path(write(tmp_path, "a.json", orjson.dumps(
        {"title": "原题", "headline": "另一个", "text": "正文", "date": "不是日期"})))
    assert record.meta == {"title": "原题", "headline": "另一个", "date": "不是日期"}


def test_a_csv_without_the_text_column_names_the_columns(tmp_path):
    [failure] = read_path(write(tmp_path, "a.csv", "标题,日期\n平原,2022\n"))
    assert failure.name == "a.csv"
    assert "no text column" in failure.reason and "标题, 日期" in failure.reason
    assert "--text-field" in failure.reason
    [failure] = read_path(write(tmp_path, "b.csv", "标题,日期\n平原,2022\n"), text_field="x")
    assert failure.reason == "no column named 'x' (the columns are: 标题, 日期)"


def test_tsv_semicolons_gbk_and_short_rows(tmp_path):
    [tsv] = read_path(write(tmp_path, "a.tsv", "text\tsource\n平原,县委\t大众日报\n"))
    assert (tsv.format, tsv.text, tsv.meta) == ("tsv", "平原,县委", {"source": "大众日报"})
    gbk = "标题;text\n平原;" + SIMPLIFIED.replace("\n", "") + "\n德州\n"
    items = read_path(write(tmp_path, "b.csv", gbk.encode("gbk")))
    assert items[0].encoding == "gb18030" and items[0].meta == {"标题": "平原", "title": "平原"}
    assert items[0].text == SIMPLIFIED.replace("\n", "")
    assert failures(items) == [("b.csv#2", "has no value for 'text'")]


def test_a_row_without_text_fails_alone(tmp_path):
    items = read_path(write(tmp_path, "a.csv", "text,n\n甲,1\n,2\n丙,3,多余\n"))
    assert [a.text for a in articles(items)] == ["甲", "丙"]
    assert articles(items)[1].meta == {"n": "3", "_extra": ["多余"]}
    assert failures(items) == [("a.csv#2", "the text field 'text' is empty")]


def test_jsonl_a_broken_line_fails_alone(tmp_path):
    lines = [orjson.dumps({"id": 1, "content": "第一篇", "tags": ["a"]}).decode(),
             '{"id": 2, "content": "第二篇',
             "",
             orjson.dumps({"id": 3, "title": "无正文"}).decode(),
             orjson.dumps({"id": 4, "content": ["第一段", "第二段"]}).decode()]
    items = read_path(write(tmp_path, "feed.jsonl", "\r\n".join(lines)))
    assert [(a.name, a.text, a.meta) for a in articles(items)] == [
        ("feed.jsonl#1", "第一篇", {"id": 1, "tags": ["a"]}),
        ("feed.jsonl#5", "第一段\n第二段", {"id": 4})]
    [(name, reason), (name_4, reason_4)] = failures(items)
    assert name == "feed.jsonl#2" and reason.startswith("line 2 is not valid JSON")
    assert name_4 == "feed.jsonl#4" and "the fields are: id, title" in reason_4


def test_jsonl_where_no_record_has_text_is_one_failure(tmp_path):
    content = '{"title": "甲", "url": "u"}\n{"title": "乙", "url": "v"}\n'
    [failure] = read_path(write(tmp_path, "feed.jsonl", content))
    assert failure.name == "feed.jsonl" and "the fields are: title, url" in failure.reason


def test_json_lists_wrapped_lists_and_single_objects(tmp_path):
    items = read_path(write(tmp_path, "a.json", '[{"text": "甲"}, {"text": "乙", "n": 2}, 3]'))
    assert [(a.name, a.text) for a in articles(items)] == [("a.json#0", "甲"), ("a.json#1", "乙")]
    assert failures(items) == [("a.json#2", "is a number, not a JSON object")]
    wrapped = '{"total": 2, "data": [{"正文": "甲"}, {"正文": "乙"}]}'
    items = read_path(write(tmp_path, "b.json", wrapped))
    assert [(a.name, a.text, a.format) for a in items] == [("b.json#0", "甲", "json"),
                                                          ("b.json#1", "乙", "json")]
    [single] = read_path(write(tmp_path, "c.json", '{"title": "题", "body": "正文"}'))
    assert (single.name, single.text, single.meta) == ("c.json", "正文", {"title": "题"})


def test_broken_json_and_json_without_records(tmp_path):
    [failure] = read_path(write(tmp_path, "a.json", '[{"text": "甲"},'))
    assert failure.name == "a.json" and failure.reason.startswith("not valid JSON")
    [failure] = read_path(write(tmp_path, "b.json", '{"title": "题"}'))
    assert "no text field" in failure.reason
    [failure] = read_path(write(tmp_path, "c.json", '"正文"'))
    assert "neither a record" in failure.reason
    [failure] = read_path(write(tmp_path, "d.json", '[]'))
    assert failure.reason == "the list of records is empty"


def test_html_in_a_record_becomes_paragraphs(tmp_path):
    record = {"content": "<p>第一段&amp;</p><p>第二段</p>", "title": "记录标题"}
    [article] = read_path(write(tmp_path, "a.jsonl", orjson.dumps(record).decode()))
    assert article.text == "第一段&\n第二段" and article.raw == record["content"]
    assert article.meta == {"title": "记录标题"}
    assert_article_maps_back(article)


def test_a_non_text_value_fails_with_its_kind(tmp_path):
    items = read_path(write(tmp_path, "a.jsonl", '{"text": null}\n{"text": 12}\n{"text": "好"}'))
    assert failures(items) == [("a.jsonl#1", "the text field 'text' is empty (null), not text"),
                               ("a.jsonl#2", "the text field 'text' is a number, not text")]


def test_json_in_other_encodings_and_binary_json(tmp_path):
    line = orjson.dumps({"content": SIMPLIFIED, "n": 1}).decode()
    [gbk] = read_path(write(tmp_path, "gbk.jsonl", (line + "\n").encode("gbk")))
    assert (gbk.text, gbk.encoding, gbk.meta) == (SIMPLIFIED, "gb18030", {"n": 1})
    [bom] = read_path(write(tmp_path, "bom.json", line.encode("utf-8-sig")))
    assert (bom.name, bom.encoding) == ("bom.json", "utf-8-sig")
    [utf16] = read_path(write(tmp_path, "u16.jsonl", line.encode("utf-16")))
    assert (utf16.text, utf16.encoding) == (SIMPLIFIED, "utf-16")
    [forced] = read_path(write(tmp_path, "f.jsonl", line.encode("big5", "replace")),
                         encoding="big5")
    assert forced.encoding == "big5"
    [binary] = read_path(write(tmp_path, "b.jsonl", b'{"text": "\x00\x01\x02"}\n' * 3))
    assert binary.name == "b.jsonl" and binary.reason.startswith("looks like a binary file")
