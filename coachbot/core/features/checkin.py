"""/checkin and a prompt's button (a `go` token opens the check-in it names): the after-session check-in
(CLINICAL 8): pain during and now, completion and why, anything sudden (a yes goes on to the rupture
screen of A7, steps/rupture.py)."""

from __future__ import annotations

from collections.abc import Mapping

from coachbot.coaching import zones
from coachbot.coaching.plan import credited_session
from coachbot.core import decisions, fallback, tokens
from coachbot.core.features.live_plan import open_check_in
from coachbot.core.features.morning import morning
from coachbot.core.features.weekly_check import weekly
from coachbot.core.flow import Answers, Flow, Step
from coachbot.core.question import Invalid, Option, Question, pain_question, yes_no_question
from coachbot.core.steps import rupture
from coachbot.core.steps.triage_questions import choice
from coachbot.core.turn import Handler, Turn
from coachbot.messages import MAX_FORM_CHARS, Choice, Reply
from coachbot.schedule.wallclock import parse_days
from coachbot.store import rule_state
from coachbot.texts import checkin as texts

COMPLETION_SYNONYMS = {
    "all": ("everything", "full", "done"),
    "most": ("nearly all",),
    "some": ("a bit",),
}


def _completion(_turn: Turn, _answers: Answers) -> Question:
    options = tuple(
        Option(value, label, COMPLETION_SYNONYMS.get(value, ()))
        for value, label in texts.COMPLETION_LABELS.items()
    )
    return Question(texts.ASK_COMPLETION, texts.COMPLETION_EXPECTED, options, row_size=2)


def _reason(_turn: Turn, _answers: Answers) -> Question:
    options = tuple(Option(value, label) for value, label in texts.REASON_LABELS.items())
    return Question(texts.ASK_REASON, texts.REASON_EXPECTED, options)


def _note(_turn: Turn, _answers: Answers) -> Question:
    """A few words when the reason was "other" (CLINICAL 8 C: the reason tells pain from barriers)."""
    return Question(
        texts.ASK_NOTE,
        texts.NOTE_EXPECTED.format(limit=MAX_FORM_CHARS),
        (Option("skip", texts.SKIP),),
        read=_read_note,
        form=texts.NOTE_FORM,
    )


def _read_note(text: str) -> str:
    note = " ".join(text.split())
    if note.lower() in ("skip", "no", "none", "-"):
        return "skip"
    if not note or len(note) > MAX_FORM_CHARS:
        raise Invalid(texts.NOTE_EXPECTED.format(limit=MAX_FORM_CHARS))
    return note


def _ran_today(turn: Turn, _answers: Answers) -> bool:
    """Run days (phase 4) also ask whether the run went as planned (CLINICAL 8)."""
    return any(turn.programme().exercise(name).kind == "running" for name in _session_levels(turn))


def _session_levels(turn: Turn) -> dict[str, int]:
    """The exercises of today's session at the levels they were done (what row 10 may advance)."""
    enrolment = turn.enrolment
    assert enrolment is not None
    session = credited_session(  # today's session as prompted (A21): a skipped run is not done
        turn.programme(), rule_state.progress_of(enrolment), turn.local_today(), enrolment.flags or {},
        rule_state.person_of(enrolment), chosen_days=parse_days(enrolment.days),
    )  # fmt: skip
    return {item.exercise.id: item.level.level for item in session.items}


async def _finish(turn: Turn, answers: Answers) -> list[Reply]:
    enrolment = turn.enrolment
    if enrolment is None:  # enrolment stopped while the questions were open
        return []
    checkin = await turn.repo.checkin_or_new(enrolment, "session", turn.local_today(), turn.now)
    replies = [turn.say(texts.ALREADY_LOGGED)] if checkin.id is not None else []
    checkin.during, checkin.after = int(answers["during"]), int(answers["after"])
    checkin.completion = answers["completion"]
    checkin.completion_reason = answers.get("reason")
    checkin.sudden = answers["sudden"] == "yes"
    note = answers.get("note")
    checkin.details = {
        **checkin.details,
        "levels": _session_levels(turn),
        "run": answers.get("run"),
        "note": None if note in (None, "skip") else note,
    }
    await turn.repo.save_checkin(checkin)
    if checkin.sudden:
        # CLINICAL 9.2 row 2: a sudden pull, pop or new limp stops loading now, before the A7 rupture
        # questions, so leaving them half-way still leaves the plan stopped; they say what comes next
        await decisions.after_sudden_event(turn, checkin)
        return [*replies, *await rupture.begin(turn, checkin.local_date)]
    label = texts.COMPLETION_LABELS[checkin.completion].lower()
    recorded = texts.RECORDED.format(during=checkin.during, after=checkin.after, completion=label)
    above = _above_limit(turn, checkin.during, checkin.after)
    return [*replies, turn.say(recorded if above is None else f"{recorded}\n{above}")]


def _above_limit(turn: Turn, during: int, after: int) -> str | None:
    """One line about pain above the phase's limit but below the stop line (row 5 steps back next morning;
    row 2 has its own words); never "push through"."""
    enrolment = turn.enrolment
    assert enrolment is not None
    rules, group = turn.programme().rules, turn.programme().phase(enrolment.phase).group
    over = zones.above_limit(rules, group, during, after)
    if over is None or max(during, after) >= rules.pain_stop:
        return None
    pain, when = over
    cap = rules.zones[group].amber_max
    return texts.ABOVE_LIMIT.format(pain=pain, when=texts.ABOVE_WHEN[when], cap=cap, stop=rules.pain_stop)


CHECKIN = Flow(
    "checkin",
    (
        Step("during", lambda _t, _a: pain_question(texts.ASK_DURING)),
        Step("after", lambda _t, _a: pain_question(texts.ASK_AFTER)),
        Step("completion", _completion),
        Step("reason", _reason, when=lambda _turn, answers: answers.get("completion") != "all"),
        Step("note", _note, when=lambda _turn, answers: answers.get("reason") == "other"),
        Step("run", lambda _t, _a: choice(texts.ASK_RUN, texts.RUN_LABELS, 3), when=_ran_today),
        Step("sudden", lambda _t, _a: yes_no_question(texts.ASK_SUDDEN)),
    ),
    _finish,
)


async def checkin(turn: Turn) -> list[Reply]:
    """/checkin (after a session), /checkin morning, /checkin weekly."""
    found = turn.command()
    which = found.args.strip().lower() if found is not None else ""
    if which.startswith("morning"):
        return await morning(turn)
    if which.startswith("week"):
        return await weekly(turn)
    return await open_check_in(turn, CHECKIN)


async def from_prompt(turn: Turn) -> list[Reply]:
    """A prompt's button (a `go` token naming a check-in) opens that check-in."""
    assert isinstance(turn.incoming, Choice)
    (opens,) = tokens.parts_of(turn.incoming.token)
    handle = _openers().get(opens, fallback.not_understood)
    return await handle(turn)


def _openers() -> Mapping[str, Handler]:
    """The check-ins a prompt's button opens (the registry collects them, and imports this module)."""
    from coachbot.core.registry import OPENERS

    return OPENERS


COMMANDS = {"checkin": checkin}
DEEP_LINKS = COMMANDS  # /start checkin, from a group's "continue privately" button
OPENERS = COMMANDS  # the session prompt's button
CHOICES = {tokens.GO: from_prompt}
FLOWS = (CHECKIN,)
