"""Building blocks shared by the programme models: strict models, names, weekdays and dose ranges."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
WEEKDAYS: tuple[Weekday, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
Group = Literal["A", "B", "PREV"]
Measure = Literal[
    "reps_per_leg",
    "pain",
    "pain_and_symmetry",
    "pain_and_control",
    "seconds",
    "minutes",
    "score",
    "level",
]
Ident = Annotated[str, Field(pattern=r"^[A-Za-z][A-Za-z0-9_]*$", max_length=32)]

_RANGE = re.compile(r"^\s*(\d+)\s*(?:[-–]\s*(\d+))?\s*$")


class Strict(BaseModel):
    """Base for every programme model: unknown keys are errors and parsed values never change."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def _to_amount(value: object) -> object:
    if isinstance(value, bool):
        return value  # let pydantic reject it
    if isinstance(value, int):
        return {"low": value, "high": value}
    if isinstance(value, str):
        match = _RANGE.match(value)
        if not match:
            raise ValueError(f"write a number or a range like '10-15', not {value!r}")
        low = int(match.group(1))
        return {"low": low, "high": int(match.group(2) or low)}
    return value


class _Amount(Strict):
    low: int = Field(ge=1)
    high: int = Field(ge=1)

    @model_validator(mode="after")
    def _ordered(self) -> _Amount:
        if self.high < self.low:
            raise ValueError(f"range {self.low}-{self.high} runs backwards")
        return self

    def __str__(self) -> str:
        return str(self.low) if self.low == self.high else f"{self.low}–{self.high}"


Amount = Annotated[_Amount, BeforeValidator(_to_amount)]
