"""The token cache and the project's own words (its user dictionary).

Tokens are derived data: a document's cached token ends are used only while
they were computed by the same tokenizer (version and domain dictionary: the
``tokenizer`` key) and the same revision of the project's words.  Adding or
removing a word only invalidates the documents that contain it; the others are
carried forward to the new revision without being tokenized again.
"""

from __future__ import annotations

import sys
from array import array
from pathlib import Path

from sqlite_utils import Database

from storage.connection import transaction


def pack_ends(ends: list[int]) -> bytes:
    packed = array("I", ends)
    if sys.byteorder == "big":  # the file is portable: always little-endian
        packed.byteswap()
    return packed.tobytes()


def unpack_ends(data: bytes) -> list[int]:
    packed = array("I")
    packed.frombytes(data)
    if sys.byteorder == "big":
        packed.byteswap()
    return packed.tolist()


class TokenStore:
    """Mixed into :class:`storage.project.Project`, which provides ``db`` and ``path``."""

    db: Database
    path: Path

    @property
    def words_revision(self) -> int:
        row = self.db.execute(
            "SELECT value FROM project_info WHERE key = 'words_revision'").fetchone()
        return int(row[0]) if row else 0

    def user_words(self) -> list[str]:
        return [row[0] for row in self.db.execute("SELECT word FROM user_words ORDER BY word")]

    def cached_tokens(self, document_id: int, tokenizer: str) -> list[int] | None:
        row = self.db.execute(
            "SELECT ends FROM tokens WHERE document_id = ? AND tokenizer = ? "
            "AND words_revision = ?", [document_id, tokenizer, self.words_revision]).fetchone()
        return unpack_ends(row[0]) if row else None

    def store_tokens(self, document_id: int, tokenizer: str, ends: list[int],
                     revision: int) -> None:
        """Cache tokens computed at words ``revision`` (a stale revision is not stored)."""
        with transaction(self.db, self.path):
            if revision != self.words_revision:
                return
            self.db.execute(
                "INSERT OR REPLACE INTO tokens (document_id, tokenizer, words_revision, ends) "
                "VALUES (?, ?, ?, ?)", [document_id, tokenizer, revision, pack_ends(ends)])

    def change_word(self, word: str, add: bool) -> list[int]:
        """Add or remove a user word; returns the documents that contain it, whose tokens
        must be computed again.  Every other document keeps its cached tokens."""
        with transaction(self.db, self.path):
            old = self.words_revision
            if add:
                self.db.execute("INSERT OR IGNORE INTO user_words (word) VALUES (?)", [word])
            else:
                self.db.execute("DELETE FROM user_words WHERE word = ?", [word])
            self.db.execute("UPDATE project_info SET value = ? WHERE key = 'words_revision'",
                            [str(old + 1)])
            affected = [row[0] for row in self.db.execute(
                "SELECT id FROM documents WHERE instr(text, ?) > 0", [word])]
            for table in ("tokens", "pos_tags"):  # part-of-speech tags are cached alike
                self.db.execute(
                    f"UPDATE {table} SET words_revision = ? WHERE words_revision = ? AND "
                    "document_id NOT IN (SELECT id FROM documents WHERE instr(text, ?) > 0)",
                    [old + 1, old, word])
        return affected
