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
#: One-character administrative units: after a name they make a place (苏留庄 + 镇), before a
#: post they are part of it (镇 + 党委书记).
UNITS = frozenset("省市县区镇乡村")
_PLACE_AFTER = frozenset(("街道", "社区"))
#: The units of a town or a village, which follow their county (延川县 + 文安驿镇 + 梁家河村).
_TOWN_UNITS = ("街道", "社区", "镇", "乡", "村")
_DETERMINERS = frozenset("各全本该每我外")
#: Words a town's name cannot hold (punctuation, particles, verbs, numbers).
_NOT_IN_TOWN = frozenset(("x", "uj", "ul", "uz", "u", "p", "c", "v", "vn", "m", "q", "d", "f",
                          "t", "post", "nt"))
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
    if text[start] not in known.firsts:
        return []
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


def join_units(rules: str, words: list[Word], places: set[tuple[int, int]]) -> list[Word]:
    """新湖 + 街道, 苏留庄 + 镇, 西江 + 镇: a name before an administrative unit is one place
    word (and a place of its own, beside the divisions: 花石乡 大湾村 are two); after a place,
    the pieces jieba cuts a town or village into are one too (田阳区 + 那 + 坡 + 镇, 延川县 +
    文安 + 驿镇 + 梁家 + 河村)."""
    out: list[Word] = []
    for start, end, kind in words:
        if out and end - start <= 2 and (rules[start:end] in _PLACE_AFTER or (
                end - start == 1 and rules[start:end] in UNITS)):
            name_start, name_end, name_kind = out[-1]
            if name_kind in ("ns", "nr", "nz", "n", "ng") and 2 <= name_end - name_start <= 3 \
                    and name_end == start and rules[name_end - 1] not in UNITS:
                out[-1] = (name_start, end, "ns")       # 黄山 (黄山市) + 街道 too
                places.discard((name_start, name_end))
                places.add((name_start, end))
                continue
        out.append((start, end, kind))
        _town_after_place(rules, out, places)
    return out


def _town_after_place(rules: str, out: list[Word], places: set[tuple[int, int]]) -> None:
    """If the last words of ``out`` are a town's pieces right after a place, join them."""
    end = out[-1][1]
    if not rules.endswith(_TOWN_UNITS, 0, end) or rules.endswith(("农村", "乡村"), 0, end):
        return
    for n in (1, 2, 3):                         # the town's pieces: one to three words
        if len(out) <= n or (out[-n - 1][0], out[-n - 1][1]) not in places:
            continue
        pieces = out[-n:]
        start = pieces[0][0]
        unit = next(u for u in _TOWN_UNITS if rules.endswith(u, 0, end))
        if not 2 <= end - len(unit) - start <= 4 or rules[start] in _DETERMINERS \
                or any(kind in _NOT_IN_TOWN for _s, _e, kind in pieces) \
                or out[-n - 1][1] != start or (start, end) in places:
            continue
        out[-n:] = [(start, end, "ns")]
        places.difference_update((s, e) for s, e, _k in pieces)
        places.add((start, end))
        return
