"""Pinyin damage left by scraper sites: glosses appended to characters, characters lost to ``?``.

Some sites append the pinyin of (Traditional) characters in parentheses, and their
encoding round-trips lose some characters, leaving only ``?`` and the pinyin::

    時(shí)間      → 時間        an artefact: the gloss is dropped, the character kept
    按照?qǐng)    → 按照\\ufffd   a lost character: one damage marker, never a guess

A parenthesis (ASCII or full-width) is an artefact only when it holds exactly one
lowercase pinyin syllable *with a tone mark* and directly follows a letter or digit
(CJK or not: seed 004 has ``謾C(jī)``, a gloss whose character was mangled).
``(正月十六)``, ``(WTO)``, ``(a)``, ``(一)`` never qualify.
Because a real article may gloss a rare character
(``莜(yóu)面``), glosses are only dropped from a text that carries at least
:data:`MIN_ARTEFACTS` of them, or at least one lost character — the signature of
the damaging site.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.text.textmap import TextMap

# U+FFFD REPLACEMENT CHARACTER: what the annotator sees for a lost character
DAMAGE_MARKER = "\ufffd"
# Fewer glosses than this (and no lost character) are taken as real glosses.
MIN_ARTEFACTS = 3

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_PLAIN = "aaaaeeeeiiiioooouuuuüüüünnnm"
_STRIP_TONES = str.maketrans(_TONED, _PLAIN)
_LETTER = f"[a-zêü{_TONED}]"

# Each pattern starts with a literal, so the regex engine skips to it fast.
_LOST = re.compile(rf"\?({_LETTER}{{1,6}})\)")
# A gloss directly follows a letter or digit ([^\W_] is str.isalnum) and holds a
# tone mark; the regex says so itself, so only the syllable check is left per match.
# The literal comes first, then the lookbehind checks the character before it.
_TONE_AHEAD = rf"(?=[a-zêü]*[{_TONED}])"
_GLOSS = rf"\((?<=[^\W_]\(){_TONE_AHEAD}({_LETTER}{{1,6}})\)"
_WIDE_GLOSS = rf"（(?<=[^\W_]（){_TONE_AHEAD}({_LETTER}{{1,6}})）"
# All three in one, for re.split: each match is one lead character, a syllable and
# one closing character, and its three groups say which kind it is.
_ANY = re.compile("|".join((_LOST.pattern, _GLOSS, _WIDE_GLOSS)))
# Alone, each skips ahead to its literal far faster than the alternation does:
# they tell quickly whether a text has anything to remove at all.
_EACH = tuple(re.compile(pattern) for pattern in (_GLOSS, _WIDE_GLOSS))

# The syllable grammar, loose on purpose: it only has to tell pinyin from words,
# abbreviations and list markers, not to validate Mandarin phonotactics.
_SYLLABLE = re.compile(
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:a(?:i|n|ng|o)?|e(?:i|n|ng|r)?|ê|o(?:ng|u)?|i(?:a(?:n|ng|o)?|e|n|ng|ong|u)?"
    r"|u(?:a(?:i|n|ng)?|e|i|n|o)?|ü(?:e|an|n)?)"
    r"|[mn]|ng|hm|hng")


@dataclass(frozen=True, slots=True)
class PinyinRepair:
    """What the pinyin pass found in one text."""

    artefacts: int     # glosses dropped
    lost: int          # damage markers emitted


def is_toned_syllable(word: str) -> bool:
    """One pinyin syllable carrying a tone mark: ``shí``, ``lǜ``; not ``de``, ``ok``, ``café``."""
    known = _SEEN.get(word)
    if known is None:
        plain = word.translate(_STRIP_TONES)
        known = plain != word and _SYLLABLE.fullmatch(plain) is not None
        if len(_SEEN) < 4096:       # real pinyin has a few hundred toned syllables
            _SEEN[word] = known
    return known


_SEEN: dict[str, bool] = {}


def might_apply(text: str) -> bool:
    """Cheap test: without a closing parenthesis there is nothing for the pass to do."""
    return ")" in text or "）" in text


def remove_pinyin(text: str) -> tuple[str, TextMap, PinyinRepair]:
    """Drop pinyin glosses and turn lost characters into :data:`DAMAGE_MARKER`.

    Each marker is emitted for its whole source range ``?qǐng)``, so the map
    sends it back to the ``?``; the pinyin stays readable in the raw text.
    """
    if not (_LOST.search(text) or any(pattern.search(text) for pattern in _EACH)):
        return text, TextMap.identity(len(text)), PinyinRepair(0, 0)
    split = _ANY.split(text)
    lost_groups = split[1::4]
    syllables = [lost or ascii_gloss or wide_gloss
                 for lost, ascii_gloss, wide_gloss in zip(lost_groups, split[2::4], split[3::4])]
    if not (all(map(_SEEN.get, syllables)) or all(map(is_toned_syllable, syllables))):
        # rare: "(café)" is no syllable; keep such real glosses
        return _remove_matches(text)
    lost = len(syllables) - lost_groups.count(None)
    if not lost and len(syllables) < MIN_ARTEFACTS:
        return text, TextMap.identity(len(text)), PinyinRepair(0, 0)
    cleaned, tmap = TextMap.from_split(
        split[::4], [len(syllable) + 2 for syllable in syllables],
        ["" if group is None else DAMAGE_MARKER for group in lost_groups])
    return cleaned, tmap, PinyinRepair(len(syllables) - lost, lost)


def _remove_matches(text: str) -> tuple[str, TextMap, PinyinRepair]:
    """:func:`remove_pinyin` match by match, leaving parentheses that hold no syllable."""
    matches = [m for m in _ANY.finditer(text) if is_toned_syllable(m[1] or m[2] or m[3])]
    lost = sum(1 for m in matches if m[1])
    if not lost and len(matches) < MIN_ARTEFACTS:
        return text, TextMap.identity(len(text)), PinyinRepair(0, 0)
    edits = [(m.start(), m.end(), DAMAGE_MARKER if m[1] else "") for m in matches]
    cleaned, tmap = TextMap.from_edits(text, edits)
    return cleaned, tmap, PinyinRepair(len(matches) - lost, lost)


def lost_hint(raw_piece: str) -> str:
    """The pinyin of a lost character from its raw range ``?qǐng)`` (``""`` for anything else)."""
    match = _LOST.fullmatch(raw_piece)
    return match[1] if match else ""
