"""The progress chart's data, from a person's stored history: pain by day, sessions done and missed, phase
bands, level changes, heel-raise tests and referrals (the pure drawing is in reporting/chart.py)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from coachbot.coaching.constants import TRAINED
from coachbot.coaching.day_pain import DayPain
from coachbot.coaching.plan import training_days
from coachbot.coaching.weekpattern import key_run_day
from coachbot.programme.schema import WEEKDAYS, Programme
from coachbot.reporting.chart import HeelRaises, ProgressSeries
from coachbot.schedule.wallclock import parse_days
from coachbot.store.repo import Repo
from coachbot.store.tables import CheckIn, Decision, Enrolment, Referral


async def series_for(repo: Repo, enrolment: Enrolment, programme: Programme, today: date) -> ProgressSeries:
    checkins = await repo.checkins(enrolment.id)
    decisions = await repo.decisions(enrolment.id)
    referrals = await repo.referrals(enrolment.person_id)
    return build(enrolment, programme, today, checkins, decisions, referrals)


def build(
    enrolment: Enrolment,
    programme: Programme,
    today: date,
    checkins: list[CheckIn],
    decisions: list[Decision],
    referrals: Sequence[Referral] = (),
) -> ProgressSeries:
    by_day: dict[date, DayPain] = {}
    for checkin in checkins:
        day = by_day.get(checkin.local_date, DayPain(checkin.local_date))
        if checkin.kind == "session":
            day = DayPain(day.day, checkin.during, checkin.after, day.morning)
        elif checkin.kind == "morning":
            day = DayPain(day.day, day.during, day.after, checkin.morning)
        by_day[checkin.local_date] = day
    sessions = {c.local_date: c for c in checkins if c.kind == "session"}
    done = tuple(sorted(day for day, c in sessions.items() if c.completion in TRAINED))
    phases = _phases(enrolment, checkins, today)
    zone = programme.rules.zones[programme.phase(phases[-1][2]).group]
    return ProgressSeries(
        title=programme.title,
        start=enrolment.started_on,
        today=today,
        green_max=zone.green_max,
        amber_max=zone.amber_max,
        worse_delta=programme.rules.week_worse_delta,
        pain=tuple(by_day[day] for day in sorted(by_day) if by_day[day] != DayPain(day)),
        done=done,
        missed=_missed(enrolment, programme, phases, sessions, today),
        phases=phases,
        advanced=tuple(d.local_date for d in decisions if d.kind == "advance"),
        regressed=tuple(d.local_date for d in decisions if d.kind == "regress"),
        tests=tuple(
            HeelRaises(c.local_date, c.details.get("heel_raise_injured"), c.details.get("heel_raise_other"))
            for c in checkins
            if c.kind == "weekly"
            and (c.details.get("heel_raise_injured") or c.details.get("heel_raise_other"))
        ),
        referred=tuple(
            sorted({r.local_date for r in referrals if enrolment.started_on <= r.local_date <= today})
        ),
        last_referral=(referrals[-1].local_date, referrals[-1].tier) if referrals else None,
    )


def _phases(enrolment: Enrolment, checkins: list[CheckIn], today: date) -> tuple[tuple[date, date, int], ...]:
    """Bands of consecutive days in one phase, as the check-ins recorded them, up to today."""
    bands: list[tuple[date, date, int]] = []
    start, phase = enrolment.started_on, checkins[0].phase if checkins else enrolment.phase
    for checkin in checkins:
        if checkin.phase != phase:
            bands.append((start, checkin.local_date - timedelta(days=1), phase))
            start, phase = checkin.local_date, checkin.phase
    if phase != enrolment.phase:
        bands.append((start, enrolment.phase_started_on - timedelta(days=1), phase))
        start, phase = enrolment.phase_started_on, enrolment.phase
    bands.append((start, today, phase))
    return tuple(band for band in bands if band[0] <= band[1])


def _missed(
    enrolment: Enrolment, programme: Programme, phases: tuple[tuple[date, date, int], ...],
    sessions: dict[date, CheckIn], today: date,
) -> tuple[date, ...]:  # fmt: skip
    """Planned training days before today with no session logged as done."""
    chosen, key_run = parse_days(enrolment.days), key_run_day(enrolment.flags or {})
    missed = []
    for first, last, number in phases:
        days = set(training_days(programme.phase(number), chosen, key_run))
        day = first
        while day <= min(last, today - timedelta(days=1)):
            checkin = sessions.get(day)
            if WEEKDAYS[day.weekday()] in days and (checkin is None or checkin.completion not in TRAINED):
                missed.append(day)
            day += timedelta(days=1)
    return tuple(missed)
