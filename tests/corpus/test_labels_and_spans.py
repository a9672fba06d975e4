import orjson
import pytest

from corpus.document import Document
from corpus.formats import doccano
from corpus.labels import Kind, Label, LabelScheme, SchemeError
from corpus.span import Span, SpanError, check_span, trim_whitespace


def test_default_scheme_is_the_shipped_data_file():
    scheme = LabelScheme.default()
    assert [label.name for label in scheme] == ["PER", "ORG", "LOC", "POST", "METRIC", "SLOGAN"]
    assert scheme.get("PER").display == "人名"
    assert scheme.get("METRIC").kind is Kind.METRIC
    assert scheme.get("SLOGAN").kind is Kind.SLOGAN
    assert all(label.description and label.hotkey for label in scheme)
    assert scheme.by_hotkey("2").name == "ORG"


@pytest.mark.parametrize("bad", [
    {"name": "PER", "display": "人名", "kind": "entity", "color": "red"},
    {"name": "人名", "display": "人名", "kind": "entity", "color": "#ff0000"},
    {"name": "PER", "display": "人名", "kind": "thing", "color": "#ff0000"},
    {"name": "PER", "display": "人名", "kind": "entity", "color": "#ff0000", "hotkey": "ab"},
])
def test_bad_labels_are_refused(bad):
    with pytest.raises(SchemeError):
        Label.from_dict(bad)


def test_scheme_refuses_duplicate_hotkeys():
    a = Label("A", "甲", Kind.ENTITY, "#000000", "1")
    b = Label("B", "乙", Kind.ENTITY, "#000000", "1")
    with pytest.raises(SchemeError):
        LabelScheme([a, b])


def test_check_span():
    assert check_span("𠮷野家😀平原县", 3, 5) == "😀平"
    with pytest.raises(SpanError):
        check_span("abc", 2, 4)
    with pytest.raises(SpanError):
        check_span("abc", 1, 1)
    with pytest.raises(SpanError):
        check_span("abc", 0, 2, covered="ac")


def test_trim_whitespace():
    assert trim_whitespace(" 德州 \n", 0, 5) == (1, 3)
    assert trim_whitespace("   ", 0, 3)[0] == trim_whitespace("   ", 0, 3)[1]


def test_doccano_record_uses_code_points_and_checks_every_span():
    document = Document(7, "t", "𠮷野家😀平原县", "", "", {"file": "a.txt"}, "h")
    rec = doccano.record(document, [Span(7, 3, 5, "ORG", "😀平")])
    line = orjson.loads(orjson.dumps(rec))
    start, end, label = line["label"][0]
    assert line["text"][start:end] == "😀平" and label == "ORG"
    assert line["meta"]["offset_unit"] == "codepoint"
    with pytest.raises(doccano.ExportError):
        doccano.record(document, [Span(7, 3, 5, "ORG", "野家")])
