"""Turning sessions, levels and programmes into the bot's neutral markup (**bold**, "- " lists).

Wording comes from the message catalogue; this module only arranges it.
"""

from __future__ import annotations

from collections.abc import Mapping

from coachbot.coaching.clinician import clinician_levels, clinician_seen_on
from coachbot.coaching.plan import Session, SessionItem
from coachbot.programme.prescription import prescription
from coachbot.programme.schema import Programme
from coachbot.texts import plan as texts


def session_item(item: SessionItem, cap: int | None) -> str:
    """One exercise card: name and level, dose with legs, tempo and rest, one cue, any note, and what to
    do if it hurts (`cap` is the phase's pain limit; None for a group's post, which says nothing of pain)."""
    level = item.level
    lines = [
        texts.CARD_TITLE.format(exercise=item.exercise.name, tag=level.tag, name=level.name),
        texts.CARD_DOSE.format(dose=prescription(level)),
        texts.CARD_CUE.format(cue=level.cue),
    ]
    if item.note:
        lines.append(texts.CARD_NOTE.format(note=item.note))
    if cap is not None:
        lines.append(texts.CARD_HURTS.format(advice=texts.IF_IT_HURTS[item.exercise.kind].format(cap=cap)))
    return "\n".join(lines)


def session(value: Session, next_day: str | None = None, *, private: bool = True) -> str:
    """Today's session card, or the rest-day message; a club's group post (`private=False`) leaves out
    what to do if it hurts: each member's pain advice comes in their private chat."""
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
    rules = value.programme.rules
    cap = rules.zones[phase.group].amber_max if private else None
    parts.extend(session_item(item, cap) for item in value.items)
    if private:
        parts.append(texts.CARD_STOP.format(stop=rules.pain_stop))
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
