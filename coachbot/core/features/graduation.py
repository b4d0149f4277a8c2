"""Graduating (CLINICAL A15): the weekly check found every goal of the last phase met; the person says
yes, the run ladder reaches usual training (R10), the programme is completed, and they get a graduation
message, a maintenance plan, the prevention programme on offer and the final report."""

from __future__ import annotations

from coachbot.coaching import lifecycle
from coachbot.coaching.progress import Decision
from coachbot.coaching.weekly import graduate
from coachbot.core import decisions
from coachbot.core.features.club_codes import share_code
from coachbot.core.flow import Answers, Flow, Step
from coachbot.core.question import yes_no_question
from coachbot.core.report_files import report_replies
from coachbot.core.turn import Turn
from coachbot.messages import Reply
from coachbot.store import rule_state
from coachbot.texts import plan as texts


def maintenance(turn: Turn) -> str:
    """The maintenance plan of the programme's graduation block, and the programme offered next."""
    programme = turn.programme()
    graduation = programme.graduation
    assert graduation is not None
    lines = [texts.MAINTENANCE_INTRO.format(times=graduation.per_week)]
    for kept in graduation.maintenance:
        exercise = programme.exercise(kept.exercise)
        level = exercise.levels[kept.level - 1]
        lines.append(texts.MAINTENANCE_ITEM.format(name=level.name, dose=level.dose))
    offered = turn.programmes.get(graduation.offer) if graduation.offer else None
    if offered is not None:
        lines.append(texts.MAINTENANCE_OFFER.format(title=offered.title, code=share_code(offered.id)))
    return "\n".join(lines)


async def _finish(turn: Turn, _answers: Answers) -> list[Reply]:
    enrolment = turn.enrolment
    if enrolment is None:
        return []
    programme, today = turn.programme(), turn.local_today()
    progress = graduate(programme, rule_state.progress_of(enrolment), today)
    decision = Decision(today, "graduate", "A15", texts.GRADUATED, progress.phase)
    replies = await decisions.apply(turn, decision, progress)
    replies.append(turn.say(maintenance(turn)))
    replies += await report_replies(turn)  # the final report, while the enrolment is still in hand
    await turn.change_status(lifecycle.complete(enrolment.status, turn.now))
    return replies


GRADUATE = Flow(
    "graduate",
    (Step("confirm", lambda _t, _a: yes_no_question(texts.ASK_GRADUATE), ends={"no": texts.GRADUATE_LATER}),),
    _finish,
)


FLOWS = (GRADUATE,)
