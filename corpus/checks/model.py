"""What the consistency checks read and what they report.

A check reads :class:`CheckDocument` values (a document's text, metadata and the
spans of the layers looked at) and returns :class:`Finding` values: which check,
where (document, start, end: code points, end-exclusive), the text there, a sentence
saying what is wrong, and, where the remedy is obvious, a :class:`Fix`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple


class Mark(NamedTuple):
    """One stored span, as the checks need it (a light tuple: a project has 100,000s)."""

    id: int | None
    document: int
    start: int
    end: int
    label: str
    annotator: str
    text: str


@dataclass
class CheckDocument:
    id: int
    text: str
    meta: dict
    marks: list[Mark]                       # every layer looked at, in (start, end) order
    covered_by: frozenset[str] = frozenset()  # annotators who cover it (misses count there)


@dataclass(frozen=True)
class Fix:
    """The obvious remedy: ``relabel`` the span to ``label``, ``add`` a span of ``label``
    at [start, end), ``trim`` the span to [start, end), or ``delete`` it (a duplicate)."""

    action: str
    label: str | None = None
    start: int | None = None
    end: int | None = None

    def to_json(self) -> dict:
        out: dict = {"action": self.action}
        if self.label is not None:
            out["label"] = self.label
        if self.start is not None:
            out["start"], out["end"] = self.start, self.end
        return out


@dataclass(frozen=True)
class Finding:
    check: str
    document: int
    start: int
    end: int
    text: str
    details: str
    annotator: str = ""
    label: str = ""                 # the span's label ('' for a place without a span)
    span_id: int | None = None
    fix: Fix | None = None
    facts: dict = field(default_factory=dict, compare=False)   # the figures in details

    def to_json(self) -> dict:
        return {"check": self.check, "document": self.document, "start": self.start,
                "end": self.end, "text": self.text, "details": self.details,
                "annotator": self.annotator, "label": self.label, "span": self.span_id,
                "fix": self.fix.to_json() if self.fix else None}


def finding(check: str, mark: Mark, details: str, fix: Fix | None = None, **facts) -> Finding:
    """A finding about one span."""
    return Finding(check, mark.document, mark.start, mark.end, mark.text, details,
                   mark.annotator, mark.label, mark.id, fix, facts)


def by_layer(marks: list[Mark]) -> dict[str, list[Mark]]:
    out: dict[str, list[Mark]] = {}
    for mark in marks:
        out.setdefault(mark.annotator, []).append(mark)
    return out
