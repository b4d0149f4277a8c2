"""The safety thresholds of a programme (CLINICAL 9.1, 9.4, 9.6, 11) as pydantic models."""

from __future__ import annotations

from typing import Annotated

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
    # CLINICAL A22 (prevention): mornings up to soreness_max within soreness_days of a block start, or
    # soreness_new_days of a new level or of plyometrics joining, with no pain during the session, are
    # expected soreness (coaching/soreness.py); 0 days turns that part off
    soreness_days: int = Field(default=14, ge=0)
    soreness_new_days: int = Field(default=7, ge=0)
    soreness_max: int = Field(default=4, ge=0, le=10)


class Cautious(Strict):
    """Prevention adjustments for a previous calf strain or age >= 40 (CLINICAL 11)."""

    min_age: int = Field(ge=18)
    repeat_first_week: bool = True
    soleus_emphasis: bool = True
    plyo_cap_level: int = Field(ge=1)
    plyo_cap_until_week: int = Field(ge=1)


class StartingDose(Strict):
    """The prevention starting dose (CLINICAL A22, coaching/starting.py): fewer than `min_raises`
    single-leg heel raises on either leg (or no count) starts each `low_capacity` exercise at most at that
    level; from `older_age` every exercise starts one level lower; plyometrics join after
    `plyometrics_after_weeks` green weeks."""

    min_raises: int = Field(ge=1)
    low_capacity: dict[str, Annotated[int, Field(ge=1)]] = Field(default_factory=dict)
    older_age: int = Field(ge=18)
    plyometrics_after_weeks: int = Field(ge=0)
