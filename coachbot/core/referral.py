"""Pause-and-refer (CLINICAL 9.2 row 1, A11): a red flag stops the plan, sends the advice of its tier and
is recorded as a fact: tier, signs, the words that set it off, when, and exactly what the person was told.

`refer` is the one way a referral happens, whatever raised it: a message, the rules engine, the triage
answers or a structured safety question. Resuming after a referral needs the person to confirm a
clinician has seen them (core/features/resume.py).
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from coachbot.coaching import lifecycle
from coachbot.coaching.redflags import Tier
from coachbot.coaching.regions import region_for
from coachbot.core.turn import Turn
from coachbot.messages import Reply
from coachbot.store.tables import Decision, Referral
from coachbot.texts import safety
from coachbot.texts import triage as triage_texts

# The rule id a referral's Decision row carries, by source (9.2 row 1 is "a red flag at any time")
DECISION_RULES = {"message": "1", "screen": "1", "confirm": "1"}


def message_for(tier: Tier, zone: str | None, reason: str = "default") -> str:
    """The advice of a tier in the person's region (CLINICAL 12.2-12.4), with no word about a plan."""
    region = region_for(zone)
    if tier == "emergency":
        return safety.EMERGENCY.format(
            emergency=region.emergency, emergency_department=region.emergency_department
        )
    if tier == "urgent":
        return safety.URGENT.format(urgent=region.urgent, walk_in=region.walk_in)
    example = safety.ROUTINE_REASONS.get(reason) if reason != "default" else None
    return safety.ROUTINE.format(example=safety.ROUTINE_EXAMPLE.format(reason=example) if example else "")


def compose(
    tier: Tier,
    zone: str | None,
    reason: str,
    *,
    paused: bool,
    source: str,
    lead: str = "",
    noted: bool = False,
) -> str:
    """The whole referral message: the rule's own sentence, the advice, then what happens to the plan.
    After a rule's sentence, which says why, the routine advice gives no example of its own."""
    parts = [lead, message_for(tier, zone, "default" if lead else reason)]
    if paused:
        parts += [safety.PAUSED, triage_texts.REFER_RESUME]
    elif source == "triage":
        parts.append(triage_texts.REFER_AGAIN)
    if noted:
        parts.append(safety.NOTED)
    return "\n".join(part for part in parts if part)


async def refer(
    turn: Turn,
    tier: Tier,
    signs: tuple[str, ...],
    *,
    triggers: tuple[str, ...] = (),
    source: str = "message",
    reason: str | None = None,
    lead: str = "",
) -> list[Reply]:
    """Pause the plan at `tier` (if there is one), close any open questions, say what to do, record it.

    Args:
        signs: what was found: coaching.redflags sign ids, morning warning signs, a ROUTINE_REASONS key.
        triggers: the person's own words, or the answers they chose, that set it off (kept for audit).
        source: "message" (free text), "confirm" (a yes or not sure to the confirming question of A6),
            "rule" (the rules engine), "triage" (enrolment or re-triage answers) or "screen" (a
            structured safety question).
        reason: the ROUTINE_REASONS key of the routine wording; the first sign by default.
        lead: a sentence said before the advice (a rule's own explanation).

    A Decision row kind "refer" is added to a plan that is paused, except for source "rule", whose
    caller (decisions.apply) has stored the rule's own decision.
    """
    zone, plan, consented = zone_of(turn), turn.enrolment, has_consented(turn)
    if plan is not None:
        await turn.change_status(lifecycle.refer(plan.status, lifecycle.referred_for(tier, signs), turn.now))
    if turn.person is not None and turn.conversation is not None:
        await turn.repo.end_conversation(turn.person.id)
        turn.conversation = None
    person = await turn.ensure_person()
    noted = not consented  # they have not agreed to the consent screen that says what is stored
    wording = reason or (signs[0] if signs else "default")
    text = compose(tier, zone, wording, paused=plan is not None, source=source, lead=lead, noted=noted)
    day = turn.now.astimezone(ZoneInfo(zone) if zone else ZoneInfo("UTC")).date()
    if plan is not None and source != "rule":
        because = why(source, signs, triggers)
        await turn.repo.add_decision(
            Decision(
                enrolment_id=plan.id, local_date=day, kind="refer", phase=plan.phase,
                rule=DECISION_RULES.get(source, source)[:16], decided_at=turn.now,
                reason=safety.REFER_DECISION.format(tier=tier, why=because),
            )
        )  # fmt: skip
    await turn.repo.add_referral(
        Referral(
            person_id=person.id, enrolment_id=plan.id if plan is not None else None, at=turn.now,
            local_date=day, tier=tier, signs=list(signs), triggers=list(triggers), source=source, text=text,
        )
    )  # fmt: skip
    return [turn.say(text)]


def has_consented(turn: Turn) -> bool:
    """Agreed to the consent screen: on record, or earlier in the enrolment questions (saved at the end)."""
    if turn.person is not None and turn.person.agreed_at is not None:
        return True
    return turn.conversation is not None and turn.conversation.answers.get("consent") == "yes"


def zone_of(turn: Turn) -> str | None:
    """The person's zone, or the one they gave earlier in the enrolment questions (not yet saved)."""
    if turn.person is not None and turn.person.tz:
        return turn.person.tz
    answers = turn.conversation.answers if turn.conversation is not None else {}
    zone = answers.get("zone")
    if isinstance(zone, dict):  # several zones were offered: the one picked (core/steps/zone_steps.py)
        zone = answers.get("zone_pick")
    return zone if isinstance(zone, str) and zone else None


def why(source: str, signs: tuple[str, ...] | list[str], triggers: tuple[str, ...] | list[str]) -> str:
    """Why a referral happened, in plain words: the signs the person reported, never a diagnosis."""
    words = [
        safety.SIGN_WORDS.get(sign) or safety.ROUTINE_REASONS.get(sign) for sign in signs if sign != "default"
    ]
    found = [word for word in words if word]
    what = _joined(found or [f"“{trigger}”" for trigger in triggers] or [safety.SOMETHING])
    return safety.WHY.get(source, safety.WHY["message"]).format(what=what)


def _joined(items: list[str]) -> str:
    unique = list(dict.fromkeys(items))
    return unique[0] if len(unique) == 1 else ", ".join(unique[:-1]) + " and " + unique[-1]
