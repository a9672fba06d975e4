"""Suggesters: pure functions from a document's text to proposed spans (Suggestions)."""

from corpus.suggest.model import Suggester, Suggestion

__all__ = ["Suggester", "Suggestion"]
