"""A plan paused for safety (CLINICAL A12): referred, or resting after a stop-and-re-triage decision (9.2
row 2). /today shows no exercises then, and /today and /status say since when, why in plain words (never a
diagnosis) and the next step. `pause_of` reads the stored facts; the texts are pure functions of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from coachbot.coaching.lifecycle import Status
from coachbot.coaching.redflags import TIER_ORDER
from coachbot.coaching.regions import Region, region_for
from coachbot.core.referral import why
from coachbot.core.turn import Turn
from coachbot.store import rule_state
from coachbot.store.tables import Enrolment, Referral
from coachbot.texts import safety

DAY = "%a %d %b"
TIERS = ("emergency", "urgent", "routine")


@dataclass(frozen=True)
class SafetyPause:
    kind: Literal["referred", "resting"]
    since: date
    why: str  # plain words: "you told me about a swollen calf"
    tier: str | None = None  # referred only
    rest_until: date | None = None  # resting only: the day re-triage opens


def paused_for_safety(enrolment: Enrolment | None) -> bool:
    if enrolment is None:
        return False
    resting = enrolment.status == Status.PAUSED and (enrolment.status_reason or "").startswith("stop")
    return enrolment.status == Status.REFERRED or resting


async def pause_of(turn: Turn) -> SafetyPause | None:
    """Why and since when the person's plan is paused for safety, or None if it isn't."""
    enrolment = turn.enrolment
    if enrolment is None or turn.person is None or not paused_for_safety(enrolment):
        return None
    if enrolment.status == Status.PAUSED:
        decisions = [d for d in await turn.repo.decisions(enrolment.id) if d.kind == "stop"]
        since = decisions[-1].local_date if decisions else turn.local_today()
        rest_until = rule_state.progress_of(enrolment).rest_until
        return SafetyPause("resting", since, safety.WHY_REST, rest_until=rest_until)
    mine = [r for r in await turn.repo.referrals(turn.person.id) if r.enrolment_id == enrolment.id]
    if mine:
        # the most serious referral of this pause (the last two weeks of referrals), the latest of those
        recent = [r for r in mine if r.at >= mine[-1].at - PAUSE_EPISODE]
        return _from_referral(
            max(reversed(recent), key=lambda r: TIER_ORDER.index(r.tier) if r.tier in TIER_ORDER else 0)
        )
    # referred before referrals were stored: the status reason holds "tier:sign,sign"
    tier, _, signs = (enrolment.status_reason or "").partition(":")
    found = tuple(sign for sign in signs.split(",") if sign)
    return SafetyPause(
        "referred", enrolment.updated_at.astimezone(turn.zone()).date(), why("message", found, ()),
        tier=tier if tier in TIERS else "routine",
    )  # fmt: skip


PAUSE_EPISODE = timedelta(days=14)


def _from_referral(referral: Referral) -> SafetyPause:
    return SafetyPause(
        "referred",
        referral.local_date,
        why(referral.source, referral.signs, referral.triggers),
        tier=referral.tier,
    )


def next_step(pause: SafetyPause, region: Region, today: date) -> str:
    if pause.kind == "resting":
        if pause.rest_until is not None and today < pause.rest_until:
            return safety.NEXT_AFTER_REST.format(date=pause.rest_until.strftime(DAY))
        return safety.NEXT_REST_OVER
    return safety.NEXT_STEPS[pause.tier or "routine"].format(
        emergency=region.emergency, emergency_department=region.emergency_department,
        urgent=region.urgent, walk_in=region.walk_in,
    )  # fmt: skip


def today_text(pause: SafetyPause, region: Region, today: date) -> str:
    """/today while paused for safety: no exercises, why, and what to do next."""
    head = safety.TODAY_REFERRED if pause.kind == "referred" else safety.TODAY_RESTING
    step = safety.NEXT_STEP.format(step=next_step(pause, region, today))
    return head.format(date=pause.since.strftime(DAY), why=pause.why) + "\n" + step


def status_text(pause: SafetyPause, region: Region, today: date) -> str:
    """The lines /status adds while paused for safety."""
    if pause.kind == "referred":
        tier = safety.TIER_WORDS.get(pause.tier or "routine", "")
        line = safety.STATUS_REFERRED.format(date=pause.since.strftime(DAY), tier=tier, why=pause.why)
    else:
        line = safety.STATUS_RESTING.format(date=pause.since.strftime(DAY), why=pause.why)
    return line + "\n" + safety.NEXT_STEP.format(step=next_step(pause, region, today))


async def today_reply(turn: Turn) -> str | None:
    pause = await pause_of(turn)
    if pause is None:
        return None
    zone = turn.person.tz if turn.person is not None else None
    return today_text(pause, region_for(zone), turn.local_today())


async def status_lines(turn: Turn) -> str | None:
    pause = await pause_of(turn)
    if pause is None:
        return None
    zone = turn.person.tz if turn.person is not None else None
    return status_text(pause, region_for(zone), turn.local_today())
