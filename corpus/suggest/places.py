"""Places from the administrative divisions (corpus.suggest.divisions) in jieba's words.

jieba does not know most counties (陵 + 城区, 会泽 tagged n), and glues a chain of them
into one word (河南省南阳市西峡县).  Here the words are re-cut so that every division name
is one word tagged ``ns``; the entity rules then make it a LOC, or the place prefix of an
ORG (西峡县 + 农业农村局).  A full name is taken where it starts at a word's start and a
chain of full names ends at a word's end (陵 + 城区 → 陵城区; not 新华区 in 新华 + 区域).
A short form (旺苍 for 旺苍县) collides with ordinary words (凤凰, 和平, 朝阳), so it is taken
only with context: it is a whole word (or two) and jieba tags it ns, it names a province
(四川), the document writes the full name elsewhere (会泽县 … 会泽将), or an organisation or
a post follows (夏津 + 县委).  All of it reads the Simplified shadow.
"""

from __future__ import annotations

from corpus.suggest.divisions import Divisions, divisions

Word = tuple[int, int, str]
#: Words after a short form that make it a place: its own unit's bodies (夏津 + 县委).
_UNIT_START = tuple("省市县区州")


def mark_places(text: str, words: list[Word], known: Divisions | None = None
                ) -> tuple[list[Word], set[tuple[int, int]]]:
    """``words`` with each division name re-cut into one ``ns`` word, and the ranges of
    those names."""
    known = known if known is not None else divisions()
    if not known.full:
        return words, set()
    ends = {end for _start, end, _kind in words}
    out: list[Word] = []
    places: set[tuple[int, int]] = set()
    i = 0
    while i < len(words):
        chain = _full_chain(text, words[i], ends, known)
        if chain:
            out += [(s, e, "ns") for s, e in chain]
            places.update(chain)
            while i < len(words) and words[i][1] <= chain[-1][1]:
                i += 1
        else:
            out.append(words[i])
            i += 1
    stems = {known.stem.get(text[s:e], "") for s, e in places}
    return _short_forms(text, out, places, stems, known), places


def _full_chain(text: str, word: Word, ends: set[int], known: Divisions
                ) -> list[tuple[int, int]]:
    """The full names from ``word``'s start to a word's end (河南省 + 南阳市 + 西峡县)."""
    start, end, kind = word
    if end - start == 2 and kind == "ns" and text[start:end] in known.full:
        return [(start, end)]                   # 泾县, 单县: only as jieba's own word
    chain, at = [], start
    while True:
        size = next((n for n in range(min(known.longest, len(text) - at), 2, -1)
                     if text[at:at + n] in known.full), 0)
        if not size:
            return []
        chain.append((at, at + size))
        at += size
        if at in ends:
            return chain


def _short_forms(text: str, words: list[Word], places: set[tuple[int, int]],
                 stems: set[str], known: Divisions) -> list[Word]:
    out: list[Word] = []
    i = 0
    while i < len(words):
        taken = 0
        for n in (1, 2):                        # a whole word, or two (旺 + 苍)
            if i + n > len(words) or (words[i][0], words[i][1]) in places:
                break
            start, end = words[i][0], words[i + n - 1][1]
            after = words[i + n] if i + n < len(words) else None
            if _short_place(text, start, end, words[i][2] if n == 1 else "", after, stems,
                            known):
                taken = n
        if taken:
            start, end = words[i][0], words[i + taken - 1][1]
            out.append((start, end, "ns"))
            places.add((start, end))
            i += taken
        else:
            out.append(words[i])
            i += 1
    return out


def _short_place(text: str, start: int, end: int, kind: str, after: Word | None,
                 stems: set[str], known: Divisions) -> bool:
    stem = text[start:end]
    if stem not in known.short:
        return False
    if kind == "ns" or stem in known.provinces or stem in stems or known.short[stem] in text:
        return True
    return after is not None and after[0] == end and (
        after[2] in ("nt", "post") and text[after[0]:after[1]].startswith(_UNIT_START))
