"""Replaying a person's daily answers through the rules, day by day (`coachbot simulate`).

Each day: the morning answer decides about yesterday's session (CLINICAL 9.2), self-tests are noted, the
weekly check runs every seventh day, then today's session — the one the live bot would push, light day,
skip-the-next-run and limits included (A21, A26) — is credited. The person accepts every phase change
and graduation offered. A referral or graduation ends the replay; a stop pauses loading for the rest
period. A test with no data counts as not passed unless `assume_passed`; a clinician-led replay opens
with the phase the clinician set (`clinician_phase`, A16), recorded as /clinician records it. Pure.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import date, timedelta

from coachbot.coaching import plan, progression, starting, weekly, zones
from coachbot.coaching.constants import BASELINE_CAP
from coachbot.coaching.facts import History, Person, WeeklyReport
from coachbot.coaching.progress import Decision, Morning, Progress, SessionReport
from coachbot.coaching.replay_day import Day, DayResult
from coachbot.programme.schema import WEEKDAYS, Programme, Weekday
from coachbot.texts import decisions as texts

__all__ = ["Day", "DayResult", "Replay", "replay_days", "simulate"]  # Day, DayResult: replay_day.py
from coachbot.texts import plan as plan_texts

__all__ = ["Day", "DayResult", "Replay", "replay_days", "simulate"]

WEEKLY_CHECK_EVERY = 7


class Replay:
    """The state of one simulated person between days: the same pure functions the live bot calls
    (CLINICAL A26), with the person saying yes to every phase change and to graduation."""

    def __init__(
        self,
        programme: Programme,
        person: Person,
        first_morning: int | None,
        *,
        chosen_days: Sequence[Weekday] = WEEKDAYS,
        flags: Mapping[str, object] | None = None,
        assume_passed: bool = False,
        clinician_phase: int | None = None,
    ) -> None:
        self.programme, self.person, self.chosen_days = programme, person, tuple(chosen_days)
        self.flags: Mapping[str, object] = dict(flags or {})
        self.assume_passed = assume_passed
        first = programme.first_phase.number
        self.progress = starting.first_progress(  # CLINICAL A22: the starting dose, as at enrolment
            programme, first, person.started_on, min(first_morning or 0, BASELINE_CAP), person.age,
            person.heel_raises,
        )  # fmt: skip
        if clinician_phase is not None and clinician_phase != first:  # what /clinician records (A16)
            self.progress = weekly.set_by_clinician(
                programme, self.progress, clinician_phase, person.started_on
            )
        self.mornings: list[Morning] = []
        self.sessions: list[SessionReport] = []
        self.weekly: list[WeeklyReport] = []
        self.pending: SessionReport | None = None
        self.resting_until: date | None = None
        self.status = "active"
        self.last_answer = person.started_on
        self.items: tuple[str, ...] = ()

    @property
    def referred(self) -> bool:
        return self.status == "referred"

    @property
    def finished(self) -> bool:
        """Referred or completed: nothing more happens to the plan."""
        return self.status in ("referred", "completed")

    def context(self, today: date) -> progression.Context:
        return progression.Context(
            self.programme,
            self.person.week(today),
            self._cautious,
            self.person.grade == "clinician_led",
        )

    @property
    def _cautious(self) -> bool:
        return self.programme.track == "prevention" and self.person.cautious

    def session_today(self, today: date) -> plan.Session:
        """Today's session exactly as the pushed prompt and /today would show it (A21)."""
        return plan.todays_session(
            self.programme, self.progress, today, self.chosen_days, self.flags, self.person
        )

    def day(self, row: Day) -> Iterator[Decision]:
        today = row.day
        self.items = ()
        if row.morning is not None or row.has_session:
            found = progression.silence(self.context(today), self.progress, self.last_answer, today)
            if found is not None:
                yield from self._apply(found)
            self.last_answer = today
        morning = Morning(today, row.morning)
        self.mornings.append(morning)
        if self.pending is not None and self.pending.day == today - timedelta(days=1):
            yield from self._apply(progression.evaluate(
                self.context(today), self.progress, self.pending, morning if row.morning is not None else None,
                self.mornings, self.sessions, today,
            ))  # fmt: skip
        else:
            found = progression.morning_rules(
                self.context(today), self.progress, morning, self.mornings, today
            )
            if found is not None:
                yield from self._apply(found)
        self.pending = None
        if row.event == "red_flag" and not self.finished:
            yield from self._apply(
                (
                    Decision(today, "refer", "1", texts.REFER_RED_FLAG, self.progress.phase, tier="urgent"),
                    self.progress,
                )
            )
        self._note_tests(row)
        elapsed = (today - self.person.started_on).days
        if not self.finished and elapsed > 0 and elapsed % WEEKLY_CHECK_EVERY == 0:
            yield from self._weekly(today)
        if self.finished or self._resting(today):
            return
        session = self.session_today(today)
        self.items = tuple(item.exercise.id for item in session.items)
        if row.has_session:
            credited = plan.credited_session(
                self.programme,
                self.progress,
                today,
                self.flags,
                self.person,
                session if session.items else None,
            )  # on a day that is not one of theirs, the live check-in's credit (every weekday)
            yield from self._session(row, credited)

    def _weekly(self, today: date) -> Iterator[Decision]:
        decisions, progress = weekly.weekly_check(
            self.programme,
            self.progress,
            self._with_progress(today),
            self.person,
            today,
            assume_unreported=self.assume_passed,
            week=self.person.week(today),
            cautious=self._cautious,
        )
        for decision in decisions:
            if decision.kind == "phase_up":  # the person says yes
                progress = weekly.enter_phase(self.programme, progress, decision.phase, today)
            if decision.kind == "graduate":
                progress = weekly.graduate(self.programme, progress, today)
            yield from self._apply((decision, progress))
            if self.finished:
                return

    def _session(self, row: Day, session: plan.Session) -> Iterator[Decision]:
        # credited at the levels prescribed; a skipped run is not in it (A21)
        levels = {item.exercise.id: item.level.level for item in session.items}
        report = SessionReport(
            row.day, row.during, row.after, row.completion, row.completion_reason, row.event == "pop", levels
        )
        self.sessions.append(report)
        self.pending = report
        if report.sudden:  # a pop is reported straight after the session (row 2)
            self.pending = None
            found = progression.morning_rules(
                self.context(row.day), self.progress, None, self.mornings, row.day, report
            )
            if found is not None:
                yield from self._apply(found)

    def _apply(self, result: tuple[Decision, Progress]) -> Iterator[Decision]:
        decision, self.progress = result
        if decision.kind == "refer":
            self.status = "referred"
        if decision.kind == "graduate":
            self.status = "completed"
        if decision.kind == "stop":
            self.resting_until = decision.day + timedelta(hours=self.programme.rules.stop_rest_hours)
        yield decision

    def _resting(self, today: date) -> bool:
        return self.resting_until is not None and today < self.resting_until

    def state(self, today: date) -> str:
        """active, resting, referred or completed (for `simulate --daily`)."""
        return "resting" if self.status == "active" and self._resting(today) else self.status

    def _note_tests(self, row: Day) -> None:
        answers = {
            "heel_raise_injured": row.heel_raises_injured,
            "heel_raise_other": row.heel_raises_other,
            "pogo_pain": row.hop_pain,
            "hop_pain": row.hop_pain,
            **row.tests,
        }
        given = {name: value for name, value in answers.items() if value is not None}
        if not given:
            return
        report = WeeklyReport(row.day, **given)  # type: ignore[arg-type]
        self.weekly.append(report)

    def _with_progress(self, today: date) -> History:
        """History with B as of yesterday, so "morning settled" compares today's M with it."""
        rules, progress = self.programme.rules, self.progress
        base = zones.baseline(
            rules, self.mornings, today - timedelta(days=1), progress.regress_days, progress.baseline
        )
        return History(tuple(self.mornings), tuple(self.sessions), tuple(self.weekly), base)


def replay_days(
    programme: Programme,
    person: Person,
    days: Sequence[Day],
    *,
    chosen_days: Sequence[Weekday] = WEEKDAYS,
    flags: Mapping[str, object] | None = None,
    assume_passed: bool = False,
    clinician_phase: int | None = None,
    baseline: int | None = None,
) -> Iterator[DayResult]:
    """Every day of the replay with its decisions, until a referral or graduation ends it. `baseline` is B
    at enrolment (CLINICAL 9.1: walking pain then, capped); without it, the first day's morning answer."""
    first_morning = baseline if baseline is not None else days[0].morning if days else None
    replay = Replay(
        programme, person, first_morning, chosen_days=chosen_days, flags=flags,
        assume_passed=assume_passed, clinician_phase=clinician_phase,
    )  # fmt: skip
    opening = _clinician_said(programme, person, clinician_phase)
    for row in days:
        if replay.finished:
            return
        decisions = (*opening, *replay.day(row))
        opening = ()
        progress = replay.progress
        yield DayResult(
            row.day, progress.phase, dict(progress.levels), replay.items, decisions, replay.state(row.day)
        )


def _clinician_said(programme: Programme, person: Person, number: int | None) -> tuple[Decision, ...]:
    """The decision /clinician records (A16), dated the first day, so the replay's output says who set the
    phase."""
    if number is None:
        return ()
    today, phase = person.started_on, programme.phase(number)
    said = plan_texts.CLINICIAN_RECORDED.format(
        phase=number, name=phase.name, date=today.strftime("%a %d %b")
    )
    return (Decision(today, "clinician", "A16", said, number),)


def simulate(
    programme: Programme,
    person: Person,
    days: Sequence[Day],
    after_each_day: Callable[[], object] | None = None,
    *,
    chosen_days: Sequence[Weekday] = WEEKDAYS,
    flags: Mapping[str, object] | None = None,
    assume_passed: bool = False,
    clinician_phase: int | None = None,
) -> Iterator[Decision]:
    """Every decision taken over the days, in date order; `after_each_day` can drive a progress bar."""
    for result in replay_days(
        programme, person, days, chosen_days=chosen_days, flags=flags,
        assume_passed=assume_passed, clinician_phase=clinician_phase,
    ):  # fmt: skip
        yield from result.decisions
        if after_each_day is not None:
            after_each_day()
