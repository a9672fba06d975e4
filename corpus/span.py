"""Spans: labelled ranges [start, end) of a document, in code points."""

from __future__ import annotations

from dataclasses import dataclass, field


class SpanError(ValueError):
    """A span that does not fit its document."""


@dataclass(frozen=True)
class Span:
    document_id: int
    start: int
    end: int
    label: str
    text: str
    annotator: str = ""
    origin: str = "manual"
    attributes: dict = field(default_factory=dict)
    note: str = ""
    id: int | None = None
    created_at: str = ""
    updated_at: str = ""
    uid: str = ""        # the same span in every project file of a team (split, merge)

    @property
    def length(self) -> int:
        return self.end - self.start


def check_span(text: str, start: int, end: int, covered: str | None = None) -> str:
    """Return ``text[start:end]`` or raise :class:`SpanError` if the span cannot stand.

    ``covered`` is the text the caller believes the span covers; when given it
    must equal the document's text at those offsets.
    """
    if not (isinstance(start, int) and isinstance(end, int)):
        raise SpanError(f"offsets must be integers, got {start!r}, {end!r}")
    if not 0 <= start < end <= len(text):
        raise SpanError(f"span [{start}, {end}) lies outside the text (length {len(text)})")
    actual = text[start:end]
    if covered is not None and covered != actual:
        raise SpanError(f"span [{start}, {end}) covers {actual!r}, not {covered!r}")
    return actual


def trim_whitespace(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) so that it neither starts nor ends with white space."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
