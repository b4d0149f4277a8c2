"""Is a person ready to leave their phase (CLINICAL A14), or to graduate (A15)? What is still missing?

`readiness(...)` gathers every condition of leaving a phase that can be read from the history: each
ladder at the phase's ceiling and done green there (A14), each exit criterion of 10.2 (plus the ones a
flag adds, A17), the time floor of the next phase (9.4) and no regress in the last days. The weekly
check adds what only it knows (the trend, the person's "worse", their yes). Pure.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from coachbot.coaching import choose, criteria
from coachbot.coaching.facts import History, Person
from coachbot.coaching.progress import Progress
from coachbot.programme.schema import Criterion, Phase, Programme


@dataclass(frozen=True)
class Ladder:
    """A ladder of the phase that has not yet reached its ceiling green `needed` times."""

    exercise: str
    level: int
    ceiling: int
    greens: int
    needed: int


@dataclass(frozen=True)
class Readiness:
    ladders: tuple[Ladder, ...]  # not yet at the ceiling, green twice
    criteria: tuple[tuple[Criterion, bool | None], ...]  # every exit criterion and whether it is met
    floor_from: date | None  # the first day the next phase's time floor allows, when still ahead
    quiet_from: date | None  # the first day without a regress in the window, when still ahead

    def ready(self, *, assume_passed: bool = False) -> bool:
        """All met; a criterion with no data counts as not met unless `assume_passed` (A26)."""
        unmet = [met for _, met in self.criteria if met is False or (met is None and not assume_passed)]
        return not (self.ladders or unmet or self.floor_from or self.quiet_from)


def flags_of(programme: Programme, person: Person) -> frozenset[str]:
    """The person's flags as the programme reads them; `soleus_emphasis` comes from the soleus pattern in
    rehab (CLINICAL 7.5) or the cautious profile in prevention (11)."""
    flags = set(person.flags)
    cautious = programme.cautious
    if person.soleus or (
        programme.track == "prevention" and person.cautious and cautious and cautious.soleus_emphasis
    ):
        flags.add("soleus_emphasis")
    return frozenset(flags)


def exit_criteria(programme: Programme, phase: Phase, person: Person) -> list[Criterion]:
    """10.2's exit list for the phase plus the criteria the person's flags add (A17)."""
    extra = [
        criterion
        for flag in sorted(flags_of(programme, person))
        for criterion in phase.leave.with_flag.get(flag, ())
    ]
    return [*phase.exit, *extra]


def readiness(
    programme: Programme,
    progress: Progress,
    history: History,
    person: Person,
    following: Phase | None,
    today: date,
    *,
    week: int = 1,
    cautious: bool = False,
) -> Readiness:
    """Where the person stands against leaving `progress.phase` for `following` (None: graduation)."""
    phase = programme.phase(progress.phase)
    ladders = []
    for item in phase.menu:
        if item.top is None or not programme.exercise(item.exercise).progresses:
            continue  # held at one level in this phase: nothing to reach
        ceiling = choose.ceiling(programme, phase, item.exercise, week, cautious)
        level = progress.levels.get(item.exercise, item.start)
        greens = progress.streaks.get(item.exercise, 0) if level >= ceiling else 0
        if greens < phase.leave.green_at_top:
            ladders.append(Ladder(item.exercise, level, ceiling, greens, phase.leave.green_at_top))
    checks = tuple(
        (criterion, criteria.met(criterion, programme.test(criterion.test), history, person, progress, today))
        for criterion in exit_criteria(programme, phase, person)
    )
    floor_from = None
    if following is not None and following.floor is not None:
        floor = programme.time_floors.get(person.floor_key)
        start = person.injured_on or person.started_on
        earliest = start + timedelta(days=getattr(floor, following.floor)) if floor else None
        if earliest is None or today < earliest:
            floor_from = earliest or date.max
    recent = [day for day in progress.regress_days if day > today - timedelta(days=phase.leave.quiet_days)]
    quiet_from = max(recent) + timedelta(days=phase.leave.quiet_days) if recent else None
    return Readiness(tuple(ladders), checks, floor_from, quiet_from)
