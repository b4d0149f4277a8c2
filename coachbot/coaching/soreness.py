"""Expected soreness in the prevention track (CLINICAL A22, section 11): which morning answers are ordinary
muscle soreness after new work, so the rules hold instead of regressing or counting them toward a referral.

Pure; reads the programme's rules (`soreness_days`, `soreness_new_days`, `soreness_max`), Progress and the
session reports.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from coachbot.coaching import starting
from coachbot.coaching.progress import Morning, Progress, SessionReport
from coachbot.programme.schema import Programme

# DOMS: soreness 24-72 h after the work (CLINICAL 11 "24-72 h after new exercise"), so a morning is
# matched to the latest session of the 3 days before it
SORENESS_AFTER_DAYS = 3


def window_starts(programme: Programme, progress: Progress) -> list[tuple[date, int]]:
    """Each day new work began, with how many mornings after it soreness is expected: the block start
    (`soreness_days`), and every level first reached by moving up (`reached` keeps the first day at each
    "EXERCISE:LEVEL"; a level first reached by a regress is easier, not new work) and the day plyometrics
    join the session (`soreness_new_days`)."""
    rules = programme.rules
    new = [day for key, day in progress.reached.items() if not _reached_going_down(progress, key, day)]
    plyometrics = starting.plyometrics_from(programme, progress)
    if plyometrics is not None:
        new.append(plyometrics)
    starts = [(day, rules.soreness_new_days) for day in new]
    if progress.phase_since is not None:
        starts.append((progress.phase_since, rules.soreness_days))
    return starts


def in_window(programme: Programme, progress: Progress, morning: date) -> bool:
    """A22's window: the mornings after new work began (the morning after that day through the last
    morning its length allows)."""
    return any(0 < (morning - start).days <= days for start, days in window_starts(programme, progress))


def expected(
    programme: Programme,
    progress: Progress,
    morning: date,
    pain: int | None,
    sessions: Iterable[SessionReport],
) -> bool:
    """Morning pain that is expected soreness: at most `soreness_max`, in the window, and following a
    session (within 3 days) whose pain during stayed in the PREV green zone ("without pain during")."""
    rules = programme.rules
    if pain is None or pain > rules.soreness_max:
        return False
    if not in_window(programme, progress, morning):
        return False
    recent = [s for s in sessions if 0 < (morning - s.day).days <= SORENESS_AFTER_DAYS]
    if not recent:
        return False
    latest = max(recent, key=lambda s: s.day)
    return (latest.during or 0) <= rules.zones["PREV"].green_max


def counted_yesterday(
    programme: Programme,
    progress: Progress,
    mornings: Sequence[Morning],
    sessions: Iterable[SessionReport],
    today: date,
) -> int | None:
    """Yesterday's morning pain as the injury-triage rule may count it (CLINICAL 11 "M >= 3 on 2 days"):
    None when there was none, or when it was expected soreness (A22: never counted toward a referral)."""
    yesterday = today - timedelta(days=1)
    pain = next((m.pain for m in mornings if m.day == yesterday), None)
    if expected(programme, progress, yesterday, pain, sessions):
        return None
    return pain


def _reached_going_down(progress: Progress, key: str, day: date) -> bool:
    exercise, _, level = key.rpartition(":")
    return any(
        other.rpartition(":")[0] == exercise and int(other.rpartition(":")[2]) > int(level) and earlier < day
        for other, earlier in progress.reached.items()
    )
