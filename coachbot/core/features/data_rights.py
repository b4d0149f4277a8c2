"""/forget: one confirmation, then every row about the person is erased (coachbot/store/privacy.py)."""

from __future__ import annotations

from dataclasses import replace

from coachbot.core.flow import Answers, Flow, Step
from coachbot.core.question import Option, Question
from coachbot.core.turn import Turn
from coachbot.messages import Reply
from coachbot.store.privacy import forget
from coachbot.texts import common


def _confirm(_turn: Turn, _answers: Answers) -> Question:
    options = (
        Option("yes", common.FORGET_YES, ("yes", "erase", "delete")),
        Option("no", common.FORGET_NO, ("no", "keep")),
    )
    return Question(common.ASK_FORGET, common.FORGET_EXPECTED, options, row_size=1)


async def _finish(turn: Turn, _answers: Answers) -> list[Reply]:
    reply = replace(turn.say(common.FORGOTTEN), forgotten=True)
    if turn.person is not None:
        await forget(turn.repo, turn.person)
    turn.person, turn.enrolment, turn.conversation = None, None, None
    return [reply]


FORGET = Flow("forget", (Step("confirm", _confirm, ends={"no": common.FORGET_KEPT}),), _finish)
