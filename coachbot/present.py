"""Turning sessions, levels and programmes into the bot's neutral markup (**bold**, "- " lists).

Wording comes from the message catalogue; this module only arranges it.
"""

from __future__ import annotations

from coachbot.coaching.plan import Session, SessionItem
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
