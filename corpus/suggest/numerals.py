"""Numbers as written in Chinese news: Arabic, full-width and Chinese numerals.

Arabic and full-width digits are parsed exactly (``Decimal``); Chinese numerals
(三, 两, 十一, 一千五百, 九点三五, 二〇二一, 兩萬) go to cn2an, the maintained
library for them, so no numeral grammar is hand-rolled here.  Only the thin
glue cn2an lacks is ours: a bare leading scale (千亿, 万 → 一千亿, 一万) and the
Arabic number with a Chinese scale (9.35万).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from functools import lru_cache

import cn2an

# Full-width digits and signs → ASCII, so one parser serves both.
_FULL_WIDTH = str.maketrans("０１２３４５６７８９．％／，", "0123456789.%/,")

SCALES = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "萬": 10_000,
          "亿": 100_000_000, "億": 100_000_000}

CHINESE_DIGITS = frozenset("半零〇一二两兩三四五六七八九十拾百佰千仟万萬亿億壹贰貳叁參肆伍陆陸柒捌玖点點")


def is_chinese(numeral: str) -> bool:
    return bool(numeral) and numeral[0] in CHINESE_DIGITS


def arabic(numeral: str) -> Decimal:
    """``1500``, ``１５００``, ``86.72``, ``1,500`` → an exact Decimal."""
    try:
        return Decimal(numeral.translate(_FULL_WIDTH).replace(",", ""))
    except InvalidOperation as error:
        raise ValueError(f"not an Arabic number: {numeral!r}") from error


@lru_cache(maxsize=4096)
def chinese(numeral: str) -> Decimal:
    """``三`` → 3, ``两`` → 2, ``十一`` → 11, ``千亿`` → 1e11, ``九点三五`` → 9.35 (via cn2an);
    ``半`` → 0.5."""
    if numeral == "半":
        return Decimal("0.5")           # 半年, 半小时: half of the unit
    text = numeral.replace("點", "点")
    if text[0] in "百佰千仟万萬亿億":       # cn2an wants the leading 一 that news omits
        text = "一" + text
    try:
        value = cn2an.cn2an(text, "normal")
    except (ValueError, KeyError, IndexError) as error:
        raise ValueError(f"not a Chinese numeral: {numeral!r}") from error
    return Decimal(str(value))


def number(numeral: str, scale: str = "") -> Decimal:
    """Any numeral of either script, times an optional scale (``9.35``, ``万`` → 93500)."""
    value = chinese(numeral) if is_chinese(numeral) else arabic(numeral)
    for char in scale:
        value *= SCALES[char]
    return value


def plain(value: Decimal) -> int | float:
    """An int when the value is whole, else a float (JSON-friendly, typed)."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)
