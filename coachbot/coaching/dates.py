"""Reading a calendar day someone typed: "today", "yesterday", "2026-11-28", "28 Nov", "Nov 28th 2026".

Pure. Numeric day/month forms ("11/12") are not read: day-first and month-first readings disagree, and a
wrong date would move what the bot records. Without a year, the latest such day not after today is meant.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")  # fmt: skip
_MONTH = r"(?P<month>[a-z]{3,9})\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>\d{4}))?"
_ISO = re.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})")
_DAY_MONTH = re.compile(_DAY + r"\s+(?:of\s+)?" + _MONTH + _YEAR)
_MONTH_DAY = re.compile(_MONTH + r"\s+" + _DAY + _YEAR)


def parse_day(text: str, today: date) -> date | None:
    """The day `text` names, or None when it names none (or no real day, like 31 Feb)."""
    cleaned = " ".join(text.strip().lower().rstrip(".!").split())
    if cleaned in ("today", "this morning", "earlier today"):
        return today
    if cleaned == "yesterday":
        return today - timedelta(days=1)
    if match := _ISO.fullmatch(cleaned):
        return _day(int(match["year"]), int(match["month"]), int(match["day"]))
    match = _DAY_MONTH.fullmatch(cleaned) or _MONTH_DAY.fullmatch(cleaned)
    if match is None:
        return None
    month = _month(match["month"])
    if month is None:
        return None
    if match["year"] is not None:
        return _day(int(match["year"]), month, int(match["day"]))
    this_year = _day(today.year, month, int(match["day"]))
    if this_year is not None and this_year <= today:
        return this_year
    return _day(today.year - 1, month, int(match["day"]))


def _month(word: str) -> int | None:
    if word == "sept":
        return 9
    for number, name in enumerate(MONTHS, 1):
        if word in (name, name[:3]):
            return number
    return None


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
