"""Replaying a person's daily answers through the rules, day by day (`coachbot simulate`).

Each day: the morning answer decides about yesterday's session (CLINICAL 9.2), self-tests are noted, the
weekly check runs every seventh day, then today's session is recorded. The person accepts every phase
change offered. A referral ends the replay; a stop pauses loading for the rest period. Pure.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from coachbot.coaching import plan, progression, starting, weekly, zones
from coachbot.coaching.constants import BASELINE_CAP
from coachbot.coaching.facts import History, Person, WeeklyReport
from coachbot.coaching.progress import Decision, Morning, Progress, SessionReport
from coachbot.programme.schema import WEEKDAYS, Programme
from coachbot.texts import decisions as texts

WEEKLY_CHECK_EVERY = 7


@dataclass(frozen=True)
class Day:
    """One CSV row: a calendar day's answers (None where the cell was empty)."""

    day: date
    during: int | None = None
    after: int | None = None
    morning: int | None = None
    completion: str | None = None
    event: str | None = None  # none | pop | red_flag
    heel_raises_injured: int | None = None
    heel_raises_other: int | None = None
    hop_pain: int | None = None

    @property
    def has_session(self) -> bool:
        return self.during is not None or self.after is not None or self.completion is not None


class Replay:
    """The state of one simulated person between days."""

    def __init__(self, programme: Programme, person: Person, first_morning: int | None) -> None:
        self.programme, self.person = programme, person
        first = programme.first_phase.number
        self.progress = starting.first_progress(  # CLINICAL A22: the starting dose, as at enrolment
            programme, first, person.started_on, min(first_morning or 0, BASELINE_CAP), person.age,
            person.heel_raises,
        )  # fmt: skip
        self.history = History(baseline=self.progress.baseline)
        self.pending: SessionReport | None = None
        self.resting_until: date | None = None
        self.referred = False
        self.last_answer = person.started_on

    def context(self, today: date) -> progression.Context:
        return progression.Context(
            self.programme,
            self.person.week(today),
            self.person.cautious,
            self.person.grade == "clinician_led",
        )

    def day(self, row: Day) -> Iterator[Decision]:
        today = row.day
        if row.morning is not None or row.has_session:
            found = progression.silence(self.context(today), self.progress, self.last_answer, today)
            if found is not None:
                yield from self._apply(found)
            self.last_answer = today
        morning = Morning(today, row.morning)
        self.history = replace(self.history, mornings=(*self.history.mornings, morning))
        if self.pending is not None and self.pending.day == today - timedelta(days=1):
            yield from self._apply(progression.evaluate(
                self.context(today), self.progress, self.pending, morning if row.morning is not None else None,
                self.history.mornings, self.history.sessions, today,
            ))  # fmt: skip
        else:
            found = progression.morning_rules(
                self.context(today), self.progress, morning, self.history.mornings, today
            )
            if found is not None:
                yield from self._apply(found)
        self.pending = None
        if row.event == "red_flag" and not self.referred:
            yield from self._apply(
                (
                    Decision(today, "refer", "1", texts.REFER_RED_FLAG, self.progress.phase, tier="urgent"),
                    self.progress,
                )
            )
        self._note_tests(row)
        if (
            not self.referred
            and (today - self.person.started_on).days % WEEKLY_CHECK_EVERY == 0
            and today > self.person.started_on
        ):
            decisions, self.progress = weekly.weekly_check(
                self.programme,
                self.progress,
                self._with_progress(today),
                self.person,
                today,
                assume_unreported=True,
            )
            for decision in decisions:
                if decision.kind == "phase_up":
                    self.progress = weekly.enter_phase(self.programme, self.progress, decision.phase, today)
                yield decision
        if row.has_session and not self.referred and not self._resting(today):
            yield from self._session(row)

    def _session(self, row: Day) -> Iterator[Decision]:
        session = plan.session_for(
            self.programme, self.progress.phase, self.progress.levels, row.day, WEEKDAYS
        )
        done = [item.exercise.id for item in session.items] or [item.exercise for item in session.phase.menu]
        report = SessionReport(
            row.day, row.during, row.after, row.completion, None, row.event == "pop",
            {exercise: self.progress.levels.get(exercise, 1) for exercise in done},
        )  # fmt: skip
        self.history = replace(self.history, sessions=(*self.history.sessions, report))
        self.pending = report
        if report.sudden:  # a pop is reported straight after the session (row 2)
            self.pending = None
            found = progression.morning_rules(
                self.context(row.day), self.progress, None, self.history.mornings, row.day, report
            )
            if found is not None:
                yield from self._apply(found)

    def _apply(self, result: tuple[Decision, Progress]) -> Iterator[Decision]:
        decision, self.progress = result
        if decision.kind == "refer":
            self.referred = True
        if decision.kind == "stop":
            self.resting_until = decision.day + timedelta(hours=self.programme.rules.stop_rest_hours)
        yield decision

    def _resting(self, today: date) -> bool:
        return self.resting_until is not None and today < self.resting_until

    def _note_tests(self, row: Day) -> None:
        if row.heel_raises_injured is None and row.heel_raises_other is None and row.hop_pain is None:
            return
        report = WeeklyReport(
            row.day,
            heel_raise_injured=row.heel_raises_injured,
            heel_raise_other=row.heel_raises_other,
            pogo_pain=row.hop_pain,
            hop_pain=row.hop_pain,
        )
        self.history = replace(self.history, weekly=(*self.history.weekly, report))

    def _with_progress(self, today: date) -> History:
        """History with B as of yesterday, so "morning settled" compares today's M with it."""
        rules, progress = self.programme.rules, self.progress
        base = zones.baseline(
            rules, self.history.mornings, today - timedelta(days=1), progress.regress_days, progress.baseline
        )
        return replace(self.history, baseline=base)


def simulate(
    programme: Programme,
    person: Person,
    days: Sequence[Day],
    after_each_day: Callable[[], object] | None = None,
) -> Iterator[Decision]:
    """Every decision taken over the days, in date order; `after_each_day` can drive a progress bar."""
    replay = Replay(programme, person, days[0].morning if days else None)
    for row in days:
        if replay.referred:
            return
        yield from replay.day(row)
        if after_each_day is not None:
            after_each_day()
