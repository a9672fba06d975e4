"""Hand-annotated gold written inline: ``{德州市纪委监委|ORG}召开会议``.

A span is ``{text|LABEL}``; spans nest (``{{德州市|LOC}审计局|ORG}``); ``LABEL?`` marks a
span the guidelines leave optional (a place inside an organisation's name, the place
before a post): a suggestion equal to it is neither right nor wrong, and missing it is no
miss.  Braces are not otherwise used in the news text this is written for.
"""

from __future__ import annotations

from dataclasses import dataclass


class GoldSyntaxError(ValueError):
    pass


@dataclass(frozen=True)
class GoldSpan:
    start: int
    end: int
    label: str
    optional: bool = False


def parse(markup: str) -> tuple[str, list[GoldSpan]]:
    """The plain text and its spans (code-point offsets into the plain text)."""
    out: list[str] = []
    spans: list[GoldSpan] = []
    opened: list[int] = []      # plain-text offsets of the open braces
    length, i = 0, 0
    while i < len(markup):
        char = markup[i]
        if char == "{":
            opened.append(length)
        elif char == "|" and opened:
            close = markup.find("}", i)
            if close < 0:
                raise GoldSyntaxError(f"span at {opened[-1]} is not closed")
            label = markup[i + 1:close].strip()
            start = opened.pop()
            optional = label.endswith("?")
            label = label.rstrip("?")
            if not label or start == length:
                raise GoldSyntaxError(f"empty label or text at offset {start}")
            spans.append(GoldSpan(start, length, label, optional))
            i = close
        elif char == "}":
            raise GoldSyntaxError(f"unexpected '}}' after offset {length}")
        else:
            out.append(char)
            length += 1
        i += 1
    if opened:
        raise GoldSyntaxError(f"span at {opened[-1]} is not closed")
    return "".join(out), sorted(spans, key=lambda s: (s.start, -s.end, s.label))
