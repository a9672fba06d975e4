"""Label all occurrences: every other place a labelled string occurs becomes a suggestion."""

from __future__ import annotations

from corpus.suggest.model import Suggestion

SOURCE = "occurrences"


def find_occurrences(text: str, needle: str) -> list[int]:
    """Start offsets of every (non-overlapping) occurrence of ``needle`` in ``text``."""
    starts, position = [], text.find(needle)
    while needle and position >= 0:
        starts.append(position)
        position = text.find(needle, position + len(needle))
    return starts


def occurrence_suggestions(text: str, needle: str, label: str,
                           skip: set[tuple[int, int]] = frozenset()) -> list[Suggestion]:
    """Suggestions of ``label`` at every occurrence of ``needle`` not in ``skip``
    (the ranges already labelled)."""
    return [Suggestion(start, start + len(needle), label, SOURCE, needle)
            for start in find_occurrences(text, needle)
            if (start, start + len(needle)) not in skip]
