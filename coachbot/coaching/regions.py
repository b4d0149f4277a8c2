"""Emergency numbers and where to get help, in each region's own words, chosen from the IANA time zone.

Every regional term lives here ("A&E" and "minor injuries unit" in the UK, "ER" and "urgent care center"
in the US, ...), never in the message templates. When the zone says nothing certain, the international
112 is given with a prompt to use the local number, and the places are described in neutral words.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Region:
    emergency: str  # the number to call
    emergency_department: str  # where to go now: "go to {emergency_department} now"
    urgent: str  # who to contact today: "contact {urgent}"
    walk_in: str  # where to be seen today without an appointment: "go to {walk_in}"


DEFAULT = Region(
    "112 (or your local emergency number)",
    "the nearest emergency department",
    "a doctor",
    "a clinic that can see you the same day",
)
UK = Region(
    "999",
    "the nearest A&E",
    "NHS 111 (by phone or online) or your GP practice for a same-day appointment",
    "an urgent treatment centre or minor injuries unit",
)
IRELAND = Region(
    "112 or 999",
    "the nearest emergency department",
    "your GP, or an out-of-hours GP service",
    "an injury unit",
)
US = Region("911", "the nearest ER", "your doctor", "an urgent care center")
CANADA = Region(
    "911",
    "the nearest emergency department",
    "your doctor, or your provincial health line (811 in most provinces)",
    "a walk-in clinic or urgent care centre",
)
MEXICO = Region(
    "911", "the nearest emergency department", "a doctor", "a clinic that can see you the same day"
)
AUSTRALIA = Region(
    "000",
    "the nearest emergency department",
    "your GP, or healthdirect on 1800 022 222",
    "an urgent care clinic",
)
NEW_ZEALAND = Region(
    "111",
    "the nearest emergency department",
    "your GP, or Healthline on 0800 611 116",
    "an urgent care clinic",
)
EUROPE = Region("112", "the nearest emergency department", "a doctor", "an out-of-hours medical service")

# Every region by name (tests render every message for each; docs/clinical.md lists them)
REGIONS: dict[str, Region] = {
    "default": DEFAULT, "uk": UK, "ireland": IRELAND, "us": US, "canada": CANADA, "mexico": MEXICO,
    "australia": AUSTRALIA, "new_zealand": NEW_ZEALAND, "europe": EUROPE,
}  # fmt: skip

# Exact zones first, then region prefixes; anything else gets DEFAULT.
ZONES: dict[str, Region] = {
    "Europe/London": UK, "Europe/Belfast": UK, "Europe/Guernsey": UK, "Europe/Jersey": UK,
    "Europe/Isle_of_Man": UK, "GB": UK, "Europe/Dublin": IRELAND, "Pacific/Auckland": NEW_ZEALAND,
    "Pacific/Chatham": NEW_ZEALAND, "NZ": NEW_ZEALAND, "America/Mexico_City": MEXICO,
}  # fmt: skip
PREFIXES: dict[str, Region] = {
    "Australia/": AUSTRALIA,
    "Canada/": CANADA,
    "US/": US,
    "Europe/": EUROPE,
}
CITIES: dict[str, Region] = {
    **dict.fromkeys((
        "New_York", "Chicago", "Denver", "Los_Angeles", "Phoenix", "Anchorage", "Detroit", "Boise", "Juneau",
        "Indiana/Indianapolis", "Kentucky/Louisville", "Adak", "Honolulu", "Puerto_Rico",
    ), US),
    **dict.fromkeys(("Toronto", "Vancouver", "Edmonton", "Winnipeg", "Halifax", "St_Johns", "Regina"), CANADA),
}  # fmt: skip


def region_for(zone: str | None) -> Region:
    if not zone:
        return DEFAULT
    if zone in ZONES:
        return ZONES[zone]
    area, _, city = zone.partition("/")
    if area in ("America", "Pacific") and city in CITIES:
        return CITIES[city]
    for prefix, region in PREFIXES.items():
        if zone.startswith(prefix):
            return region
    return DEFAULT
