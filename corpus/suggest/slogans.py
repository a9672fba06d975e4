"""Slogan suggestions (SLOGAN 口号/提法): quoted formulas, numeric formulas, echoes, dictionary.

Four rules, all compiled regular expressions run with ``finditer`` (no per-character loops):

* **quote** — quoted campaign phrases of any length that are neither reported speech nor
  names, titles or ordinary words in scare quotes (corpus.suggest.slogan_quotes).
* **numeric** — numeric formulas anywhere in the text (六看六比, 三统筹三扩大四创建, 三个一批,
  11710机制, 1+N; corpus.suggest.slogan_formulas); a quoted numeral-initial phrase (五型,
  五零, 零差错) or digit code (11710, 5S) is numeric too.
* **echo** — a phrase the document quotes as a slogan, or one the project already has as a
  slogan (``known``: its annotators' SLOGAN spans and the slogans its other documents quote,
  see ``echoing``), is
  a slogan wherever else it occurs unquoted (a headline or lead: 拉高标杆争一流 …
  “拉高标杆争一流”), if it is at least ``ECHO_MIN`` characters long (a two-character quote is
  too often an ordinary word), and unless it starts with a count (“三大攻坚战”: unquoted, 三大
  is a METRIC). The items of a quoted list recur in a headline apart, with
  spaces between them (强作风 优环境 争一流 … “强作风、优环境、争一流”): each item is a span.
* **dictionary** — every occurrence of a phrase of the project's slogan dictionary.

Overlapping candidates are resolved per cluster: quoted before unquoted, then longer before
shorter, then earlier. Every suggestion has ``attributes = {"quoted": bool, "pattern": ...}``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from corpus.text.shadow import simplified_shadow
from corpus.suggest.model import Suggestion
from corpus.suggest.slogan_formulas import NUMERALS, STOP_TERMS, numeric_formulas
from corpus.suggest.slogan_quotes import quoted_slogans

LABEL = "SLOGAN"
SOURCE = "slogans"
ECHO_MIN = 3

# Unquoted, a numeral with 大/项/条 counts the things after it (guidelines: “十大工程” is a
# slogan, 十大工程 a METRIC 十大): such quoted slogans do not echo.
_COUNTED = re.compile("[" + NUMERALS + "0-9]{1,3}[大项条]")
_ITEM_SEPARATOR = r"[ \u3000·•]+"  # 强作风 优环境 争一流: a headline's list of items


class SloganSuggester:
    """SLOGAN suggestions from quotation marks, numeric formulas and a slogan dictionary."""

    name = "slogans"

    def __init__(self, dictionary: Iterable[str] | None = None, *,
                 stop_terms: Iterable[str] = (), known: Iterable[str] = ()) -> None:
        phrases = sorted({simplified_shadow(p.strip()) for p in (dictionary or ())
                          if p and p.strip()},
                         key=lambda p: (-len(p), p))
        self.dictionary = frozenset(phrases)
        self._dictionary_re = _alternation(self.dictionary)
        self.stop_terms = STOP_TERMS | frozenset(simplified_shadow(t) for t in stop_terms)
        # Slogans the project already has (its annotators' SLOGAN spans) echo wherever they
        # occur, like the document's own quoted slogans; compiled once, like the dictionary
        # (a project may know thousands).
        self._known_re = _alternation({p for p in map(simplified_shadow, known)
                                       if len(p) >= ECHO_MIN and not _COUNTED.match(p)})

    # -- candidates: (start, end, quoted, pattern) -------------------------------------------

    def _echoes(self, text: str, quoted: list[tuple[int, int, bool, str]]
                ) -> list[tuple[int, int, bool, str]]:
        """Unquoted occurrences of the phrases quoted as slogans here, and of the project's
        known slogans (see the module docstring)."""
        at_quotes = {s for s, _e, _q, _p in quoted}
        phrases = _echo_phrases(text, quoted)
        found = set()
        for pattern in (_alternation(phrases), self._known_re):
            if pattern is not None:
                found.update((m.start(), m.end(), False, "echo") for m in pattern.finditer(text)
                             if m.start() not in at_quotes)
        for pattern in _item_runs(phrases):
            for m in pattern.finditer(text):
                found.update((m.start(i), m.end(i), False, "echo")
                             for i in range(1, pattern.groups + 1))
        return sorted(found)

    def echoing(self, text: str) -> set[str]:
        """The phrases ``text`` quotes as slogans that echo elsewhere (Simplified): a
        corpus's run collects them from every document first, and passes them on as
        ``known``, so a slogan quoted in one article is suggested where another has it
        unquoted (the guidelines: headline slogans quoted elsewhere in the corpus)."""
        rules = simplified_shadow(text)
        return _echo_phrases(rules, quoted_slogans(rules, self.dictionary, self.stop_terms))

    def _dictionary(self, text: str) -> list[tuple[int, int, bool, str]]:
        if self._dictionary_re is None:
            return []
        return [(m.start(), m.end(), False, "dictionary") for m in self._dictionary_re.finditer(text)]

    # -- the Suggester protocol ----------------------------------------------------------------

    def suggest(self, text: str) -> list[Suggestion]:
        """The slogans of ``text``, found in its Simplified shadow (corpus.text.shadow: the rules
        are written in one script) and cut from ``text`` itself."""
        rules = simplified_shadow(text)
        quoted = quoted_slogans(rules, self.dictionary, self.stop_terms)
        candidates = quoted + self._echoes(rules, quoted) \
            + numeric_formulas(rules, self.stop_terms) + self._dictionary(rules)
        if not candidates:
            return []
        candidates.sort()
        chosen: list[tuple[int, int, bool, str]] = []
        cluster: list[tuple[int, int, bool, str]] = []
        cluster_end = -1
        for cand in candidates:
            if cand[0] >= cluster_end and cluster:
                chosen.extend(_resolve(cluster))
                cluster = []
            cluster.append(cand)
            cluster_end = max(cluster_end, cand[1]) if len(cluster) > 1 else cand[1]
        chosen.extend(_resolve(cluster))
        chosen.sort()
        return [Suggestion(start, end, LABEL, SOURCE, text[start:end],
                           attributes={"quoted": quoted, "pattern": pattern})
                for start, end, quoted, pattern in chosen]


def _echo_phrases(text: str, quoted: list[tuple[int, int, bool, str]]) -> set[str]:
    return {text[s:e] for s, e, _q, _p in quoted
            if e - s >= ECHO_MIN and not _COUNTED.match(text, s)}


def _alternation(phrases: set[str]) -> re.Pattern[str] | None:
    """One expression matching any of ``phrases``, longest first; None for none."""
    if not phrases:
        return None
    return re.compile("|".join(map(re.escape, sorted(phrases, key=lambda p: (-len(p), p)))))


def _item_runs(phrases: set[str]) -> list[re.Pattern[str]]:
    """For each quoted list of items (“强作风、优环境、争一流”), an expression of the same items
    apart with spaces between them, one group per item."""
    out = []
    for phrase in phrases:
        items = re.split(r"[、，,]", phrase)
        if len(items) > 1 and all(len(item) >= 2 for item in items):
            out.append(re.compile(_ITEM_SEPARATOR.join(f"({re.escape(i)})" for i in items)))
    return out


_PATTERN_RANK = {"dictionary": 0, "numeric": 1, "quote": 2, "echo": 3}


def _resolve(cluster: list[tuple[int, int, bool, str]]) -> list[tuple[int, int, bool, str]]:
    """Non-overlapping candidates of one cluster: quoted, then longer, then earlier wins."""
    if len(cluster) == 1:
        return cluster
    # The same span from several rules: keep one, quoted if any is, the most specific pattern.
    merged: dict[tuple[int, int], tuple[int, int, bool, str]] = {}
    for start, end, quoted, pattern in cluster:
        old = merged.get((start, end))
        if old is not None:
            quoted = quoted or old[2]
            if _PATTERN_RANK[old[3]] < _PATTERN_RANK[pattern]:
                pattern = old[3]
        merged[(start, end)] = (start, end, quoted, pattern)
    ranked = sorted(merged.values(), key=lambda c: (not c[2], c[0] - c[1], c[0]))
    kept: list[tuple[int, int, bool, str]] = []
    for cand in ranked:
        if all(cand[1] <= k[0] or cand[0] >= k[1] for k in kept):
            kept.append(cand)
    return kept
