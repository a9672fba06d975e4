"""Where the source lost or garbled characters: the damage list a document carries.

Cleaning never guesses a lost character; it leaves a marker (or the garble as
found) and lists each place here, with its raw offset, for the view to draw and
the info panel to count.  Kinds: ``lost`` (``?`` + pinyin, now
:data:`~corpus.text.pinyin.DAMAGE_MARKER`), ``undecodable`` (a U+FFFD in the input),
``private_use`` (kept as is) and ``garbled`` (a wrong-encoding round trip).
"""

from __future__ import annotations

import re

from corpus.text.pinyin import DAMAGE_MARKER, lost_hint
from corpus.text.textmap import TextMap

_DAMAGE = re.compile(f"[{DAMAGE_MARKER}\ue000-\uf8ff]")
# What a misaligned GBK round trip leaves between Chinese characters: "??" (with the
# ASCII letter the next byte became: ??h委), "?" before ASCII ";" or ",", and "@"
# glued to a character (谶@, 檫@).  A single "?" before a character is often a plain
# question mark (问题?德州), so it is not taken as damage.
_CJK = "\u3400-\u9fff\uf900-\ufaff"
# Each alternative starts with its literal, so the scan skips ahead to "?" and "@";
# an "@" run also takes the character before it (found by the lookbehind).
_GARBLED = re.compile(rf"\?\?+[A-Za-z]?(?=[{_CJK}])|\?(?<=[{_CJK}]\?)(?=[;,])"
                      rf"|@(?<=[{_CJK}]@)(?=[{_CJK}])")


def find_damage(text: str, raw: str, raw_map: TextMap, private_use: bool = True) -> list[dict]:
    """Every place where the source lost or garbled characters, in text order.

    ``kind`` is ``lost`` (a ``?`` + pinyin, now :data:`DAMAGE_MARKER`; ``hint`` is the
    pinyin), ``undecodable`` (a U+FFFD already in the input), ``private_use`` (a
    private-use character, kept as is: seed 002 writes decimal points as U+E010) or
    ``garbled`` (characters a misaligned GBK round trip turned into ASCII: ``??h委``,
    ``檫@里``; one entry per character, ``hint`` the whole run, the text kept as it is).
    """
    damage = _markers(text, raw, raw_map) if DAMAGE_MARKER in text or (
        private_use and _DAMAGE.search(text)) else []
    if "?" in text or "@" in text:
        damage += _garbled(text, raw_map)
        damage.sort(key=lambda entry: entry["offset"])
    return damage


def _markers(text: str, raw: str, raw_map: TextMap) -> list[dict]:
    damage = []
    for match in _DAMAGE.finditer(text):
        offset = match.start()
        raw_start, raw_end = raw_map.source_range(offset, offset + 1)
        if match.group() == DAMAGE_MARKER:
            hint = lost_hint(raw[raw_start:raw_end])
            kind = "lost" if hint else "undecodable"
        else:
            hint, kind = "", "private_use"
        damage.append({"offset": offset, "hint": hint, "raw_offset": raw_start, "kind": kind})
    return damage


def _garbled(text: str, raw_map: TextMap) -> list[dict]:
    runs = [(m.start() - (m.group() == "@"), m.end()) for m in _GARBLED.finditer(text)]
    return [{"offset": offset, "hint": text[start:end], "raw_offset": raw_map.to_source(offset),
             "kind": "garbled"} for start, end in runs for offset in range(start, end)]
