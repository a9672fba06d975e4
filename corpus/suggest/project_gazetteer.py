"""The project's own gazetteer: names the project lists per label (its suggestion settings,
``hanmark gazetteer``) and the entities its annotators have marked (Project.known_entities),
suggested wherever they occur.

Matching reads the Simplified shadow of both the text and the names, so 旺苍县 listed once is
found in 旺蒼縣 too (the spans are cut from the document's own text, same offsets).  At each
place the longest name wins and names do not overlap (德州市审计局 listed as ORG and 德州 as
LOC: 德州市审计局 is one ORG, not a LOC inside it); a listed name's label wins over a marked
entity's; marked posts are left to the entity rules.
"""

from __future__ import annotations

from corpus.suggest.model import Suggestion
from corpus.suggest.posts import TITLES
from corpus.text.shadow import simplified_shadow

GAZETTEER = "gazetteer"
_TITLE_ENDS = tuple(TITLES)
ENTITY_LABELS = ("PER", "ORG", "LOC", "POST")


class GazetteerSuggester:
    """Every occurrence of every listed or known name, with its label."""

    name = GAZETTEER

    def __init__(self, entries: dict[str, str], known: dict[str, str] | None = None) -> None:
        self.entries = dict(entries)
        names = {simplified_shadow(text): label
                 for text, label in suggested_known(known or {}).items()}
        names.update({simplified_shadow(text): label for text, label in self.entries.items()
                      if text})
        self._by_first: dict[str, list[tuple[str, str]]] = {}
        for needle, label in sorted(names.items(), key=lambda item: -len(item[0])):
            self._by_first.setdefault(needle[0], []).append((needle, label))

    def suggest(self, text: str) -> list[Suggestion]:
        shadow = simplified_shadow(text)
        found, at = [], 0
        while at < len(shadow):
            match = next(((needle, label) for needle, label in self._by_first.get(shadow[at], ())
                          if shadow.startswith(needle, at)), None)
            if match is None:
                at += 1
                continue
            end = at + len(match[0])
            found.append(Suggestion(at, end, match[1], GAZETTEER, text[at:end]))
            at = end
        return found


def suggested_known(known: dict[str, str]) -> dict[str, str]:
    """The marked entities the gazetteer suggests: two characters or more, and no post (书记,
    县委书记): a post's extent depends on what precedes it (平原县委 + 书记), so it is no name
    to find anywhere; the entity rules find it."""
    return {text: label for text, label in known.items()
            if len(text) >= 2 and not simplified_shadow(text).endswith(_TITLE_ENDS)}


def parse_list(lines: list[str], default_label: str | None = None) -> dict[str, str]:
    """Names from a file of ``LABEL<tab>NAME`` (or ``LABEL,NAME``) lines, or of bare names
    when ``default_label`` is given; blank lines and ``#`` comments are skipped.  Raises
    ValueError naming the first bad line."""
    out: dict[str, str] = {}
    for number, raw in enumerate(lines, 1):
        line = raw.strip().lstrip("\ufeff")
        if not line or line.startswith("#"):
            continue
        parts = [p.strip() for p in (line.split("\t") if "\t" in line else line.split(",", 1))]
        if len(parts) == 2 and parts[0] and parts[1]:
            label, name = parts
        elif default_label and len(parts) == 1:
            label, name = default_label, parts[0]
        else:
            raise ValueError(f"line {number}: expected LABEL<tab>NAME, got {line[:40]!r}")
        out[name] = label
    return out
