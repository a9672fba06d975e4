"""brat fragments: spans cut at every kind of line break, exact bounds kept by empty pieces."""

import pytest

from corpus.document import Document
from corpus.formats import brat
from corpus.formats.model import FormatSpan, WriteOptions

TEXT = "ab\ncd\r\nef\u2028g\th"


@pytest.mark.parametrize("start,end,expected", [
    (0, 2, [(0, 2)]),
    (0, 5, [(0, 2), (3, 5)]),
    (2, 5, [(2, 2), (3, 5)]),                   # starts with a break
    (0, 3, [(0, 2), (3, 3)]),                   # ends with one
    (5, 7, [(5, 5), (7, 7)]),                   # is only a break (\r\n)
    (0, 13, [(0, 2), (3, 5), (7, 9), (10, 13)]),  # \n, \r\n and U+2028 inside
])
def test_fragments(start, end, expected):
    assert brat.fragments(TEXT, start, end) == expected


def test_written_spans_read_back_exactly(tmp_path):
    spans = [FormatSpan(s, e, "LOC", TEXT[s:e]) for s, e in
             [(2, 5), (0, 3), (5, 7), (0, 13), (11, 13), (9, 10)]]
    writer = brat.Writer(tmp_path / "out", WriteOptions(labels=("LOC",)))
    writer.write(Document(1, "t", TEXT, "", "", {}, "h"), spans, {})
    writer.close()
    ann = (tmp_path / "out" / "doc-000001.ann").read_bytes().decode()
    assert ann.count("\n") == len(spans) and "\r" not in ann and "\u2028" not in ann
    (record,) = brat.read(tmp_path / "out")
    assert [(s.start, s.end) for s in record.spans] == [(s.start, s.end) for s in spans]
    assert record.text == TEXT
