"""Precision and recall of suggestions against hand-annotated gold: exact matches of
(start, end, label), overall and per label.  Gold may mark regions to ignore (where
the source lost characters and nobody can tell what the span would be): neither gold
spans nor suggestions that overlap them count."""

from __future__ import annotations

from dataclasses import dataclass

Triple = tuple[int, int, str]


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    gold: int
    found: int
    hits: int


def score(gold: set[Triple], found: set[Triple]) -> Score:
    hits = len(gold & found)
    return Score(hits / len(found) if found else 0.0, hits / len(gold) if gold else 0.0,
                 len(gold), len(found), hits)


def outside(spans: set[Triple], ignore: list[tuple[int, int]]) -> set[Triple]:
    return {s for s in spans if not any(s[0] < end and start < s[1] for start, end in ignore)}


def scores(gold: set[Triple], found: set[Triple], ignore: list[tuple[int, int]] = ()
           ) -> dict[str, Score]:
    """``{"all": …, LABEL: …}`` for every label of the gold."""
    gold, found = outside(gold, ignore), outside(found, ignore)
    out = {"all": score(gold, found)}
    for label in sorted({s[2] for s in gold}):
        out[label] = score({s for s in gold if s[2] == label},
                           {s for s in found if s[2] == label})
    return out
