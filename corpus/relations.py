"""Relations: labelled links from one span to another, and the relation types of a scheme.

A relation type has a name (what files carry), a display text in Chinese and in
English, a colour, and the (from-label, to-label) pairs it may link; an empty list
of pairs allows any pair (a type met in an imported file).  The scheme file
(``hanmark labels export``) carries the types under ``"relation_types"`` in the
form of :meth:`RelationType.to_dict`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
NAME_LIMIT = 64


class RelationError(ValueError):
    """A relation or relation type that cannot stand."""


def check_type_name(name) -> str:
    """A relation type's name: a non-empty string of at most 64 characters on one line."""
    if not isinstance(name, str) or not name.strip():
        raise RelationError("a relation type needs a name")
    if len(name) > NAME_LIMIT or any(c in name for c in "\t\r\n") or name != name.strip():
        raise RelationError(f"relation type {name[:80]!r}: a name is one line of at most "
                            f"{NAME_LIMIT} characters without spaces at its ends")
    return name


@dataclass(frozen=True)
class RelationType:
    name: str
    display: str                                  # Chinese
    color: str
    pairs: tuple[tuple[str, str], ...] = ()       # (from label, to label); () allows any
    display_en: str = ""
    id: int | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        check_type_name(self.name)
        if not _COLOUR.match(self.color or ""):
            raise RelationError(f"relation type {self.name}: colour {self.color!r} is not "
                                "#rrggbb")
        pairs = tuple((str(a), str(b)) for a, b in self.pairs)
        object.__setattr__(self, "pairs", pairs)
        object.__setattr__(self, "display", self.display or self.name)

    def allows(self, from_label: str, to_label: str) -> bool:
        return not self.pairs or (from_label, to_label) in self.pairs

    def shown(self, english: bool = False) -> str:
        """The display text for the interface language (drawn on an arc): in English the
        English one, else the name; as ``Label.shown``."""
        return (self.display_en or self.name) if english else self.display

    short = shown       # the name the arcs used first

    @classmethod
    def from_dict(cls, data: dict) -> "RelationType":
        if not isinstance(data, dict):
            raise RelationError("a relation type is an object with name, display, color, pairs")
        try:
            pairs = data.get("pairs") or []
            if not all(isinstance(p, (list, tuple)) and len(p) == 2 for p in pairs):
                raise RelationError(f"relation type {data.get('name')!r}: pairs are "
                                    "[from label, to label] lists")
            return cls(name=data["name"], display=data.get("display") or data["name"],
                       color=data.get("color") or "#555555", pairs=tuple(map(tuple, pairs)),
                       display_en=data.get("display_en") or "", id=data.get("id"))
        except KeyError as missing:
            raise RelationError(f"relation type is missing {missing}") from None
        except TypeError:
            raise RelationError("a relation type's fields have the wrong types") from None

    def to_dict(self) -> dict:
        return {"name": self.name, "display": self.display, "display_en": self.display_en,
                "color": self.color, "pairs": [list(p) for p in self.pairs]}


def _expand(sources: tuple[str, ...], targets: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    return tuple((a, b) for a in sources for b in targets)


# The defaults that fit this corpus (migration m009 stores the same three).
DEFAULT_TYPES = (
    RelationType("INDICATOR_OF", "指标归属", "#8c510a",
                 _expand(("METRIC",), ("ORG", "LOC", "PER")), "indicator of"),
    RelationType("HOLDS", "任职", "#54278f", _expand(("PER",), ("POST",)), "holds post"),
    RelationType("PROPOSES", "提出", "#c51b7d", _expand(("ORG", "PER"), ("SLOGAN",)),
                 "puts forward"),
)


def default_types() -> list[RelationType]:
    return list(DEFAULT_TYPES)


def types_to_json(types) -> list[dict]:
    """Relation types as a scheme file's ``"relation_types"``."""
    return [t.to_dict() for t in types]


def types_from_json(items) -> list[RelationType]:
    """A scheme file's ``"relation_types"`` (names unique), or RelationError."""
    if not isinstance(items, list):
        raise RelationError("\"relation_types\" is a list of objects")
    types = [RelationType.from_dict(item) for item in items]
    names = [t.name for t in types]
    if len(set(names)) != len(names):
        raise RelationError("relation type names must be unique")
    return types


@dataclass(frozen=True)
class Relation:
    """A stored relation of one annotator's layer: from span → to span."""
    document_id: int
    from_span_id: int
    to_span_id: int
    type: str
    annotator: str = ""
    note: str = ""
    attributes: dict = field(default_factory=dict)
    id: int | None = None
    uid: str = ""
    created_at: str = ""


SpanKey = tuple[int, int, str]      # (start, end, label): a span in a file, code points


class FormatRelation(NamedTuple):
    """A relation as files carry it: its ends are spans of the same record by range and
    label."""
    source: SpanKey
    target: SpanKey
    type: str
    note: str = ""
    attributes: dict | None = None
