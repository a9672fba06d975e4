"""One date parser for metadata and front matter: ISO first (zones, fractions), then the
Chinese forms; front matter YAML accepts but Python cannot hold gets a reason, not a crash."""

import pytest

from corpus.dates import parse_date
from corpus.readers.markdown import MAX_DEPTH, iso_date, jsonable, read_markdown


@pytest.mark.parametrize("written, iso", [
    ("2022-02-15T09:45:39.123+08:00", "2022-02-15T09:45:39.123000+08:00"),
    ("2022-02-15T09:45:39Z", "2022-02-15T09:45:39+00:00"),
    ("2022-02-15 09:45:39 +0800", "2022-02-15T09:45:39+08:00"),
    ("2022年2月15日", "2022-02-15"),
    ("2022年2月15日 9时45分", "2022-02-15T09:45:00"),
    ("2022/02/15 09:45", "2022-02-15T09:45:00"),
    ("2022-02-30", ""), ("会议", ""), ("", ""),
])
def test_parse_date_keeps_zones_fractions_and_chinese_forms(written, iso):
    assert parse_date(written) == iso


def test_the_markdown_reader_uses_the_same_parser():
    assert iso_date("2022-02-15T10:00:39.123+08:00") == "2022-02-15T10:00:39.123000+08:00"
    assert iso_date("2022年2月15日") == "2022-02-15"
    assert iso_date("not a date") == "not a date"


def test_values_storage_cannot_hold_are_converted():
    loop: list = []
    loop.append(loop)
    assert jsonable(2 ** 70) == str(2 ** 70)
    assert jsonable(loop) == ["…"] or "…" in str(jsonable(loop))
    deep = current = []
    for _ in range(MAX_DEPTH + 10):
        current.append([])
        current = current[0]
    assert "…" in str(jsonable(deep))


@pytest.mark.parametrize("head, meta_check", [
    ("date: 2022-02-30", lambda m: "impossible date" in m["front_matter_error"]),
    ("a: &a [*a]", lambda m: "…" in str(m["a"])),
    ("n: " + "9" * 40, lambda m: m["n"] == "9" * 40),
    ("publish_time: 2022-02-15T10:00:39.123+08:00",
     lambda m: "publish_time" in m),
    ("a: &a [1,1,1,1,1,1,1,1,1]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
     "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
     "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: [*e,*e,*e,*e,*e,*e,*e,*e,*e]",
     lambda m: "…" in str(m["f"])),
])
def test_hostile_front_matter_gets_a_reason_or_a_bounded_value(head, meta_check):
    article = read_markdown(f"---\n{head}\n---\n\n正文。\n", "a.md", "utf-8")
    assert article.text.strip().endswith("正文。")   # a front matter in error stays in the text
    assert meta_check(article.meta)


def test_a_punctuation_flood_reads_in_linear_steps():
    """The inline patterns are bounded (INLINE characters), so a line of * _ ` [ is read
    whole, and a code span longer than INLINE is left as text, not scanned to the end."""
    from corpus.readers import read_bytes
    from corpus.readers.markdown_syntax import INLINE

    flood = "*_`[" * 2000
    [article] = read_bytes(flood.encode(), "p.md", suffix=".md")
    assert article.text.strip("\n") and set(article.text) <= set("*_`[\x00\n")
    long_code = "`" + "代" * (INLINE + 5) + "`"
    [article] = read_bytes(long_code.encode(), "c.md", suffix=".md")
    assert article.text == long_code
