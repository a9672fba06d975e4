"""What a reader hands to cleaning: one article as found in a file, before cleaning."""

from __future__ import annotations

from dataclasses import dataclass, field

from corpus.text.textmap import TextMap


@dataclass
class RawArticle:
    """One article found in a file (a whole file, or one record of a CSV/JSONL/JSON file).

    ``raw`` is the decoded source, kept in the project for audit.  ``text`` is what
    the reader left after removing the container's markup (HTML tags, front matter,
    a docx's XML) and nothing else; ``text_map`` maps it back into ``raw``.
    """

    name: str                 # "a.txt", "feed.jsonl#12" (line), "table.csv#3" (row)
    raw: str
    text: str
    text_map: TextMap
    format: str               # text | markdown | html | docx | csv | tsv | jsonl | json
    encoding: str = ""        # as detected or forced: utf-8, utf-8-sig, utf-16, gb18030, big5 …
    meta: dict = field(default_factory=dict)  # from the container: front matter, <title>, columns


@dataclass(frozen=True)
class ImportFailure:
    """A file or record that cannot become a document, and why (shown to the user)."""

    name: str
    reason: str
    skipped: bool = False   # not an error: a file of a kind Hanmark does not read
