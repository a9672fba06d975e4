"""The suggesters Hanmark knows, by name (what ``--suggesters`` and the project settings use)."""

from __future__ import annotations

import importlib

from corpus.suggest.model import Suggester

# name → (module, class); imported when first asked for
KNOWN = {
    "metrics": ("corpus.suggest.metrics", "MetricSuggester"),
    "slogans": ("corpus.suggest.slogans", "SloganSuggester"),
}


class UnknownSuggester(ValueError):
    pass


def make(name: str) -> Suggester:
    try:
        module, cls = KNOWN[name]
    except KeyError:
        raise UnknownSuggester(
            f"no suggester {name!r}; available: {', '.join(KNOWN)}") from None
    return getattr(importlib.import_module(module), cls)()
