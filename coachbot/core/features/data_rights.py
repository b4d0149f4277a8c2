"""/export (everything stored about the person, as a JSON file) and /forget (one confirmation, then every
row about the person is erased: coachbot/store/privacy.py)."""

from __future__ import annotations

from dataclasses import replace

from coachbot.core import flow
from coachbot.core.flow import Answers, Flow, Step
from coachbot.core.question import Option, Question
from coachbot.core.turn import Turn
from coachbot.messages import Attachment, Reply
from coachbot.store.export import collect, dumps
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


async def export(turn: Turn) -> list[Reply]:
    """/export: everything stored about the person, as a JSON file, in the private chat only."""
    if turn.person is None:
        return [turn.say(common.NOTHING_STORED)]
    document = await collect(turn.repo, turn.person, turn.now)
    data = dumps(document).encode("utf-8")
    name = f"coachbot-export-{turn.now:%Y%m%d}.json"
    return [replace(turn.say(common.EXPORTED), file=Attachment(name, len(data), data))]


async def ask_forget(turn: Turn) -> list[Reply]:
    if turn.person is None:
        return [turn.say(common.NOTHING_STORED)]
    return await flow.begin(turn, FORGET)


COMMANDS = {"export": export, "forget": ask_forget}
FLOWS = (FORGET,)
