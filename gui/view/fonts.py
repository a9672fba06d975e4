"""CJK fonts chosen explicitly per platform, and only among those installed: left to
itself, Qt's fallback picks SimSun, or Japanese glyph shapes (Noto Sans CJK JP) under a
non-Chinese locale.  Simplified shapes come first for the interface and the text; a
Traditional document is drawn with Traditional shapes."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

SIMPLIFIED = (
    "Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB",
    "Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans CN", "WenQuanYi Micro Hei",
    "Noto Sans SC",
)
TRADITIONAL = (
    "Microsoft JhengHei UI", "Microsoft JhengHei", "PingFang TC", "Noto Sans CJK TC",
    "Source Han Sans TC", "Source Han Sans TW", "Noto Sans TC", "PingFang HK",
    "Noto Sans CJK HK",
)
PREFERRED = SIMPLIFIED   # the families the interface uses
DEFAULT_POINT_SIZE = 13
INTERFACE_MIN_POINT_SIZE = 10  # legible beside 13 pt text (Qt's Linux default is 9 pt)


def cjk_families(traditional: bool = False) -> list[str]:
    """The installed CJK families in order of preference: Traditional ones first for a
    Traditional document, then the Simplified ones (a glyph missing from one is taken
    from the next, never from Qt's locale-dependent fallback)."""
    installed = set(QFontDatabase.families())
    wanted = (TRADITIONAL + SIMPLIFIED) if traditional else SIMPLIFIED
    return [family for family in wanted if family in installed]


def text_font(point_size: int = 0, traditional: bool = False) -> QFont:
    font = QFont()
    families = cjk_families(traditional)
    if families:
        font.setFamilies(families)
    font.setPointSize(point_size or DEFAULT_POINT_SIZE)
    return font


def apply_interface_font(app: QApplication) -> QFont:
    """Menus, lists and panels in a Simplified CJK family, at least
    INTERFACE_MIN_POINT_SIZE points; returns the font set."""
    font = QFont(app.font())
    families = cjk_families()
    if families:
        font.setFamilies(families)
    if font.pointSize() < INTERFACE_MIN_POINT_SIZE:
        font.setPointSize(INTERFACE_MIN_POINT_SIZE)
    app.setFont(font)
    return font
