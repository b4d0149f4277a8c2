"""Clinical constants shared by every programme (CLINICAL 3, 9.6); per-programme thresholds live in YAML."""

from __future__ import annotations

# Hébert-Losier 2017 single-leg heel-raise medians by age band and sex (CLINICAL 3, R18).
HEEL_RAISE_NORMS: tuple[tuple[int, int, int, int], ...] = (
    # (from age, to age, men, women)
    (18, 29, 37, 30),
    (30, 39, 32, 27),
    (40, 49, 28, 24),
    (50, 59, 23, 21),
    (60, 120, 19, 19),
)

# Days a regress keeps the following mornings out of the baseline (CLINICAL 9.1 "excluding mornings
# after a regress event"): the red morning itself and the next one.
BASELINE_EXCLUDE_DAYS_AFTER_REGRESS = 1

# Baseline at enrolment = walking pain, capped (CLINICAL 9.1).
BASELINE_CAP = 5

# A session counts as trained (adherence: charts, summaries, club digests) when any of it was done.
TRAINED = ("all", "most", "some")

# Row 8: low completion for reasons other than pain on this many sessions in 7 days -> offer an easier plan.
LOW_COMPLETION_SESSIONS = 3

# Section 11: prevention red sessions (D in the red zone) before switching to injury triage.
PREVENTION_RED_SESSIONS = 2


def heel_raise_norm(age: int | None, sex: str | None) -> int | None:
    """The age/sex median for single-leg heel raises, or None when age is unknown.

    A norm only ever lowers a target ("or the age/sex median if lower"), so without a sex the higher
    (men's) median is used: the cautious choice.
    """
    if age is None:
        return None
    for low, high, men, women in HEEL_RAISE_NORMS:
        if low <= age <= high:
            return women if sex == "female" else men
    return None


# CLINICAL A18: the morning baseline B is the lowest weekly mean of this many weeks (or the enrolment one)
BASELINE_WEEKS = 4

# CLINICAL A18 row 6: the week's mean M at least this far above B for ROW6_WEEKS weekly checks running,
# or this far above the first week's mean at any weekly check; twice within ROW6_REFER_DAYS refers.
ROW6_ABOVE_BASELINE = 1
ROW6_WEEKS = 2
ROW6_ABOVE_FIRST_WEEK = 2
ROW6_REFER_COUNT = 2
ROW6_REFER_DAYS = 28

# CLINICAL A16: clinician-led people keep the heel above step level before this day since injury
CLINICIAN_STEP_DAY = 42

# A week's mean morning pain (the trend Wt, row 6) needs at least this many answered mornings
MIN_MORNINGS_A_WEEK = 3
