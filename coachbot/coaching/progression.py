"""The progression decision table (CLINICAL 9.2 rows 1-5, 7, 8, 10), evaluated at the morning check-in
after a session; the first matching row wins. Rows 6 and 9 and phase changes are in weekly.py.

Pure: `evaluate(...)` returns the decision and the new Progress; nothing is stored here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from coachbot.coaching import choose, soreness, zones
from coachbot.coaching.constants import PREVENTION_RED_SESSIONS
from coachbot.coaching.progress import Decision, Morning, Progress, SessionReport
from coachbot.coaching.redflags import Tier
from coachbot.programme.schema import Group, Programme
from coachbot.texts import decisions as texts

# Morning safety ticks (CLINICAL 8 RF_daily) that mean a same-day check; "rest_pain" alone is row 4.
URGENT_TICKS = frozenset({"swelling", "warmth", "numbness"})
DVT_TICKS = frozenset({"swelling", "warmth"})


@dataclass(frozen=True)
class Context:
    """What the rules know about the person besides their check-ins."""

    programme: Programme
    week: int = 1  # programme week, for the prevention plyometric cap
    cautious: bool = False  # prevention: previous calf strain or age 40+
    clinician_led: bool = False  # CLINICAL A16: never auto-advanced; the clinician decides


def evaluate(
    context: Context,
    progress: Progress,
    session: SessionReport,
    morning: Morning | None,
    mornings: Sequence[Morning],
    sessions: Sequence[SessionReport],
    today: date,
) -> tuple[Decision, Progress]:
    """Decide about `session` given the next morning's answers (None when there were none)."""
    rules = context.programme.rules
    phase = context.programme.phase(progress.phase)
    pain = morning.pain if morning is not None else None

    def hold(rule: str, reason: str, new: Progress) -> tuple[Decision, Progress]:
        return Decision(today, "hold", rule, reason, progress.phase), new

    found = morning_rules(context, progress, morning, mornings, today, session)
    if found is not None:
        return found
    if pain is None:  # row 3
        return hold("3", texts.HOLD_NO_MORNING, replace(progress, green_streak=0, streaks={}))
    yesterday = _yesterday(mornings, today)

    session_zone = zones.session_zone(rules, phase.group, session.during, session.after)
    base = zones.baseline(rules, mornings, session.day, progress.regress_days, progress.baseline)
    morning_zone = zones.morning_zone(rules, pain, base)
    if phase.group == "PREV":
        # A22: expected soreness after new work holds, and is never counted toward a referral
        reports = (*sessions, session)
        if morning_zone != "green" and soreness.expected(context.programme, progress, today, pain, reports):
            return hold("A22", texts.HOLD_SORENESS, replace(progress, green_streak=0, streaks={}))
        yesterday = soreness.counted_yesterday(context.programme, progress, mornings, reports, today)
        progress, switch = _prevention(context, progress, session_zone, pain, yesterday, today)
        if switch:
            return Decision(today, "stop", "11", texts.PREVENTION_TRIAGE, progress.phase), progress
    if "red" in (session_zone, morning_zone):  # row 5
        cause = _regress_cause(context, phase.group, session, morning_zone == "red")
        return _regress(context, progress, today, pain >= rules.morning_abs_red or phase.group == "B", cause)
    if "amber" in (session_zone, morning_zone):  # row 7
        return hold("7", texts.HOLD_AMBER, replace(progress, green_streak=0, streaks={}))
    if session.completion != "all":  # row 8
        reason = texts.HOLD_PARTIAL_PAIN if session.reason == "pain" else texts.HOLD_PARTIAL
        if session.reason != "pain" and _low_completions(sessions, today) >= 3:
            reason = texts.OFFER_EASIER
        return hold("8", reason, replace(progress, green_streak=0, streaks={}))
    return _green(context, progress, session, today)  # row 10


def morning_rules(
    context: Context,
    progress: Progress,
    morning: Morning | None,
    mornings: Sequence[Morning],
    today: date,
    session: SessionReport | None = None,
) -> tuple[Decision, Progress] | None:
    """Rows 1, 2 and 4: what any morning (and a session's sudden event or stop-level pain) can trigger,
    whether or not there is a session to decide about."""
    rules = context.programme.rules
    pain = morning.pain if morning is not None else None
    ticks = set(morning.signs) if morning is not None else set()
    calm = replace(progress, green_streak=0, streaks={})
    if ticks & URGENT_TICKS:  # row 1: a red flag at any time
        return Decision(today, "refer", "1", texts.REFER_TICK, progress.phase, tier="urgent"), calm
    during = session.during if session is not None else None
    after = session.after if session is not None else None  # A19: pain right after counts like during
    if (
        (session is not None and session.sudden)
        or (during or 0) >= rules.pain_stop
        or (after or 0) >= rules.pain_stop
        or (pain or 0) >= rules.pain_stop
    ):
        rest = today + timedelta(hours=rules.stop_rest_hours)  # row 2
        sudden = session is not None and session.sudden
        reason = (texts.STOP_SUDDEN if sudden else texts.STOP).format(date=rest.strftime("%a %d %b"))
        return Decision(today, "stop", "2", reason, progress.phase), replace(calm, rest_until=rest)
    if pain is None:
        return None
    yesterday = _yesterday(mornings, today)
    two_red = pain >= rules.morning_abs_red and yesterday is not None and yesterday >= rules.morning_abs_red
    if two_red or "rest_pain" in ticks:  # row 4
        tier: Tier = "urgent" if ticks & DVT_TICKS else "routine"
        reason = texts.REFER_REST_PAIN if "rest_pain" in ticks else texts.REFER_MORNINGS
        return Decision(today, "refer", "4", reason, progress.phase, tier=tier), calm
    return None


def silence(
    context: Context, progress: Progress, last_answer: date, today: date
) -> tuple[Decision, Progress] | None:
    """CLINICAL 8 missing data: after `silence_pause_days` without an answer the plan restarts one level
    below where the person left off."""
    if (today - last_answer).days < context.programme.rules.silence_pause_days:
        return None
    return restart_lower(context, progress, today, "silence", texts.WELCOME_BACK_LOWER)


def restart_lower(
    context: Context, progress: Progress, today: date, rule: str, reason: str
) -> tuple[Decision, Progress]:
    """Every exercise of the phase that can go lower restarts one level down (CLINICAL 9.6 re-entry)."""
    phase = context.programme.phase(progress.phase)
    new = replace(progress, green_streak=0, streaks={})
    changes = []
    for item in phase.menu:
        level = progress.levels.get(item.exercise, item.start)
        if level > 1 and context.programme.exercise(item.exercise).progresses:
            changes.append((item.exercise, level, level - 1))
            new = new.with_level(item.exercise, level - 1, today)
    if not changes:
        return Decision(today, "hold", rule, texts.WELCOME_BACK_SAME, progress.phase), new
    first = changes[0]
    decision = Decision(
        today, "regress", rule, reason, progress.phase,
        exercise=first[0], level_from=first[1], level_to=first[2], scope=tuple(changes),
    )  # fmt: skip
    return decision, new


def _yesterday(mornings: Sequence[Morning], today: date) -> int | None:
    day = today - timedelta(days=1)
    return next((m.pain for m in reversed(mornings) if m.day == day), None)


def _prevention(
    context: Context, progress: Progress, zone: str, pain: int, yesterday: int | None, today: date
) -> tuple[Progress, bool]:
    """CLINICAL 11 / 9.1 PREV: a red session is remembered; two of them in 28 days, or morning pain at the
    triage line two days running, mean the person should answer the injury triage before more loading."""
    rules = context.programme.rules
    red = tuple(day for day in progress.red_sessions if day > today - timedelta(days=28))
    red += (today,) if zone == "red" else ()
    line = rules.injury_triage_pain
    mornings_up = line is not None and pain >= line and yesterday is not None and yesterday >= line
    switch = len(red) >= PREVENTION_RED_SESSIONS or mornings_up
    return replace(progress, red_sessions=red, green_streak=0 if switch else progress.green_streak), switch


def _regress_cause(context: Context, group: Group, session: SessionReport, morning_red: bool) -> str:
    """What set off row 5, in words: the session's pain above the limit, the unsettled morning, or both."""
    rules = context.programme.rules
    over = zones.above_limit(rules, group, session.during, session.after)
    if over is None:
        return texts.REGRESS_MORNING
    pain, when = over
    wording = texts.REGRESS_BOTH if morning_red else texts.REGRESS_SESSION
    return wording.format(pain=pain, when=texts.PAIN_WHEN[when], cap=rules.zones[group].amber_max)


def _regress(
    context: Context, progress: Progress, today: date, impact_all: bool, cause: str
) -> tuple[Decision, Progress]:
    rules = context.programme.rules
    regress_days = (*[day for day in progress.regress_days if day > today - timedelta(days=28)], today)
    if any(
        sum(1 for day in regress_days if day > today - timedelta(days=window.days)) >= window.count
        for window in rules.regress_refer
    ):
        new = replace(progress, green_streak=0, streaks={}, regress_days=regress_days)
        return Decision(today, "refer", "5", texts.REFER_REGRESSIONS, progress.phase, tier="routine"), new
    targets = choose.regress_targets(context.programme, progress, impact_all)
    if not targets:
        new = replace(progress, green_streak=0, streaks={}, regress_days=regress_days)
        return Decision(today, "refer", "5", texts.REFER_NOTHING_EASIER, progress.phase, tier="routine"), new
    new = replace(
        progress,
        green_streak=0,
        streaks={},
        regress_days=regress_days,
        regressed_exercise=targets[0],
        light_day=today,
        skip_run_until=today + timedelta(days=2) if impact_all else progress.skip_run_until,
    )
    changes = []
    for exercise in targets:
        level = progress.levels[exercise]
        new = new.with_level(exercise, level - 1, today)
        changes.append((exercise, level, level - 1))
    described = ", ".join(
        f"{context.programme.exercise(e).name} to {context.programme.exercise(e).levels[to - 1].tag}"
        for e, _, to in changes
    )
    first = changes[0]
    decision = Decision(
        today,
        "regress",
        "5",
        texts.REGRESS.format(cause=cause, changes=described),
        progress.phase,
        exercise=first[0],
        level_from=first[1],
        level_to=first[2],
        scope=tuple(changes),
    )
    return decision, new


def _low_completions(sessions: Sequence[SessionReport], today: date) -> int:
    week = [s for s in sessions if today - timedelta(days=7) <= s.day <= today]
    return sum(1 for s in week if s.completion in ("some", "none") and s.reason != "pain")


def _green(
    context: Context, progress: Progress, session: SessionReport, today: date
) -> tuple[Decision, Progress]:
    """Row 10: count the green session for every exercise in it; advance exactly one exercise by one level
    once it has N green sessions at its level (N+1 after it was regressed), in priority order (9.3). Only
    what the session contained can advance, so in Phase 4 the run ladder moves on run days and the
    plyometric maintenance on its own day (A14)."""
    phase = context.programme.phase(progress.phase)
    streaks = dict(progress.streaks)
    for done in session.levels or progress.levels:
        streaks[done] = streaks.get(done, 0) + 1
    counted = replace(progress, green_streak=progress.green_streak + 1, streaks=streaks)
    if progress.hold_week_until is not None and today < progress.hold_week_until:
        return Decision(today, "hold", "9", texts.HOLD_WEEK_ACTIVE, progress.phase), counted
    if context.clinician_led:  # A16: green sessions count, but only the clinician moves the person up
        return Decision(today, "hold", "10", texts.HOLD_CLINICIAN, progress.phase), counted
    candidates = choose.advanceable(
        context.programme, progress, session.levels, context.week, context.cautious
    )
    if not candidates:
        return Decision(today, "hold", "10", texts.HOLD_AT_TOP, progress.phase), counted

    def needed(exercise: str) -> int:
        return phase.green_to_advance + (1 if exercise == progress.regressed_exercise else 0)

    ready = [exercise for exercise in candidates if streaks.get(exercise, 0) >= needed(exercise)]
    if not ready:
        first = candidates[0]
        reason = texts.HOLD_STREAK.format(count=streaks.get(first, 0), needed=needed(first))
        return Decision(today, "hold", "10", reason, progress.phase), counted
    chosen = ready[0]
    level = progress.levels.get(chosen, 1)
    ladder = context.programme.exercise(chosen)
    target = ladder.levels[level]  # the next level up (levels are 1-based)
    new = replace(
        counted,
        green_streak=0,
        streaks={**streaks, chosen: 0},  # the others keep their greens: they are still at their level
        advances=(*progress.advances, chosen),
        regressed_exercise=None if chosen == progress.regressed_exercise else progress.regressed_exercise,
    ).with_level(chosen, level + 1, today)
    reason = texts.ADVANCE.format(exercise=ladder.name, level=target.tag, name=target.name)
    decision = Decision(
        today, "advance", "10", reason, progress.phase, exercise=chosen, level_from=level, level_to=level + 1
    )
    return decision, new
