"""Readers for typed schedule answers, turning schedule errors into what-was-expected messages."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from coachbot.core.matching import listing
from coachbot.core.question import Invalid, Option
from coachbot.schedule.wallclock import ScheduleInputError, format_time, parse_days, parse_time
from coachbot.schedule.zone_reading import read_zone_text
from coachbot.texts import common, enrol


def read_zone(text: str) -> str:
    """A zone typed with a command (/settings zone …, /club start … zone …): one IANA name, or Invalid
    saying what it could be. A whole-hour offset is its fixed zone (UTC+1 is Etc/GMT-1)."""
    given = text.strip()
    reading = read_zone_text(given, None)
    if reading.zone is not None:
        return reading.zone
    if reading.why == "offset" and reading.candidates:
        return reading.candidates[-1]
    options = listing(reading.candidates, common.OR)
    if reading.why == "abbreviation":
        raise Invalid(enrol.ZONE_AMBIGUOUS.format(given=given, options=options))
    if reading.why == "spelling":
        raise Invalid(enrol.ZONE_DID_YOU_MEAN.format(given=given, options=options))
    if reading.why == "offset":
        raise Invalid(enrol.ZONE_OFFSET_UNKNOWN.format(given=given))
    raise Invalid(enrol.ZONE_EXPECTED.format(given=given))


def read_time(text: str) -> str:
    try:
        return format_time(parse_time(text))
    except ScheduleInputError:
        raise Invalid(enrol.TIME_EXPECTED) from None


def read_days(text: str) -> str:
    try:
        return ",".join(parse_days(text))
    except ScheduleInputError:
        raise Invalid(enrol.DAYS_EXPECTED) from None


def one_day(expected: str) -> Callable[[str], str]:
    """A reader for a single day of the week ("sunday", "sun"), saying `expected` otherwise."""

    def read(text: str) -> str:
        try:
            days = parse_days(text)
        except ScheduleInputError:
            raise Invalid(expected) from None
        if len(days) != 1:
            raise Invalid(expected)
        return days[0]

    return read


def time_options(*times: str) -> tuple[Option, ...]:
    return tuple(Option(value, value) for value in times)


def read_pairs(args: str, readers: Mapping[str, Callable[[str], Any]], expected: str) -> dict[str, Any]:
    """Settings typed as "key value" pairs after a command ("zone Europe/Paris time 07:30"); each value is
    read by its key's reader (which raises Invalid). Raises Invalid(expected) for anything else."""
    keys = "|".join(re.escape(key) for key in readers)
    pairs = re.compile(rf"\b({keys})\b\s*[=:]?\s*(.+?)\s*(?=\b(?:{keys})\b|$)", re.IGNORECASE)
    found = pairs.findall(args)
    if not found or pairs.sub("", args).strip():
        raise Invalid(expected)
    return {key.lower(): readers[key.lower()](value) for key, value in found}
