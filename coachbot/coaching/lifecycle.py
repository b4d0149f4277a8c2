"""The enrolment's lifecycle: its status, why it has it, and the changes allowed between them.

Pure (stdlib only). Each function checks that the change is allowed from the plan's current status and
returns a `Change`; store/plan_changes.py `apply` writes it and moves or clears the prompt schedule. The
values are the strings stored in `enrolments.status` and `enrolments.status_reason`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class Status(StrEnum):
    ACTIVE = "active"  # prompts are scheduled
    PAUSED = "paused"  # by the person, a rule's stop (9.2 row 2), silence (8) or an unreachable chat
    REFERRED = "referred"  # 9.2 row 1: resumes only once a clinician has seen them
    STOPPED = "stopped"  # /stop: ended, history kept
    COMPLETED = "completed"  # A15: graduated


LIVE = (Status.ACTIVE, Status.PAUSED, Status.REFERRED)  # what a person's turn loads
ENDED = (Status.STOPPED, Status.COMPLETED)  # kept for the retention period, then deleted


class Reason(StrEnum):
    """Every fixed status reason; `stopped_by_rule` and `referred_for` build the ones that carry detail."""

    BLOCKED = "blocked"  # the platform refuses to deliver (the bot blocked, direct messages closed)
    SILENCE = "silence"  # CLINICAL 8 missing data: no answer for the programme's silence_pause_days
    SICK = "person:sick"  # /pause, with the reason the person chose (texts.settings.PAUSE_LABELS)
    TRAVELLING = "person:travelling"  # A9: /resume asks the DVT questions again
    FLARE_UP = "person:flare_up"
    OTHER = "person:other"
    SCREENED_STOP = "stop:sudden"  # A7: a row-2 stop whose rupture screen was clear; re-triage may start
    RETRIAGE = "retriage"  # 9.2 row 1: a red flag in the re-triage answers
    RETRIAGE_GRADE2 = "retriage:grade2"  # 9.2 row 2: re-triage found grade 2 or a new limp (ROUTINE)
    PERSON = "person"  # /stop
    GRADUATED = "graduated"  # A15


def paused_by_person(choice: str) -> Reason:
    """The reason of a /pause for the choice made (a key of texts.settings.PAUSE_LABELS)."""
    return Reason(f"person:{choice}")


def stopped_by_rule(rule: str) -> str:
    """9.2 row 2 (STOP & RE-TRIAGE): the plan rests, paused, with the rule that stopped it."""
    return f"stop:rule{rule}"


def referred_for(tier: str, signs: tuple[str, ...]) -> str:
    """9.2 row 1, A11: the tier and the signs ("urgent:calf_swelling,warmth"), cut to the column's 64."""
    return f"{tier}:{','.join(signs)}"[:64]


class NotAllowed(ValueError):
    """The change is not allowed from the plan's current status."""


@dataclass(frozen=True)
class Change:
    status: Status
    reason: str | None
    at: datetime
    reschedule: bool  # the status changed: prompts are worked out again (active) or withdrawn (otherwise)
    kept: bool = False  # refused without harm: the plan stays as it is (a referral waits for its review)

    @property
    def clears(self) -> bool:
        """Whether the prompts of the plan stop: schedules emptied and queued prompts withdrawn."""
        return self.reschedule and self.status is not Status.ACTIVE


def _to(current: str, new: Status, allowed: tuple[Status, ...], reason: str | None, now: datetime) -> Change:
    if current == Status.REFERRED and current not in allowed:
        # 9.2 row 1, A12: nothing but the clinician's review (resume) or /stop ends a referral. A pause or a
        # graduation reached while referred leaves it referred rather than failing the person's turn.
        return Change(Status.REFERRED, None, now, reschedule=False, kept=True)
    if current not in allowed:
        raise NotAllowed(f"{current} -> {new}")
    return Change(new, reason, now, reschedule=current != new)


def pause(current: str, reason: str, now: datetime) -> Change:
    """Paused: by the person (/pause), by a rule's stop (9.2 row 2: rest, then re-triage; A7 after a clear
    rupture screen), by silence (8) or an unreachable chat. A paused plan may be paused again for another
    reason (the stop's screen came back clear); a referred one is not, it waits for the clinician (row 1)."""
    return _to(current, Status.PAUSED, (Status.ACTIVE, Status.PAUSED), reason, now)


def refer(current: str, reason: str, now: datetime) -> Change:
    """PAUSE-AND-REFER (9.2 row 1, A11, A12): a red flag pauses any live plan, a referred one again."""
    return _to(current, Status.REFERRED, LIVE, reason, now)


def stop(current: str, now: datetime) -> Change:
    """/stop: the plan ends, its history is kept (for /export, /report)."""
    return _to(current, Status.STOPPED, LIVE, Reason.PERSON, now)


def resume(current: str, now: datetime) -> Change:
    """Active again: after a pause (9.6 re-entry, A9 after travelling), after a stop's re-triage (row 2) or
    a clinician's review (row 1). The callers ask their questions first; an active plan stays as it is."""
    return _to(current, Status.ACTIVE, LIVE, None, now)


def complete(current: str, now: datetime) -> Change:
    """A15: every goal of the last phase met and the person said yes: the programme is completed (also when
    the silence job paused the plan while the question was open; a referred plan waits for its review)."""
    return _to(current, Status.COMPLETED, (Status.ACTIVE, Status.PAUSED), Reason.GRADUATED, now)
