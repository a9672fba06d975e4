"""Documents and per-annotator status."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cached_property
from enum import Enum

from corpus.text.textmap import TextMap


class Status(str, Enum):
    TODO = "todo"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    SKIPPED = "skipped"


@dataclass(frozen=True)
class NewDocument:
    """What an importer produces: cleaned text, the raw input and metadata."""

    text: str
    title: str
    raw_text: str = ""
    source: str = ""
    meta: dict = field(default_factory=dict)
    raw_map: TextMap | None = None  # text → raw_text; None means identical texts
    copy: int = 1                   # the n-th record of this text kept (--keep-duplicates)

    @cached_property
    def content_hash(self) -> str:
        return content_hash(self.text, self.copy)


@dataclass(frozen=True)
class Document:
    """A stored document: its text never changes after import."""

    id: int
    title: str
    text: str
    raw_text: str
    source: str
    meta: dict
    content_hash: str


@dataclass(frozen=True)
class DocumentSummary:
    """One row of the document list: no text, cheap to load for the whole project."""

    id: int
    title: str
    status: Status
    span_count: int
    length: int


def content_hash(text: str, copy: int = 1) -> str:
    """SHA-256 of the text; the 2nd, 3rd … copy kept of one text gets ``#2``, ``#3`` …

    A text's first copy has the plain hash in every project file, so a document is
    the same document wherever its hash is; the n-th copy is the same n-th copy in
    every project that kept repeated records (a repeated import adds no more).
    """
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return digest if copy == 1 else f"{digest}#{copy}"
