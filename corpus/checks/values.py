"""METRIC spans whose value cannot be read (``metric-value``): neither the metric
suggester's parser (corpus/suggest/metrics.py) nor the plain numeral parser
(numerals.py) reads a number from the span's text (五型 marked as a metric, 两成)."""

from __future__ import annotations

from functools import lru_cache

from corpus.checks.model import Finding, Mark, finding
from corpus.suggest.metrics import MetricSuggester
from corpus.suggest.numerals import number

METRIC_VALUE = "metric-value"
_PARSER = MetricSuggester(dates=True)


@lru_cache(maxsize=65536)
def readable(text: str) -> bool:
    """Whether a metric's value can be read from ``text``."""
    if _PARSER.suggest(text):
        return True
    try:
        number(text.strip())
    except (ValueError, KeyError, IndexError, ArithmeticError):
        return False
    return True


def metric_findings(marks: list[Mark], metric_labels: frozenset[str]) -> list[Finding]:
    return [finding(METRIC_VALUE, mark, f"no value can be read from {mark.text}", None)
            for mark in marks if mark.label in metric_labels
            and not readable(mark.text)]
