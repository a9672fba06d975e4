"""The part-of-speech cache: jieba's tagger runs at about 3,000 characters/s, so its
``(start, end, flag)`` words are kept per document, like tokens, under the tokenizer
key (version and domain dictionary) and the revision of the project's words.

The words are contiguous, so they are stored as packed ends and space-separated flags.
"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

from sqlite_utils import Database

from storage.connection import transaction
from storage.tokens import pack_ends, unpack_ends

Tags = list[tuple[int, int, str]]


class PosStore:
    """Mixed into :class:`storage.project.Project` (``db``, ``path``, ``readonly``,
    ``words_revision``, ``text_of``)."""

    db: Database
    path: Path
    readonly: bool

    def cached_pos(self, document_id: int, tokenizer: str) -> Tags | None:
        if "pos_tags" not in self.db.table_names():  # an older project opened read-only
            return None
        row = self.db.execute(
            "SELECT ends, flags FROM pos_tags WHERE document_id = ? AND tokenizer = ? "
            "AND words_revision = ?", [document_id, tokenizer, self.words_revision]).fetchone()
        if row is None:
            return None
        ends = unpack_ends(row[0])
        return list(zip([0, *ends[:-1]], ends, row[1].split(" ")))

    def store_pos(self, document_id: int, tokenizer: str, tags: Tags, revision: int) -> None:
        """Cache tags computed at words ``revision`` (a stale revision is not stored)."""
        if any(a[1] != b[0] for a, b in pairwise(tags)) or (tags and tags[0][0] != 0):
            raise ValueError("part-of-speech words must cover the text one after another")
        with transaction(self.db, self.path):
            if revision != self.words_revision:
                return
            self.db.execute(
                "INSERT OR REPLACE INTO pos_tags (document_id, tokenizer, words_revision, "
                "ends, flags) VALUES (?, ?, ?, ?, ?)",
                [document_id, tokenizer, revision, pack_ends([e for _s, e, _f in tags]),
                 " ".join(flag for _s, _e, flag in tags)])

    def pos_tags(self, document_id: int, tokenizer) -> Tags:
        """The document's tags: from the cache, else from ``tokenizer`` (anything with
        ``key`` and ``pos(text)``), then cached unless the project is open read-only."""
        cached = self.cached_pos(document_id, tokenizer.key)
        if cached is not None:
            return cached
        revision = self.words_revision
        tags = tokenizer.pos(self.text_of(document_id))
        if not self.readonly:
            self.store_pos(document_id, tokenizer.key, tags, revision)
        return tags
