"""Colours as WCAG 2 measures them: relative luminance, contrast ratio, and the text
colour (black or white) that reads on a label's colour.

Black or white always reaches 4.5:1 (AA for normal text) on an opaque colour: the two
contrasts are equal at a luminance of about 0.18, where both are 4.58.
"""

from __future__ import annotations

from functools import lru_cache

BLACK, WHITE = "#000000", "#ffffff"
AA = 4.5


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    """WCAG 2 relative luminance of ``#rrggbb``."""
    value = colour.lstrip("#")
    r, g, b = (int(value[i:i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast(a: str, b: str) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@lru_cache(maxsize=256)
def text_colour(background: str) -> str:
    """Black or white, whichever contrasts more with ``background``."""
    return BLACK if contrast(background, BLACK) >= contrast(background, WHITE) else WHITE
