"""The safety thresholds of a programme (CLINICAL 9.1, 9.4, 9.6, 11) as pydantic models."""

from __future__ import annotations

from pydantic import Field, model_validator

from coachbot.programme.base import Group, Strict


class Zone(Strict):
    """Pain-zone cut-offs for one phase group (CLINICAL 9.1): green <= green_max, amber <= amber_max."""

    green_max: int = Field(ge=0, le=10)
    amber_max: int = Field(ge=0, le=10)

    @model_validator(mode="after")
    def _ordered(self) -> Zone:
        if self.amber_max < self.green_max:
            raise ValueError("amber_max must be at least green_max")
        return self


class Window(Strict):
    count: int = Field(ge=1)
    days: int = Field(ge=1)


class Floor(Strict):
    """Earliest day since injury that loading, plyometrics and running may start (CLINICAL 9.4, 10.2)."""

    loading: int = Field(ge=0)
    plyometrics: int = Field(ge=0)
    running: int = Field(ge=0)


class Rules(Strict):
    """The pain-monitoring thresholds of CLINICAL 9.1 and 9.6 for this programme."""

    zones: dict[Group, Zone]
    pain_stop: int = Field(ge=1, le=10)
    morning_amber_delta: int = Field(ge=1)
    morning_red_delta: int = Field(ge=1)
    morning_abs_red: int = Field(ge=1, le=10)
    baseline_window: int = Field(
        ge=1
    )  # unused since CLINICAL A18 (B = lowest weekly mean, 4 weeks); kept for uploads
    week_worse_delta: float = Field(gt=0)
    regress_refer: list[Window] = Field(min_length=1)
    stop_rest_hours: int = Field(ge=1)
    silence_pause_days: int = Field(ge=1)
    plateau_weeks: dict[int, int] = Field(default_factory=dict)
    injury_triage_pain: int | None = Field(default=None, ge=1, le=10)
    injury_triage_mornings: int | None = Field(default=None, ge=1)


class Cautious(Strict):
    """Prevention adjustments for a previous calf strain or age >= 40 (CLINICAL 11)."""

    min_age: int = Field(ge=18)
    repeat_first_week: bool = True
    soleus_emphasis: bool = True
    plyo_cap_level: int = Field(ge=1)
    plyo_cap_until_week: int = Field(ge=1)
