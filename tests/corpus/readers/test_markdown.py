"""Markdown with YAML front matter: fields → meta, the body → text mapped into raw."""

from __future__ import annotations

import pytest

from corpus.readers.markdown import has_front_matter, jsonable, read_markdown
from tests.corpus.readers.checks import assert_article_maps_back

POST = """---
layout: post
title: "平原：激活高质量发展原动力"
date: 2022-02-15 09:45:39 +0800
categories: [dazhongribao, 地方]
tags: 大众日报新闻
draft: false
views: 12
---
政治路线确定后，**干部**是决定因素。

[返回首页](//finews.withounder.com/)
"""


def test_front_matter_becomes_meta_and_the_body_becomes_text():
    article = read_markdown(POST, "post.md", "utf-8")
    assert article.format == "markdown" and article.encoding == "utf-8"
    assert article.meta == {"layout": "post", "title": "平原：激活高质量发展原动力",
                            "date": "2022-02-15T09:45:39+08:00",
                            "categories": ["dazhongribao", "地方"], "tags": "大众日报新闻",
                            "draft": False, "views": 12}
    assert article.raw == POST
    assert article.text == "政治路线确定后，干部是决定因素。\n\n[返回首页](//finews.withounder.com/)\n"
    assert article.text_map.to_source(0) == POST.index("政治")
    assert_article_maps_back(article)


def test_yaml_dates_and_datetimes_become_iso_strings():
    raw = "---\ndate: 2022-02-15\nupdated: 2022-02-16 08:00:00\nwhen: 2022-02-17T01:02:03Z\n---\n正文"
    meta = read_markdown(raw, "a.md", "utf-8").meta
    assert meta == {"date": "2022-02-15", "updated": "2022-02-16T08:00:00",
                    "when": "2022-02-17T01:02:03+00:00"}


def test_an_html_body_becomes_paragraphs_and_keeps_markdown_links():
    raw = ("---\r\ntitle: 题\r\n---\r\n<p>第一段&amp;</p>\r\n <p>第二段 </p><p class=\"x\">（来源）</p>"
           "\r\n\r\n<http://finews.zning.xyz/a?b=1>\r\n\r\n[返回](//x.cn/)｜[首页](//x.cn/)")
    article = read_markdown(raw, "a.txt", "utf-8")
    assert article.meta == {"title": "题"}
    assert article.text == ("第一段&\n第二段\n（来源）\n<http://finews.zning.xyz/a?b=1>\r\n\r\n"
                            "[返回](//x.cn/)｜[首页](//x.cn/)")
    assert_article_maps_back(article)


def test_broken_front_matter_stays_in_the_text():
    raw = "---\ntitle: [unclosed\n---\n正文"
    article = read_markdown(raw, "a.md", "utf-8")
    assert article.text == "\ntitle: [unclosed\n\n正文"    # only the --- lines go
    assert article.meta["front_matter_error"].startswith("not valid YAML")


def test_dashes_around_plain_text_are_not_front_matter():
    raw = "---\n这不是元数据\n---\n正文"
    assert not has_front_matter(raw)
    article = read_markdown(raw, "a.md", "utf-8")          # a break, a setext heading
    assert (article.text, article.meta) == ("\n这不是元数据\n\n正文", {})


def test_front_matter_detection():
    assert has_front_matter("---\ntitle: x\n---\n")
    assert has_front_matter("---\r\ntitle: x\r\n---")
    assert has_front_matter("---\n---\nbody")
    assert not has_front_matter("--- \n正文")
    assert not has_front_matter("正文\n---\ntitle: x\n---")


def test_a_markdown_file_without_front_matter_is_all_text():
    article = read_markdown("# 标题\n\n正文", "a.md", "utf-8")
    assert (article.text, article.meta) == ("标题\n\n正文", {})
    assert_article_maps_back(article)


@pytest.mark.parametrize("source, text", [
    ("## 标题 ##\n> > 引用\n- 甲\n* 乙\n1. 第一\n2) 第二", "标题\n引用\n甲\n乙\n1. 第一\n2) 第二"),
    ("要*稳中求进*，**干部**是~~不~~关键；详见[德州新闻网](http://dezhou.com)。",
     "要稳中求进，干部是不关键；详见德州新闻网。"),
    ("**a *b* c** ![图](x.png)说明 [文字][ref]\n\n[ref]: http://x", "a b c 说明 文字\n\n"),
    ("`a*b*c` 与 \\*不是强调\\* 与 snake_case_word", "a*b*c 与 *不是强调* 与 snake_case_word"),
    ("```\n# 不是标题\n```\n正文\n***\n标题二\n=====", "\n# 不是标题\n\n正文\n\n标题二\n"),
    ("| 甲 | 乙 |\n|---|:--:|\n| 1 | 2 |", "| 甲 | 乙 |\n\n| 1 | 2 |"),
    ("[返回首页](http://x)｜[下一篇](http://y)", "[返回首页](http://x)｜[下一篇](http://y)"),
])
def test_markdown_syntax_leaves_the_words(source, text):
    article = read_markdown(source, "a.md", "utf-8")
    assert article.text == text
    assert_article_maps_back(article)


def test_jsonable():
    import datetime

    value = {1: {datetime.date(2022, 2, 15), "x"}, "t": (datetime.time(9, 45), float("nan")),
             "b": b"\xe5\xb9\xb3", "o": object}
    assert jsonable(value) == {"1": ["2022-02-15", "x"], "t": ["09:45:00", "nan"], "b": "平",
                               "o": "<class 'object'>"}
