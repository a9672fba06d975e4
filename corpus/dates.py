"""Dates as articles and feeds write them (``2022年2月15日``, ``2022-02-15 09:45:39 +0800``,
``時間:2022/02/15 09:45``'s value) → ISO 8601."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

DATE = re.compile(
    r"\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
    r"(?:[T\s]*(\d{1,2})\s*[:：时時]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2})\s*秒?)?\s*分?)?"
    r"\s*(?:(?P<sign>[+-])(?P<tzh>\d{2}):?(?P<tzm>\d{2})|(?P<utc>Z))?\s*")


def parse_date(value: object) -> str:
    """ISO 8601 for the date forms seen in articles and front matter; ``""`` when not a date."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    text = value.strip() if isinstance(value, str) else ""
    if 8 <= len(text) <= 64 and text[:4].isdigit():
        try:    # the standard ISO forms first: fractional seconds, Z, +08:00
            return datetime.fromisoformat(text).isoformat()
        except ValueError:
            pass
    match = DATE.fullmatch(text) if len(text) <= 64 else None    # short: no regex blow-up
    if not match:
        return ""
    year, month, day, hour, minute, second = (int(g) if g else None for g in match.groups()[:6])
    try:
        if hour is None:
            return date(year, month, day).isoformat()
        zone = timezone.utc if match["utc"] else None
        if match["sign"]:
            offset = timedelta(hours=int(match["tzh"]), minutes=int(match["tzm"]))
            zone = timezone(-offset if match["sign"] == "-" else offset)
        return datetime(year, month, day, hour, minute, second or 0, tzinfo=zone).isoformat()
    except ValueError:
        return ""
