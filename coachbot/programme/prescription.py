"""One level's prescription in words: dose and legs, tempo and rest ("3 × 15, each leg in turn · tempo:
2 s up, 2 s down · rest 1 min between sets"), for the session card and the programme outline.

Imports the programme schema and the message catalogue only.
"""

from __future__ import annotations

from coachbot.programme.schema import Level
from coachbot.texts import plan as texts


def prescription(level: Level) -> str:
    """How much, on which leg, at what tempo and with what rest; the parts a level has, joined by " · "."""
    dose = level.dose
    if level.legs is not None:
        dose = f"{dose}, {texts.LEGS[level.legs]}" if dose else texts.LEGS[level.legs].capitalize()
    parts = [dose, texts.TEMPO.format(tempo=level.tempo)]
    if level.rest is not None and level.sets is not None and level.sets.high > 1:
        parts.append(texts.REST.format(rest=level.rest))
    return " · ".join(part for part in parts if part)
