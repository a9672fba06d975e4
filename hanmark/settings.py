"""User settings shared by the GUI and the command line (a small JSON file)."""

from __future__ import annotations

import getpass
import json
import os
from dataclasses import asdict, dataclass, fields

from hanmark import paths

LANGUAGES = ("en", "zh_CN")


@dataclass
class Settings:
    annotator: str = ""
    lang: str = ""  # "" = follow the system
    font_size: int = 0  # 0 = the platform default

    def effective_annotator(self) -> str:
        return self.annotator or default_annotator()


def default_annotator() -> str:
    try:
        return getpass.getuser() or "annotator"
    except (KeyError, OSError):  # no user name in the environment (some containers)
        return "annotator"


def load() -> Settings:
    try:
        data = json.loads(paths.settings_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings()
    known = {f.name for f in fields(Settings)}
    values = {k: v for k, v in data.items() if k in known} if isinstance(data, dict) else {}
    try:
        return Settings(**values)
    except TypeError:
        return Settings()


def save(settings: Settings) -> None:
    target = paths.settings_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.write_text(json.dumps(asdict(settings), ensure_ascii=False, indent=2), "utf-8")
    os.replace(partial, target)
