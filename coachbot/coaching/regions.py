"""Emergency numbers and urgent-care wording by region, chosen from the person's IANA time zone.

When the zone says nothing certain, the international 112 is given with a prompt to use the local number.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Region:
    emergency: str
    urgent: str


DEFAULT = Region("112 (or your local emergency number)", "a doctor or an urgent care centre today")
UK = Region("999", "NHS 111 or an urgent GP appointment")
NORTH_AMERICA = Region("911", "urgent care or your doctor today")
AUSTRALIA = Region("000", "your GP today, or healthdirect on 1800 022 222")
NEW_ZEALAND = Region("111", "your GP today, or Healthline on 0800 611 116")
IRELAND = Region("112 or 999", "your GP today, or an out-of-hours GP service")
EUROPE = Region("112", "a doctor or an urgent care centre today")

# Exact zones first, then region prefixes; anything else gets DEFAULT.
ZONES: dict[str, Region] = {
    "Europe/London": UK, "Europe/Belfast": UK, "Europe/Guernsey": UK, "Europe/Jersey": UK,
    "Europe/Isle_of_Man": UK, "GB": UK, "Europe/Dublin": IRELAND, "Pacific/Auckland": NEW_ZEALAND,
    "Pacific/Chatham": NEW_ZEALAND, "NZ": NEW_ZEALAND, "America/Mexico_City": Region("911", DEFAULT.urgent),
}  # fmt: skip
PREFIXES: dict[str, Region] = {
    "Australia/": AUSTRALIA,
    "Canada/": NORTH_AMERICA,
    "US/": NORTH_AMERICA,
    "Europe/": EUROPE,
}
NORTH_AMERICAN_CITIES = frozenset({
    "New_York", "Chicago", "Denver", "Los_Angeles", "Phoenix", "Anchorage", "Detroit", "Boise", "Juneau",
    "Toronto", "Vancouver", "Edmonton", "Winnipeg", "Halifax", "St_Johns", "Regina", "Indiana/Indianapolis",
    "Kentucky/Louisville", "Adak", "Honolulu", "Puerto_Rico",
})  # fmt: skip


def region_for(zone: str | None) -> Region:
    if not zone:
        return DEFAULT
    if zone in ZONES:
        return ZONES[zone]
    area, _, city = zone.partition("/")
    if area in ("America", "Pacific") and city in NORTH_AMERICAN_CITIES:
        return NORTH_AMERICA
    for prefix, region in PREFIXES.items():
        if zone.startswith(prefix):
            return region
    return DEFAULT
