"""Annotation guidelines: the written standard annotators follow (Markdown).

Hanmark ships one per interface language (``resources/guidelines/en.md``,
``zh_CN.md``); a project may carry its own, which then wins (see
storage.guidelines).  A label's section is the level-2 heading that starts with the
label's name (``## ORG — organisation``), so a scheme's label links to its rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.resources import resource_path

LANGUAGES = ("en", "zh_CN")
_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")


@dataclass(frozen=True)
class Section:
    level: int
    title: str
    line: int       # 0-based line of the heading in the Markdown


def bundled(language: str) -> str:
    """The shipped guidelines in ``language`` (English for any language not shipped)."""
    name = language if language in LANGUAGES else "zh_CN" if language.startswith("zh") else "en"
    return resource_path("guidelines", f"{name}.md").read_text(encoding="utf-8")


def sections(markdown: str) -> list[Section]:
    """The headings of ``markdown``, outside fenced code blocks."""
    out, fenced = [], False
    for number, line in enumerate(markdown.splitlines()):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
            continue
        match = None if fenced else _HEADING.match(line)
        if match:
            out.append(Section(len(match.group(1)), match.group(2), number))
    return out


def section_of_label(markdown: str, label: str) -> Section | None:
    """The section whose heading names ``label`` first (``ORG``, ``ORG — …``, ``ORG:``)."""
    pattern = re.compile(rf"^{re.escape(label)}(?![A-Za-z0-9_])", re.IGNORECASE)
    return next((s for s in sections(markdown) if pattern.match(s.title)), None)
