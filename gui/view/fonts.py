"""CJK fonts chosen explicitly per platform, and only among those installed
(Qt's fallback may pick SimSun or Japanese glyph shapes)."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

PREFERRED = (
    "Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB",
    "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Noto Sans SC",
)
DEFAULT_POINT_SIZE = 13


def cjk_families() -> list[str]:
    installed = set(QFontDatabase.families())
    return [family for family in PREFERRED if family in installed]


def text_font(point_size: int = 0) -> QFont:
    font = QFont()
    families = cjk_families()
    if families:
        font.setFamilies(families)
    font.setPointSize(point_size or DEFAULT_POINT_SIZE)
    return font
