"""Token boundaries for the checks, without tokenizing whole documents.

A document's cached token ends are used when the project has them.  Otherwise only
the stretch around the offset in question is tokenized: jieba cuts a text into
blocks of word characters (:data:`WORD`) and segments each block on its own,
so tokenizing the one block that holds an offset gives the tokens a whole-text run
would give there.  Between two characters that are not both word characters there
is always a boundary, and nothing needs tokenizing at all.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable

# jieba's re_han_default, [\u4E00-\u9FD5a-zA-Z0-9+#&._%-], as a set
WORD = frozenset(chr(c) for c in range(0x4E00, 0x9FD6)) | frozenset(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+#&._%-")

Tokenize = Callable[[str], list[int]]       # text → token ends (Tokenizer.token_ends)


class DocumentTokens:
    """Where the tokens of one text begin and end: ``ends`` (any ascending sequence,
    e.g. the cache's array) when known, else ``tokenize`` is asked for the block around
    an offset (None: unknown inside a block)."""

    def __init__(self, text: str, ends, tokenize: Tokenize | None,
                 shared: dict[str, list[int]] | None = None) -> None:
        self.text = text
        self.ends = ends
        self.tokenize = tokenize
        self._blocks: dict[int, list[int]] = {}       # block start → its bounds
        self.shared = {} if shared is None else shared  # block text → its token ends

    def token_at(self, offset: int) -> tuple[int, int] | None:
        """The token that ``offset`` lies strictly inside, or None at a boundary (or when
        that cannot be told)."""
        text = self.text
        if offset <= 0 or offset >= len(text):
            return None
        if text[offset - 1] not in WORD or text[offset] not in WORD:
            return None                 # jieba never joins across a non-word character
        if self.ends is not None:             # cached: bisect the ends themselves
            ends = self.ends
            i = bisect_left(ends, offset)
            if i >= len(ends) or ends[i] == offset:
                return None
            return (ends[i - 1] if i else 0), ends[i]
        bounds = self._bounds_near(offset)
        if bounds is None:
            return None
        i = bisect_left(bounds, offset)
        if i < len(bounds) and bounds[i] == offset:
            return None
        return bounds[i - 1], bounds[i]

    def is_boundary(self, offset: int) -> bool | None:
        """True at a token boundary, False inside a token, None when unknown."""
        text = self.text
        if offset <= 0 or offset >= len(text) or text[offset - 1] not in WORD \
                or text[offset] not in WORD:
            return True
        if self.ends is None and self.tokenize is None:
            return None
        return self.token_at(offset) is None

    def _bounds_near(self, offset: int) -> list[int] | None:
        if self.tokenize is None:
            return None
        start, end = offset, offset
        text = self.text
        while start > 0 and text[start - 1] in WORD:
            start -= 1
        while end < len(text) and text[end] in WORD:
            end += 1
        bounds = self._blocks.get(start)
        if bounds is None:
            block = text[start:end]
            ends = self.shared.get(block)
            if ends is None:
                ends = self.shared[block] = self.tokenize(block)
            bounds = self._blocks[start] = [start, *(start + e for e in ends)]
        return bounds



def plausible_cut(text: str, token: tuple[int, int], offset: int,
                  is_word: Callable[[str], bool]) -> bool:
    """Whether cutting ``token`` at ``offset`` follows a word inside it, as jieba's
    fine-grained (search) mode would: 德州|市 (德州 is a word), 平原|县委; not 书|记."""
    start, end = token
    for length in range(2, end - start):
        if offset - length >= start and is_word(text[offset - length:offset]):
            return True
        if offset + length <= end and is_word(text[offset:offset + length]):
            return True
    return False
