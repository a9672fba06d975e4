"""What the span panel's attribute table turns typed text into."""

import pytest

from corpus.attributes import (BadAttribute, check_attributes, format_value, parse_value,
                               shown_keys)


@pytest.mark.parametrize("key, text, value", [
    ("value", "1500", 1500), ("value", "0.8672", 0.8672), ("value", "93,500", 93500),
    ("value", "", None), ("unit", "场次", "场次"), ("unit", "10", "10"),
    ("percent", "true", True), ("percent", "否", False), ("percent", "", False),
    ("approximation", "≥", "≥"), ("indicator", "疫苗接种率", "疫苗接种率"),
    ("count", "12", 12), ("checked", "TRUE", True), ("free", "  ", None),
])
def test_typed_text_becomes_the_value_its_key_takes(key, text, value):
    assert parse_value(key, text) == value
    assert type(parse_value(key, text)) is type(value)


@pytest.mark.parametrize("key, text", [("value", "一千五"), ("percent", "maybe"),
                                       ("rank", "第3")])
def test_a_value_of_the_wrong_kind_is_refused(key, text):
    with pytest.raises(BadAttribute):
        parse_value(key, text)


def test_values_are_shown_as_typed_back():
    for value in (1500, 0.8672, True, False, "场次", None, 93500.0):
        shown = format_value(value)
        assert parse_value("free", shown) == (value if value is not None else None) or \
            (value == 93500.0 and parse_value("free", shown) == 93500)


def test_a_metric_lists_its_keys_first_even_when_unset():
    assert shown_keys({"indicator": "x", "unit": "张"}, metric=True) == [
        "value", "unit", "scale", "approximation", "percent", "indicator"]
    assert shown_keys({"b": 1}, metric=False) == ["b"]


def test_check_attributes():
    check_attributes({"value": 1, "unit": None, "percent": False, "x": "y"})
    for bad in ([], {"k": [1]}, {1: "a"}, {" ": 1}):
        with pytest.raises(BadAttribute):
            check_attributes(bad)
