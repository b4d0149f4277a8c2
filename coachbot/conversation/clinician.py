"""Clinician-led mode (CLINICAL A16): the person records what their clinician said, and the plan follows it.

`/clinician` asks which phase the clinician has them on; the bot moves there (levels within the phase's
bounds), stores who decided and when, and from then on never advances level or phase on its own. The
pain rules still hold, regress, stop and refer.
"""

from __future__ import annotations

from coachbot import deciding, tracking
from coachbot.coaching.progress import Decision
from coachbot.coaching.weekly import set_by_clinician
from coachbot.conversation.flow import Answers, Flow, Step
from coachbot.conversation.question import Option, Question
from coachbot.conversation.turn import Turn
from coachbot.messages import Reply
from coachbot.texts import plan as texts

CLINICIAN_LED = "clinician_led"


def _phase_question(turn: Turn, _answers: Answers) -> Question:
    options = tuple(
        Option(str(phase.number), texts.CLINICIAN_PHASE_LABEL.format(number=phase.number, name=phase.name))
        for phase in turn.programme().phases
    )
    return Question(texts.ASK_CLINICIAN_PHASE, texts.CLINICIAN_PHASE_EXPECTED, options, row_size=1)


async def _finish(turn: Turn, answers: Answers) -> list[Reply]:
    enrolment = turn.enrolment
    if enrolment is None:
        return []
    programme, number, today = turn.programme(), int(answers["phase"]), turn.local_today()
    progress = tracking.progress_of(enrolment)
    progress = set_by_clinician(programme, progress, number, today)
    enrolment.grade = CLINICIAN_LED
    enrolment.flags = {
        **(enrolment.flags or {}),
        "clinician_phase": number,
        "clinician_on": today.isoformat(),
    }
    phase = programme.phase(number)
    said = texts.CLINICIAN_RECORDED.format(phase=number, name=phase.name, date=today.strftime("%a %d %b"))
    return await deciding.apply(turn, Decision(today, "clinician", "A16", said, number), progress)


CLINICIAN = Flow("clinician", (Step("phase", _phase_question),), _finish)
