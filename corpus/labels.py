"""Labels and the label scheme a project owns."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from corpus.resources import resource_path

_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_\-]{0,31}$")


class Kind(str, Enum):
    ENTITY = "entity"
    METRIC = "metric"
    SLOGAN = "slogan"


class SchemeError(ValueError):
    """A label scheme file or label that cannot be used."""


@dataclass(frozen=True)
class Label:
    name: str
    display: str
    kind: Kind
    color: str
    hotkey: str = ""
    description: str = ""
    display_en: str = ""     # the display text in an English interface ('' = display)
    id: int | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        if not _NAME.match(self.name):
            raise SchemeError(f"label name {self.name!r} must be letters, digits, _ or -")
        if not _COLOUR.match(self.color):
            raise SchemeError(f"label {self.name}: colour {self.color!r} is not #rrggbb")
        if len(self.hotkey) > 1:
            raise SchemeError(f"label {self.name}: hotkey {self.hotkey!r} must be one key")
        object.__setattr__(self, "kind", Kind(self.kind))

    @classmethod
    def from_dict(cls, data: dict) -> "Label":
        try:
            return cls(
                name=data["name"],
                display=data.get("display") or data["name"],
                kind=Kind(data["kind"]),
                color=data["color"],
                hotkey=data.get("hotkey") or "",
                description=data.get("description") or "",
                display_en=data.get("display_en") or "",
                id=data.get("id"),
            )
        except KeyError as missing:
            raise SchemeError(f"label is missing {missing}") from None
        except ValueError as bad:
            raise SchemeError(str(bad)) from None

    def to_dict(self) -> dict:
        return {
            "name": self.name,
            "display": self.display,
            "kind": self.kind.value,
            "color": self.color,
            "hotkey": self.hotkey,
            "description": self.description,
            "display_en": self.display_en,
        }

    def shown(self, english: bool = False) -> str:
        """The display text for the interface language: in English the English one, else
        the name (Latin, where the Chinese display text would not be read)."""
        return (self.display_en or self.name) if english else (self.display or self.name)


class LabelScheme:
    """An ordered set of labels with unique names and unique hotkeys."""

    def __init__(self, labels: list[Label]) -> None:
        self._labels = list(labels)
        self._by_name = {label.name: label for label in self._labels}
        if len(self._by_name) != len(self._labels):
            raise SchemeError("label names must be unique")
        keys = [label.hotkey for label in self._labels if label.hotkey]
        if len(set(keys)) != len(keys):
            raise SchemeError("label hotkeys must be unique")

    def __iter__(self):
        return iter(self._labels)

    def __len__(self) -> int:
        return len(self._labels)

    def __contains__(self, name: str) -> bool:
        return name in self._by_name

    def get(self, name: str) -> Label:
        try:
            return self._by_name[name]
        except KeyError:
            raise SchemeError(f"unknown label {name!r}") from None

    def by_hotkey(self, key: str) -> Label | None:
        return next((label for label in self._labels if label.hotkey == key), None)

    @classmethod
    def from_json(cls, path: Path) -> "LabelScheme":
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as error:
            raise SchemeError(f"cannot read label scheme {path.name}: {error}") from None
        return cls([Label.from_dict(item) for item in data.get("labels", [])])

    @classmethod
    def default(cls) -> "LabelScheme":
        return cls.from_json(resource_path("labels", "default.json"))
