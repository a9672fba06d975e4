"""A project's suggestion settings: which suggesters run, whether dates count as metrics,
the slogan dictionary and the gazetteer (strings suggested wherever they occur)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from corpus.suggest.project_gazetteer import GAZETTEER, GazetteerSuggester  # noqa: F401


@dataclass
class SuggestSettings:
    enabled: list[str] = field(default_factory=lambda: ["metrics", "slogans", "entities",
                                                        GAZETTEER])
    dates_are_metrics: bool = False
    slogans: list[str] = field(default_factory=list)       # the project's slogan dictionary
    gazetteer: dict[str, str] = field(default_factory=dict)  # text → label

    @classmethod
    def from_dict(cls, data: dict) -> "SuggestSettings":
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**known)

    def to_dict(self) -> dict:
        return asdict(self)


def rule_suggesters(settings: SuggestSettings, known_slogans: list[str] = (),
                    known_entities: dict[str, str] | None = None) -> list:
    """The fast suggesters the settings switch on, configured by them; ``known_slogans``
    (the project's, see Project.known_slogans) are suggested where they recur unquoted, and
    ``known_entities`` (Project.known_entities) with the gazetteer wherever they occur."""
    from corpus.suggest.metrics import MetricSuggester
    from corpus.suggest.slogans import SloganSuggester

    out = []
    if "metrics" in settings.enabled:
        out.append(MetricSuggester(dates=settings.dates_are_metrics))
    if "slogans" in settings.enabled:
        out.append(SloganSuggester(settings.slogans or None, known=known_slogans))
    if GAZETTEER in settings.enabled and (settings.gazetteer or known_entities):
        out.append(GazetteerSuggester(settings.gazetteer, known_entities))
    return out
