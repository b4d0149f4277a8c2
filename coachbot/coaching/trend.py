"""The morning-pain trend, one definition for the weekly rule (Wt, CLINICAL row 9), the weekly summary
and the progress chart: the mean morning pain of a later window against an earlier one, and whether it
moved by the programme's `week_worse_delta` or more."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from statistics import fmean

WEEK_DAYS = 7


def weeks(mornings: Iterable[tuple[date, int | None]], today: date) -> tuple[list[int], list[int]]:
    """The morning scores of the seven days before those (earlier) and of the last seven days, today
    included (later)."""
    earlier: list[int] = []
    later: list[int] = []
    for day, pain in mornings:
        ago = (today - day).days
        if pain is not None and 0 <= ago < 2 * WEEK_DAYS:
            (later if ago < WEEK_DAYS else earlier).append(pain)
    return earlier, later


def change(earlier: Sequence[int], later: Sequence[int]) -> float | None:
    """Mean pain of `later` minus that of `earlier`; None without both."""
    if not earlier or not later:
        return None
    return fmean(later) - fmean(earlier)


def verdict(moved: float | None, delta: float) -> str:
    """better, same or worse: pain moved down or up by `delta` or more; unknown without a change."""
    if moved is None:
        return "unknown"
    return "better" if moved <= -delta else "worse" if moved >= delta else "same"


def direction(earlier: Sequence[int], later: Sequence[int], delta: float) -> str:
    """The verdict on `later` against `earlier`."""
    return verdict(change(earlier, later), delta)
