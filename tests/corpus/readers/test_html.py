"""HTML → text by paragraph: what is dropped, what is decoded, and the map back."""

from __future__ import annotations

import pytest

from corpus.readers.html import html_to_text, looks_like_html
from tests.corpus.readers.checks import assert_maps_back


def text_of(source: str, **options) -> str:
    text, text_map, _ = html_to_text(source, **options)
    assert_maps_back(text, text_map, source)
    return text


def test_paragraphs_become_lines_and_inline_tags_vanish():
    source = "<p>平原县委<b>书记</b>王玉东</p>\n  <p>第二段</p>"
    assert text_of(source) == "平原县委书记王玉东\n第二段"


def test_nested_blocks_give_one_line_break():
    source = ("<div><div><section><p>甲</p></section></div>\n\n</div>"
              "<div><ul><li>乙</li><li>丙</li></ul></div><p></p><br><br>丁<br><br/>戊")
    assert text_of(source) == "甲\n乙\n丙\n丁\n戊"


def test_the_break_stands_for_all_the_markup_between_two_paragraphs():
    source = "<p>甲</p>\n <p>乙</p>"
    text, text_map, _ = html_to_text(source)
    assert text == "甲\n乙"
    assert source[slice(*text_map.source_range(1, 2))] == "</p>\n <p>"


def test_scripts_styles_navigation_forms_and_comments_are_dropped():
    source = """<nav><a href="/">首页</a> | <a href="/news">新闻</a></nav>
<style>p { color: red }</style><script>var s = "<p>不是正文</p>"; if (a<b) {}</script>
<p>正文<!-- 注释 <p>也不是 --><noscript>请启用脚本</noscript>第一段</p>
<aside>相关阅读</aside><form><input name="q"><button>搜索</button></form>
<template><p>模板</p></template><p>第二段</p>"""
    assert text_of(source) == "正文第一段\n第二段"


def test_character_references_are_decoded():
    source = ("<p>&lt;平原&gt; &amp; 德州&nbsp;&#20013;&#x56fd;&#X56FD; AT&T &copy 2022 "
              "&unknown; &#0; 𠮷&#x20BB7;</p>")
    assert text_of(source) == "<平原> & 德州\xa0中国国 AT&T © 2022 &unknown; \ufffd 𠮷𠮷"


def test_a_decoded_reference_maps_to_its_whole_source():
    source = "<p>甲&amp;乙&#20013;</p>"
    text, text_map, _ = html_to_text(source)
    assert text == "甲&乙中"
    assert source[slice(*text_map.source_range(1, 2))] == "&amp;"
    assert source[slice(*text_map.source_range(3, 4))] == "&#20013;"
    assert [source[text_map.to_source(i)] for i in (0, 2)] == ["甲", "乙"]


def test_a_stray_charref_does_not_swallow_the_rest_of_the_page():
    """CPython < 3.13 hands everything after "&#z" over as text, tags included."""
    assert text_of("<p>甲 &#zz; 乙</p><p>丙&#123abc</p>") == "甲 &#zz; 乙\n丙&#123abc"


WHOLE_PAGE = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <title>平原：激活高质量发展原动力 &amp; 其他 - 大众日报</title>
  <meta name="description" content="新一届平原县委以加强机关自身建设为总抓手">
  <meta name="author" content="张大伟">
  <meta name="keywords" content="平原,干部">
  <meta property="article:published_time" content="2022-02-15T09:45:39+08:00">
  <link rel="stylesheet" href="https://example.com/s.css">
  <script src="https://example.com/tracker.js"></script>
</head>
<body>
  <header><h1>大众日报</h1><nav>首页 | 新闻</nav></header>
  <article>
    <header><h1>平原：激活高质量发展原动力</h1><p>记者 张大伟</p></header>
    <p>政治路线确定后，干部是决定因素。</p>
    <p>“加强机关自身建设。”平原县委书记王玉东介绍。</p>
    <footer>责任编辑：李超然</footer>
  </article>
  <footer>版权所有 © 大众日报</footer>
</body>
</html>
"""


def test_a_whole_page_keeps_the_article_and_drops_the_page_furniture():
    text, text_map, meta = html_to_text(WHOLE_PAGE)
    assert_maps_back(text, text_map, WHOLE_PAGE)
    assert text == ("平原：激活高质量发展原动力\n记者 张大伟\n政治路线确定后，干部是决定因素。\n"
                    "“加强机关自身建设。”平原县委书记王玉东介绍。\n责任编辑：李超然")
    assert meta == {"title": "平原：激活高质量发展原动力 & 其他 - 大众日报",
                    "description": "新一届平原县委以加强机关自身建设为总抓手",
                    "author": "张大伟", "keywords": "平原,干部",
                    "date": "2022-02-15T09:45:39+08:00"}


def test_a_fragment_keeps_its_header_and_footer():
    source = "<header>标题</header><p>正文</p><footer>记者 张三</footer>"
    assert text_of(source) == "标题\n正文\n记者 张三"


def test_an_unclosed_head_ends_at_body():
    source = "<html><head><title>题</title><body><p>正文</p></body></html>"
    text, _, meta = html_to_text(source)
    assert (text, meta) == ("正文", {"title": "题"})


def test_unclosed_page_furniture_does_not_eat_the_article():
    assert text_of("<nav>菜单<p>正文一</p><p>正文二</p>") == "菜单\n正文一\n正文二"


FURNISHED_PAGE = """<!DOCTYPE html><html><body>
<div id="nav"><ul><li><a href="/">首页</a></li><li><a href="/a">时政</a></li></ul></div>
<div class="header">德州新闻网</div>
<div class="position">当前位置：首页 &gt; 新闻</div>
<div class="article-head"><h1>德州召开会议</h1><span>时间：2022-02-15</span></div>
<div id="content"><p>正文一。</p>
  <div class="share-box"><div>分享到</div><div><div>微信</div></div></div>
  <p>正文二。</p></div>
<div class="xgxw"><h3>相关新闻</h3><ul><li><a href="/1">平原县召开会议</a></li></ul></div>
<div class="comment-list">网友评论：写得好！</div>
<div id="footer" class="clearfix">版权所有 德州新闻网</div>
</body></html>"""


def test_a_page_drops_the_furniture_its_classes_and_ids_name():
    text, text_map, _meta = html_to_text(FURNISHED_PAGE)
    assert text == "德州召开会议\n时间：2022-02-15\n正文一。\n正文二。"
    assert_maps_back(text, text_map, FURNISHED_PAGE)


def test_page_furniture_by_class_needs_its_end_tag_a_page_and_no_article_around_headers():
    unclosed = "<html><body><div class='nav'>菜单<p>正文一</p><p>正文二</p></body></html>"
    assert text_of(unclosed) == "菜单\n正文一\n正文二"
    assert text_of("<div class='nav'>菜单</div><p>正文</p>") == "菜单\n正文"   # a fragment
    in_article = ("<html><body><article><div class=footer>记者 张三</div>"
                  "<div class='share'>分享</div><p>正文</p></article></body></html>")
    assert text_of(in_article) == "记者 张三\n正文"
    only_furniture = "<html><body><div class='menu'>唯一的文字</div></body></html>"
    assert text_of(only_furniture) == "唯一的文字"
    script = "<script>var x = '" + "很长" * 12 + "的脚本';</script>"    # longer, but not text
    misnamed = (f"<html><body>{script}"
                "<div class='share'>分享</div><div class='article comments-on'>"
                "<h1>标题</h1><p>正文很长的一段，写了会议的全部内容。</p></div></body></html>")
    assert text_of(misnamed) == "标题\n正文很长的一段，写了会议的全部内容。"   # the article stays


def test_whitespace_inside_a_paragraph_is_kept_and_pre_is_verbatim():
    source = "<p>  第一行\r\n第二行  </p>\r\n<pre>  代码\n  缩进</pre>"
    assert text_of(source) == "第一行\r\n第二行\n  代码\n  缩进"


def test_crlf_and_astral_characters_keep_their_positions():
    source = "<div>\r\n𠮷野家😀平原县\r\n</div>\r\n<p>𠀀第&#x4E8C;段</p>"
    text, text_map, _ = html_to_text(source)
    assert text == "𠮷野家😀平原县\n𠀀第二段"
    assert_maps_back(text, text_map, source)
    assert source[text_map.to_source(text.index("平"))] == "平"


def test_a_slice_of_the_source_maps_into_the_whole_source():
    source = "---\ntitle: x\n---\n<p>正文 <http://a.cn/x?a=1&b=2></p>"
    start = source.index("<p>")
    text, text_map, _ = html_to_text(source, start, keep_autolinks=True)
    assert text == "正文 <http://a.cn/x?a=1&b=2>"
    assert_maps_back(text, text_map, source)
    assert text_map.to_source(0) == start + 3


def test_text_outside_any_tag_and_broken_markup_is_kept():
    assert text_of("前言<p>正文</p>后记 a < b") == "前言\n正文\n后记 a < b"
    assert text_of("<p>正文</p><p class=") == "正文\n<p class="


@pytest.mark.parametrize("text, expected", [
    ("平原县委书记王玉东介绍", False),
    ("a < b and c > d", False),
    ("<p>段落</p>", True),
    ("第一行<br>第二行", True),
    ("<!DOCTYPE html><title>x</title>", True),
    ("  <html><body>x</body></html>", True),
    ("<b>粗</b>体", True),
    ("只有一个<span>标签", False),
    ("[返回首页](//finews.withounder.com/) <http://a.cn>", False),
])
def test_looks_like_html(text, expected):
    assert looks_like_html(text) is expected
