"""Property: whatever HTML-ish text comes in, every copied character maps back to itself."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.readers import read_bytes
from corpus.readers.html import html_to_text
from tests.corpus.readers.checks import assert_article_maps_back, assert_maps_back

TAGS = ["<p>", "</p>", "<div class=\"a\">", "</div>", "<br>", "<br/>", "<b>", "</b>",
        "<span style='x'>", "</span>", "<li>", "</li>", "<h1>", "</h1>", "<pre>", "</pre>",
        "<script>var a = '<p>';</script>", "<style>p{}</style>", "<nav>菜单</nav>", "<nav>",
        "</nav>", "<!-- 注释 -->", "<!DOCTYPE html>", "<html>", "<head>", "</head>",
        "<title>标&amp;题</title>", "<body>", "<header>", "</header>", "<footer>",
        "<article>", "</article>", "<meta name=\"author\" content=\"张三\">", "<p class=",
        "<![CDATA[x]]>", "<?xml version='1.0'?>", "</>", "<http://a.cn/x?a=1&b=2>"]
ENTITIES = ["&amp;", "&lt;", "&gt;", "&nbsp;", "&#20013;", "&#x4e2d;", "&#X1F600;", "&copy",
            "&amp", "&bogus;", "&#zz;", "&#123abc", "&#", "&", "&#0;", "&#xD800;", "AT&T"]
TEXT = st.text(alphabet=st.sampled_from(list("平原县委书记王玉东𠮷😀 \t\r\n<>&;#/=\"'aZ09，。“”")),
               max_size=12)
PIECES = st.one_of(st.sampled_from(TAGS), st.sampled_from(ENTITIES), TEXT,
                   st.sampled_from(["\r\n", "\n\n", "  ", "\u3000"]))
HTMLISH = st.lists(PIECES, max_size=40).map("".join)


@settings(max_examples=400, deadline=None)
@given(HTMLISH)
def test_html_text_maps_back_into_the_source(source):
    text, text_map, meta = html_to_text(source)
    assert_maps_back(text, text_map, source)
    assert all(isinstance(value, str) for value in meta.values())
    assert_both_paths_agree(source, drop_layout=True)


def assert_both_paths_agree(source: str, drop_layout: bool) -> None:
    """Where the fast scan takes the markup, it gives what HTMLParser gives."""
    from corpus.readers import html, markup

    parse_text = markup.prepare(source)
    scanned = markup.scan(parse_text)
    if scanned is None:
        return
    parsed = markup.parse(parse_text)
    fast = html._TextBuilder(source, 0, drop_layout=drop_layout)
    slow = html._TextBuilder(source, 0, drop_layout=drop_layout)
    fast.furniture = html.furniture(scanned, source)
    slow.furniture = html.furniture(parsed, source)
    fast_text, fast_map = fast.run(scanned)
    slow_text, slow_map = slow.run(parsed)
    assert fast_text == slow_text
    assert fast_map.to_json() == slow_map.to_json()
    assert fast.meta == slow.meta


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=30), HTMLISH, st.booleans())
def test_a_slice_maps_into_the_whole_source(prefix, body, autolinks):
    source = prefix + body
    text, text_map, _ = html_to_text(source, len(prefix), keep_autolinks=autolinks)
    assert_maps_back(text, text_map, source)
    assert all(segment.source_start >= len(prefix) for segment in text_map.segments)


@settings(max_examples=200, deadline=None)
@given(HTMLISH, st.sampled_from([".txt", ".md", ".html", ""]),
       st.sampled_from(["", "---\ntitle: 题\ndate: 2022-02-15 09:45:39 +0800\n---\n",
                        "---\r\ntitle: x\r\n---\r\n"]))
def test_every_reader_result_maps_back(body, suffix, front_matter):
    for item in read_bytes((front_matter + body).encode("utf-8"), "a" + suffix, suffix=suffix):
        if hasattr(item, "text_map"):
            assert_article_maps_back(item)
        else:
            assert item.reason and "\n" not in item.reason
            assert "internal error" not in item.reason


SIMPLE_TAGS = ["<p>", "</p>", "<P CLASS=\"a>b\">", "</P >", "<div id='x'>", "</div>", "<br>",
               "<br/>", "<BR />", "<b>", "</b>", "<li\n>", "</li>", "<h1>", "</h1>", "<pre>",
               "</pre>", "<nav>", "</nav>", "<aside>", "</aside>", "<header>", "</header>",
               "<footer>", "</footer>", "<article>", "</article>", "<html>", "<body>",
               "<head>", "</head>", "<section data-a=\"1\" hidden>", "</section>", "<td>",
               "<div class=\"nav\">", "<ul class='related list'>", "</ul>", "<div id=footer>"]
SIMPLE_TEXT = st.text(alphabet=st.sampled_from(list("平原县𠮷😀 \t\r\n&;#x9aZ.-，")), max_size=10)
SIMPLE = st.lists(st.one_of(st.sampled_from(SIMPLE_TAGS), st.sampled_from(ENTITIES),
                            SIMPLE_TEXT), max_size=40).map("".join)


MARKDOWN = st.lists(st.one_of(
    st.sampled_from(["# ", "## ", "> ", "- ", "* ", "1. ", "**", "*", "__", "_", "~~", "`",
                     "```", "[", "](", ")", "![", "\\", "\\*", "|", "---", "===", "#",
                     "[r]: ", "<http://a.cn/x>", "｜"]),
    st.sampled_from(["\n", "\r\n", "\n\n", " ", "\t"]), SIMPLE_TEXT), max_size=40).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=10), MARKDOWN)
def test_markdown_text_maps_back_into_the_source(prefix, body):
    from corpus.readers.markdown_syntax import markdown_to_text

    source = prefix + body
    text, text_map = markdown_to_text(source, len(prefix))
    assert_maps_back(text, text_map, source)
    assert all(segment.copied and segment.source_start >= len(prefix)
               for segment in text_map.segments)


@settings(max_examples=500, deadline=None)
@given(SIMPLE, st.booleans())
def test_the_fast_path_agrees_with_htmlparser(source, drop_layout):
    from corpus.readers import markup

    assert markup.scan(markup.prepare(source)) is not None
    assert_both_paths_agree(source, drop_layout)
