"""Running a multi-step conversation: ask the current step, read the answer, move on, finish.

A flow is an ordered tuple of steps; a step is skipped when its `when` is false for the answers so far.
The current step and the answers live in the `conversations` table (see Turn.repo).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field, replace
from typing import Any

from coachbot.core.multiselect import MultiQuestion, Toggle, picks_key
from coachbot.core.question import Invalid, Question, StaleButton
from coachbot.core.turn import Turn
from coachbot.messages import Reply
from coachbot.texts import common

Answers = dict[str, Any]


def _always(_turn: Turn, _answers: Answers) -> bool:
    return True


@dataclass(frozen=True)
class Step:
    """One question of a flow; `ends` maps an answer value to a message that ends the flow there, `back`
    to the key of an earlier step asked again (its answers and the ones after it are dropped)."""

    key: str
    ask: Callable[[Turn, Answers], Question]
    when: Callable[[Turn, Answers], bool] = _always
    ends: dict[str, str] = field(default_factory=dict)
    back: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Flow:
    """A named conversation; `finish` acts on the complete answers and returns the closing replies.

    `interrupt`, when given, is asked after every answer and may end the flow early with its replies.
    """

    name: str
    steps: tuple[Step, ...]
    finish: Callable[[Turn, Answers], Awaitable[list[Reply]]]
    interrupt: Callable[[Turn, Answers], Awaitable[list[Reply] | None]] | None = None

    def __post_init__(self) -> None:
        keys = [step.key for step in self.steps]
        if len(set(keys)) != len(keys):
            raise ValueError(f"flow {self.name!r} uses a step key twice: {keys}")

    def step(self, key: str) -> Step:
        return next(step for step in self.steps if step.key == key)

    def next_step(self, turn: Turn, answers: Answers, after: str | None = None) -> Step | None:
        keys = [step.key for step in self.steps]
        start = 0 if after is None else keys.index(after) + 1
        return next((step for step in self.steps[start:] if step.when(turn, answers)), None)


async def begin(turn: Turn, flow: Flow, answers: Answers | None = None) -> list[Reply]:
    """Start a flow at its first applicable step (replacing any conversation in progress)."""
    answers = dict(answers or {})
    first = flow.next_step(turn, answers)
    if first is None:
        return await flow.finish(turn, answers)
    return [await _ask(turn, flow, first, answers)]


async def _ask(turn: Turn, flow: Flow, step: Step, answers: Answers) -> Reply:
    person = await turn.ensure_person()
    turn.conversation = await turn.repo.set_conversation(person.id, flow.name, step.key, answers, turn.now)
    return _question_reply(turn, _question(turn, step, answers), turn.conversation.serial)


def _question(turn: Turn, step: Step, answers: Answers) -> Question:
    """The step's question, with the ticks so far when it takes several answers."""
    question = step.ask(turn, answers)
    if isinstance(question, MultiQuestion):
        return question.with_picks(answers.get(picks_key(step.key), ()))
    return question


def current_question(turn: Turn, flow: Flow) -> Reply:
    """Ask the stored question again, with the same buttons."""
    assert turn.conversation is not None
    step = flow.step(turn.conversation.step)
    question = _question(turn, step, dict(turn.conversation.answers))
    return _question_reply(turn, question, turn.conversation.serial)


def _question_reply(turn: Turn, question: Question, serial: int) -> Reply:
    reply = turn.say(question.shown_prompt(), question.buttons(serial))
    return replace(reply, form=question.form, location=question.location)


def _toggle(turn: Turn, flow: Flow, step: Step, answers: Answers, toggle: Toggle) -> Reply:
    """Tick or untick one option of a multi-select step and show the question again."""
    conversation = turn.conversation
    assert conversation is not None
    ticked = set(answers.get(picks_key(step.key), ())) ^ {toggle.value}
    answers[picks_key(step.key)] = sorted(ticked)
    # the same serial: the earlier copy of these buttons keeps working
    conversation.answers, conversation.updated_at = answers, turn.now
    return current_question(turn, flow)


def _back(flow: Flow, step: Step, value: str, answers: Answers) -> Step:
    """The earlier step `value` goes back to, with its answer and every later one dropped."""
    keys = [each.key for each in flow.steps]
    target = flow.step(step.back[value])
    for key in keys[keys.index(target.key) : keys.index(step.key) + 1]:
        answers.pop(key, None)
    return target


async def receive(turn: Turn, flow: Flow) -> list[Reply]:
    """Take the person's answer to the current step; a wrong answer re-asks the same question."""
    conversation = turn.conversation
    assert conversation is not None
    assert turn.person is not None
    step = flow.step(conversation.step)
    answers = dict(conversation.answers)
    question = _question(turn, step, answers)
    try:
        value = question.answer(turn.incoming, conversation.serial)
    except StaleButton:
        return [replace(turn.say(common.STALE_BUTTON), stale=True), current_question(turn, flow)]
    except Invalid as problem:
        again = current_question(turn, flow)
        text = common.EXPECTED_PREFIX.format(expected=str(problem)) + "\n" + again.text
        return [replace(again, text=text)]
    if isinstance(value, Toggle):
        return [_toggle(turn, flow, step, answers, value)]
    answers.pop(picks_key(step.key), None)
    answers[step.key] = value
    if isinstance(value, str) and value in step.back:
        return [await _ask(turn, flow, _back(flow, step, value, answers), answers)]
    if isinstance(value, str) and value in step.ends:
        await turn.repo.end_conversation(turn.person.id)
        turn.conversation = None
        return [turn.say(step.ends[value])]
    if flow.interrupt is not None:
        early = await flow.interrupt(turn, answers)
        if early is not None:
            await turn.repo.end_conversation(turn.person.id)
            turn.conversation = None
            return early
    following = flow.next_step(turn, answers, after=step.key)
    if following is None:
        await turn.repo.end_conversation(turn.person.id)
        turn.conversation = None
        return await flow.finish(turn, answers)
    return [await _ask(turn, flow, following, answers)]
