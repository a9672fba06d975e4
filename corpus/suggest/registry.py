"""The suggesters Hanmark knows, by name (what ``--suggesters`` and the project settings use)."""

from __future__ import annotations

import importlib

from corpus.suggest.model import Suggester

# name → (module, class); imported when first asked for
KNOWN = {
    "metrics": ("corpus.suggest.metrics", "MetricSuggester"),
    "slogans": ("corpus.suggest.slogans", "SloganSuggester"),
    "entities": ("corpus.suggest.entities", "EntitySuggester"),
}
NEEDS_TOKENIZER = {"entities"}  # jieba's tagger: slow, so it runs where the tokenizer runs
RULES = tuple(name for name in KNOWN if name not in NEEDS_TOKENIZER)


class UnknownSuggester(ValueError):
    pass


def make(name: str, tokenizer=None) -> Suggester:
    try:
        module, cls = KNOWN[name]
    except KeyError:
        raise UnknownSuggester(
            f"no suggester {name!r}; available: {', '.join(KNOWN)}") from None
    factory = getattr(importlib.import_module(module), cls)
    if name in NEEDS_TOKENIZER:
        if tokenizer is None:
            raise UnknownSuggester(f"the {name} suggester needs a tokenizer")
        return factory(tokenizer)
    return factory()
