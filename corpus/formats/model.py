"""What every format reads and writes: documents with spans, in code points, end-exclusive.

Writers take a :class:`~corpus.document.Document` and a list of :class:`FormatSpan`
(or anything with the same attributes, such as :class:`corpus.span.Span`).
Readers yield an :class:`Annotated` per record, or a :class:`RecordFailure`
that names the record and says what is wrong with it; a reader never raises
for bad input, so the good records of a file import.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from corpus.relations import FormatRelation
from corpus.span import SpanError, check_span

OFFSET_UNITS = ("codepoint", "utf16")
TAG_SCHEMES = ("bio", "bioes", "bmes")


class ExportError(ValueError):
    """A span that would be exported wrong, or spans a flat format cannot hold; the export stops."""


class FormatError(ValueError):
    """A whole file that cannot be read in the chosen format (one line: why)."""


class FormatSpan(NamedTuple):
    """A labelled range [start, end) in code points; ``text`` is what it covers, when known."""

    start: int
    end: int
    label: str
    text: str = ""
    attributes: dict | None = None
    note: str = ""


@dataclass
class Annotated:
    """One document read from an annotated file: its text, spans and metadata."""

    name: str                      # "file.jsonl:3", "brat/doc-1.ann": where it came from
    text: str
    spans: list[FormatSpan] = field(default_factory=list)
    title: str = ""
    meta: dict = field(default_factory=dict)
    statuses: dict[str, str] = field(default_factory=dict)  # annotator → status
    rejected: list[tuple[str, str]] = field(default_factory=list)  # (span as written, why)
    notes: list[str] = field(default_factory=list)   # what the report should say of the record
    relations: list[FormatRelation] = field(default_factory=list)  # between its spans


@dataclass(frozen=True)
class RecordFailure:
    """A record that cannot be imported, and why."""

    name: str
    reason: str


@dataclass(frozen=True)
class WriteOptions:
    """Options a writer may use; each format ignores what it does not need."""

    labels: tuple[str, ...] = ()         # the scheme's labels, in order (tag ids, configs)
    tags: str = "bio"                    # bio | bioes | bmes (conll, wordbio, hf)
    offsets: str = "codepoint"           # codepoint | utf16 (doccano)
    entities: bool = False               # doccano: the entities/relations form
    sentences: bool = False              # conll: split sentences after 。！？
    metadata: bool = True                # include title, source, meta, status
    attributes: bool = True              # span attributes and notes, the document's note
    predictions: bool = False            # labelstudio: pre-annotations instead of annotations
    tokens: object = None                # wordbio: callable text → [(start, end)]
    unaligned: str = "expand"            # wordbio: expand | skip spans not on token bounds
    relation_types: tuple = ()           # the scheme's RelationTypes (brat's annotation.conf)


@dataclass(frozen=True)
class ReadOptions:
    offsets: str | None = None           # doccano: None = declared in the record, else utf16


def kind(value) -> str:
    """A JSON value's type in words: "object", "list", "string", "number" …"""
    if value is None:
        return "null"
    return {dict: "object", list: "list", str: "string", int: "number", float: "number",
            bool: "true/false"}.get(type(value), type(value).__name__)


def a_kind(value) -> str:
    """:func:`kind` with its article: "an object", "a list", "a number" …"""
    word = kind(value)
    return ("an " if word[0] in "aeiou" else "a ") + word


def written(raw) -> str:
    """A span as the file wrote it, short enough for a report line."""
    try:
        text = repr(raw)
    except (ValueError, RecursionError):
        text = f"<{type(raw).__name__}>"
    return text if len(text) <= 120 else text[:117] + "..."


def span_key(span) -> tuple[int, int, str]:
    """How a relation names its end: (start, end, label)."""
    return (span.start, span.end, span.label)


def relation_ids(spans: list, relations, first_id: int = 1):
    """Number ``spans`` from ``first_id`` (in their order) and yield ``(relation, from id,
    to id)`` for each relation both of whose ends are among them; ``left_out`` counts
    the others."""
    ids = {}
    for index, span in enumerate(spans):
        ids.setdefault(span_key(span), first_id + index)
    out, left_out = [], 0
    for relation in relations:
        ends = ids.get(tuple(relation.source)), ids.get(tuple(relation.target))
        if None in ends:
            left_out += 1
        else:
            out.append((relation, *ends))
    return out, left_out


def split_spans(record: Annotated) -> Annotated:
    """The record with each span that does not fit its text moved to ``rejected``."""
    kept = []
    for span in record.spans:
        try:
            check_span(record.text, span.start, span.end, span.text or None)
        except SpanError as error:
            record.rejected.append((written([span.start, span.end, span.label]), str(error)))
        else:
            kept.append(span)
    record.spans = kept
    return record


def check_spans(record: Annotated, limit: int = 3) -> str:
    """Why the record's spans do not fit its text ("" when they all do)."""
    problems = []
    for span in record.spans:
        try:
            check_span(record.text, span.start, span.end, span.text or None)
        except SpanError as error:
            problems.append(f"{span.label} {error}")
    if not problems:
        return ""
    more = f" (and {len(problems) - limit} more)" if len(problems) > limit else ""
    return "; ".join(problems[:limit]) + more


def document_meta(document, meta: dict | None) -> dict:
    """A document's metadata for an export: title, source, its own meta, then ``meta``."""
    merged = {"title": document.title, "source": document.source, **document.meta}
    merged.update(meta or {})
    return merged

