"""A span's attributes: a JSON object of plain values (text, number, true/false, empty).

The metric suggester (corpus/suggest/metrics.py) fills a METRIC span's ``value``,
``unit``, ``scale``, ``approximation`` and ``percent`` (and ``rank``, ``value_max``,
``kind``); the span panel shows those keys on every metric, filled or not, and any
other key the annotator adds.  What is typed into the panel is read back by
:func:`parse_value`: a number key takes a number, ``percent`` true/false, the others
text; a free key's value is a number or true/false when it reads as one, else text.
"""

from __future__ import annotations

import math
import re

#: The keys the metric suggester writes, in the order the panel shows them.
METRIC_KEYS = ("value", "unit", "scale", "approximation", "percent")
NUMBER_KEYS = frozenset({"value", "value_max", "rank"})
BOOLEAN_KEYS = frozenset({"percent"})
TEXT_KEYS = frozenset({"unit", "scale", "approximation", "kind"})
APPROXIMATIONS = ("≥", "≈", "<", "≤", ">")
TRUE, FALSE = ("true", "yes", "是", "1"), ("false", "no", "否", "0")
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
KEY_LIMIT = 64


class BadAttribute(ValueError):
    """An attribute key or value that cannot be stored."""


def format_value(value) -> str:
    """How a stored value is shown for editing."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)


def parse_value(key: str, text: str):
    """The stored value for ``text`` typed as ``key``'s value; raises BadAttribute."""
    text = text.strip()
    if not text:
        return False if key in BOOLEAN_KEYS else None
    if key in BOOLEAN_KEYS:
        return _boolean(text, key)
    if key in NUMBER_KEYS:
        number = _number(text)
        if number is None:
            raise BadAttribute(f"{key} must be a number, not {text!r}")
        return number
    if key in TEXT_KEYS:
        return text
    lowered = text.lower()
    if lowered in ("true", "false"):
        return lowered == "true"
    number = _number(text)
    return text if number is None else number


def _boolean(text: str, key: str) -> bool:
    lowered = text.lower()
    if lowered in TRUE:
        return True
    if lowered in FALSE:
        return False
    raise BadAttribute(f"{key} must be true or false, not {text!r}")


def _number(text: str) -> int | float | None:
    cleaned = text.replace(",", "").replace("，", "")
    if not _NUMBER.match(cleaned):
        return None
    if re.fullmatch(r"[+-]?\d+", cleaned):
        return int(cleaned)
    number = float(cleaned)
    return number if math.isfinite(number) else None


def check_key(key: str) -> str:
    key = key.strip()
    if not key:
        raise BadAttribute("an attribute needs a name")
    if len(key) > KEY_LIMIT:
        raise BadAttribute(f"an attribute name is at most {KEY_LIMIT} characters")
    return key


def check_attributes(attributes) -> None:
    """Refuse what is not an object of plain values with non-empty text keys."""
    if not isinstance(attributes, dict):
        raise BadAttribute("attributes must be an object")
    for key, value in attributes.items():
        if not isinstance(key, str):
            raise BadAttribute("an attribute name must be text")
        check_key(key)
        if value is not None and not isinstance(value, (str, int, float, bool)):
            raise BadAttribute(f"attribute {key}: a value must be text, a number, "
                                  "true/false or empty")
        if isinstance(value, float) and not math.isfinite(value):
            raise BadAttribute(f"attribute {key}: {value} is not a number")


def shown_keys(attributes: dict, metric: bool) -> list[str]:
    """The keys the panel lists: a metric's keys first (even when unset), then the rest."""
    keys = list(METRIC_KEYS) if metric else []
    return keys + [key for key in attributes if key not in keys]
