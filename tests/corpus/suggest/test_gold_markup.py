"""The inline gold markup of benchmarks/gold/ ({text|LABEL}), and the gold articles it holds:
every span is its text, labels are the scheme's, the sets keep their sizes (the guidelines'
test needs at least eight untouched articles)."""

from pathlib import Path

import pytest

from corpus.labels import LabelScheme
from corpus.suggest.gold import GoldSpan, GoldSyntaxError, parse

GOLD = Path(__file__).resolve().parents[3] / "benchmarks" / "gold"


def test_nested_and_optional_spans():
    text, spans = parse("{{德州市|LOC?}审计局|ORG}召开{3次|METRIC}会议")
    assert text == "德州市审计局召开3次会议"
    assert spans == [GoldSpan(0, 6, "ORG"), GoldSpan(0, 3, "LOC", True),
                     GoldSpan(8, 10, "METRIC")]


@pytest.mark.parametrize("bad", ["{未闭合|ORG", "多余}的括号", "{|ORG}", "{文字|}"])
def test_bad_markup_is_refused(bad):
    with pytest.raises(GoldSyntaxError):
        parse(bad)


def test_the_gold_articles_are_well_formed():
    labels = {label.name for label in LabelScheme.default()}
    sizes = {}
    for folder in ("dev", "test"):
        files = sorted((GOLD / folder).glob("*.txt"))
        sizes[folder] = len(files)
        for file in files:
            text, spans = parse(file.read_text(encoding="utf-8"))
            assert "{" not in text and "|" not in text and "}" not in text, file.name
            assert spans and {s.label for s in spans} <= labels, file.name
            assert all(0 <= s.start < s.end <= len(text) for s in spans), file.name
    assert sizes["test"] >= 8 and sizes["dev"] >= 15
