"""Confirming a phase change the weekly check offered (CLINICAL 9.2: "the user confirms")."""

from __future__ import annotations

from coachbot.coaching.progress import Decision
from coachbot.coaching.weekly import enter_phase
from coachbot.core import decisions
from coachbot.core.flow import Answers, Flow, Step
from coachbot.core.question import yes_no_question
from coachbot.core.turn import Turn
from coachbot.messages import Reply
from coachbot.store import rule_state
from coachbot.texts import checkin as texts


async def _finish(turn: Turn, answers: Answers) -> list[Reply]:
    enrolment = turn.enrolment
    if enrolment is None:
        return []
    programme, number, today = turn.programme(), int(answers["phase"]), turn.local_today()
    phase = programme.phase(number)
    progress = enter_phase(programme, rule_state.progress_of(enrolment), number, today)
    started = texts.PHASE_STARTED.format(phase=number, name=phase.name)
    return await decisions.apply(turn, Decision(today, "phase_up", "transition", started, number), progress)


PHASE_UP = Flow(
    "phase_up",
    (Step("confirm", lambda _t, _a: yes_no_question(texts.ASK_PHASE_UP), ends={"no": texts.PHASE_DECLINED}),),
    _finish,
)


FLOWS = (PHASE_UP,)
