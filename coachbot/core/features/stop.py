"""/stop: confirm, then end the enrolment (history is kept)."""

from __future__ import annotations

from coachbot.coaching import lifecycle
from coachbot.core import flow
from coachbot.core.flow import Answers, Flow, Step
from coachbot.core.question import Question, yes_no_question
from coachbot.core.turn import Turn
from coachbot.messages import Reply
from coachbot.texts import common
from coachbot.texts import plan as texts


def _confirm(_turn: Turn, answers: Answers) -> Question:
    prompt = texts.CONFIRM_STOP.format(title=answers.get("title", ""))
    return yes_no_question(prompt)


async def _finish(turn: Turn, _answers: Answers) -> list[Reply]:
    if turn.enrolment is not None:
        await turn.change_status(lifecycle.stop(turn.enrolment.status, turn.now))
    return [turn.say(texts.STOPPED)]


STOP = Flow("stop", (Step("confirm", _confirm, ends={"no": texts.NOT_STOPPED}),), _finish)


async def stop(turn: Turn) -> list[Reply]:
    if turn.enrolment is None:
        return [turn.say(common.NOT_ENROLLED)]
    return await flow.begin(turn, STOP, {"title": turn.programme().title})


COMMANDS = {"stop": stop}
FLOWS = (STOP,)
