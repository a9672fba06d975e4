"""Plain text: the text is the raw text, character for character.

Nothing is changed here — not even line breaks or a trailing newline: the
cleaning passes do that, each with its own recorded map.
"""

from __future__ import annotations

from corpus.article import RawArticle
from corpus.text.textmap import TextMap


def read_text(raw: str, name: str, encoding: str) -> RawArticle:
    return RawArticle(name=name, raw=raw, text=raw, text_map=TextMap.identity(len(raw)),
                      format="text", encoding=encoding)
