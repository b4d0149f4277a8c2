"""Turning sessions, levels and programmes into the bot's neutral markup (**bold**, "- " lists).

Wording comes from the message catalogue; this module only arranges it.
"""

from __future__ import annotations

from collections.abc import Mapping

from coachbot.coaching.clinician import clinician_levels, clinician_seen_on
from coachbot.coaching.plan import Session, SessionItem
from coachbot.programme.schema import Programme
from coachbot.texts import plan as texts


def session_item(item: SessionItem) -> str:
    level = item.level
    lines = [
        f"- **{item.exercise.name}** ({level.tag}): {level.name}",
        f"  {level.dose} · {level.tempo}",
    ]
    lines.append(f"  Cue: {level.cue}")
    if item.note:
        lines.append(f"  Note: {item.note}")
    return "\n".join(lines)


def session(value: Session, next_day: str | None = None) -> str:
    """Today's session card, or the rest-day message."""
    phase = value.phase
    day = value.day.strftime("%a %d %b")
    if value.is_rest:
        return texts.REST_DAY.format(
            date=day,
            phase=phase.number,
            phase_name=phase.name,
            next_day=next_day or "your next training day",
        )
    parts = [
        texts.SESSION_HEADER.format(
            title=value.programme.title,
            phase=phase.number,
            phase_name=phase.name,
            kind=(value.kind or "").replace("_", " ").capitalize(),
            date=day,
        )
    ]
    if phase.bouts_per_day is not None and phase.bouts_per_day.high > 1:
        parts.append(texts.BOUTS.format(bouts=phase.bouts_per_day))
    parts.extend(session_item(item) for item in value.items)
    parts.append(texts.CHECKIN_PROMPT)
    return "\n".join(parts)


def days(value: str) -> str:
    names = value.split(",")
    return "every day" if len(names) == 7 else ", ".join(name.capitalize() for name in names)


def level_tags(programme: Programme, levels: Mapping[str, int]) -> str:
    """'Straight-knee calf raise L6, Plyometrics P2': exercises by name at their level's tag."""
    shown = []
    for exercise_id, number in levels.items():
        try:
            exercise = programme.exercise(exercise_id)
        except KeyError:
            shown.append(f"{exercise_id} L{number}")  # no longer in the programme: say what was recorded
            continue
        level = exercise.level(number)
        shown.append(f"{exercise.name} {level.tag if level is not None else f'L{number}'}")
    return ", ".join(shown)


def clinician_record(programme: Programme, flags: Mapping[str, object]) -> dict[str, str] | None:
    """What /clinician recorded (CLINICAL A16) as the fields /status and /report show: phase, name, date,
    levels ('' when none were set); None when nothing was recorded."""
    phase = flags.get("clinician_phase")
    if not isinstance(phase, int):
        return None
    try:
        name = programme.phase(phase).name
    except KeyError:
        name = "–"
    seen = clinician_seen_on(flags)
    return {
        "phase": str(phase),
        "name": name,
        "date": seen.strftime("%a %d %b %Y") if seen else "–",
        "levels": level_tags(programme, clinician_levels(flags)),
    }
