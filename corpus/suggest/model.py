"""What every suggester returns, and the shape every suggester has."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol


@dataclass(frozen=True)
class Suggestion:
    """A proposed span, not yet accepted: offsets in code points, end-exclusive."""

    start: int
    end: int
    label: str                 # METRIC, SLOGAN, PER, ORG, LOC, POST …
    source: str                # the suggester: metrics, slogans, entities, gazetteer, model
    text: str                  # text[start:end]
    score: float = 1.0         # rule suggesters: 1.0; the model: its probability
    attributes: dict = field(default_factory=dict)  # typed values (metrics: value, unit …)


class Suggester(Protocol):
    name: str

    def suggest(self, text: str) -> list[Suggestion]:
        """Suggestions for one document text, sorted by (start, end)."""
        ...
