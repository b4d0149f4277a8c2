"""The time-zone steps of enrolment and /settings: type a zone, a city, an offset or an abbreviation (or
share a location on Telegram); choose when it may mean several; then confirm it by the local time.
"No" asks for the zone again."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo

from timezonefinder import TimezoneFinder

from coachbot.core.flow import Answers, Step
from coachbot.core.question import Invalid, Option, Question, yes_no_question
from coachbot.core.turn import Turn
from coachbot.messages import Incoming, Location
from coachbot.schedule.zone_reading import offset_name, place_name, read_zone_text
from coachbot.texts import enrol

PICK_PROMPTS = {
    "abbreviation": enrol.ZONE_PICK_ABBREVIATION,
    "spelling": enrol.ZONE_PICK_SPELLING,
    "offset": enrol.ZONE_PICK_OFFSET,
}


@cache
def _finder() -> TimezoneFinder:
    return TimezoneFinder()


def zone_at(latitude: float, longitude: float) -> str | None:
    """The IANA zone at a place, offline (timezonefinder's boundary data)."""
    return _finder().timezone_at(lat=latitude, lng=longitude)


@dataclass(frozen=True)
class ZoneQuestion(Question):
    """A typed zone, or a shared location."""

    def answer(self, incoming: Incoming, serial: int) -> Any:
        if isinstance(incoming, Location):
            found = zone_at(incoming.latitude, incoming.longitude)
            if found is None:
                raise Invalid(enrol.ZONE_LOCATION_UNKNOWN)
            return found
        return super().answer(incoming, serial)


def _read(turn: Turn) -> Callable[[str], Any]:
    """One zone as its name, or what to choose from as a dict (the next step asks)."""

    def read(text: str) -> Any:
        given = text.strip()
        reading = read_zone_text(given, turn.now)
        if reading.zone is not None:
            return reading.zone
        if reading.candidates:
            return {"given": given, "why": reading.why, "candidates": list(reading.candidates)}
        if reading.why == "offset":
            raise Invalid(enrol.ZONE_OFFSET_UNKNOWN.format(given=given))
        raise Invalid(enrol.ZONE_EXPECTED.format(given=given))

    return read


def ask_zone(turn: Turn, _answers: Answers) -> Question:
    expected = enrol.ZONE_EXPECTED.format(given="")
    return ZoneQuestion(enrol.ASK_ZONE, expected, read=_read(turn), location=enrol.SHARE_LOCATION)


def _label(turn: Turn, zone: str) -> str:
    offset = offset_name(turn.now.astimezone(ZoneInfo(zone)).utcoffset())
    if zone.startswith("Etc/") or zone == "UTC":
        return enrol.FIXED_OFFSET_LABEL.format(offset=offset)
    return enrol.ZONE_CHOICE_LABEL.format(place=place_name(zone), offset=offset)


def _ask_pick(turn: Turn, answers: Answers) -> Question:
    typed: dict[str, Any] = answers["zone"]
    options = tuple(Option(zone, _label(turn, zone), (zone.lower(),)) for zone in typed["candidates"])
    offset = offset_name(turn.now.astimezone(ZoneInfo(typed["candidates"][-1])).utcoffset())
    prompt = PICK_PROMPTS[typed["why"]].format(given=typed["given"], offset=offset)
    return Question(prompt, enrol.ZONE_PICK_EXPECTED, options, read=_read_one(turn), row_size=1)


def _read_one(turn: Turn) -> Callable[[str], str | None]:
    """Another zone typed instead of a button: taken when it names one zone."""

    def read(text: str) -> str | None:
        return read_zone_text(text, turn.now).zone

    return read


def chosen_zone(answers: Answers) -> str | None:
    """The zone answered: typed, or picked from the choices it offered."""
    typed = answers.get("zone")
    return answers.get("zone_pick") if isinstance(typed, dict) else typed


def _confirm(turn: Turn, answers: Answers) -> Question:
    zone = chosen_zone(answers) or "UTC"
    local = turn.now.astimezone(ZoneInfo(zone))
    prompt = enrol.ZONE_CONFIRM.format(time=local.strftime("%H:%M"), day=local.strftime("%A"), zone=zone)
    if zone.startswith("Etc/"):
        prompt += "\n" + enrol.ZONE_FIXED_NOTE.format(offset=offset_name(local.utcoffset()))
    return yes_no_question(prompt)


def zone_steps(when: Callable[[Turn, Answers], bool]) -> tuple[Step, ...]:
    """Ask, choose if needed, confirm; "no" at the confirmation asks again."""
    return (
        Step("zone", ask_zone, when=when),
        Step("zone_pick", _ask_pick, when=lambda t, a: when(t, a) and isinstance(a.get("zone"), dict)),
        Step("zone_ok", _confirm, when=when, back={"no": "zone"}),
    )
