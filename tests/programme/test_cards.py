"""Issue 14 item 10: every level of both shipped programmes renders as a card (and in the outline) that
says how much, which leg, tempo, rest, one cue and what to do if it hurts, with no placeholders and none
of the contradictions people met (a cue against a note, a walk "without a limp" for someone who limps,
"Single-leg squat: Chair sit-to-stand on both legs", "pain ≤0/10", "at least 15 whatever the norm")."""

from __future__ import annotations

import re
from datetime import date, datetime

import pytest

from coachbot.cli.main import main
from coachbot.coaching.plan import Session, SessionItem
from coachbot.core.coach import Coach
from coachbot.programme.outline import outline
from coachbot.programme.schema import Exercise, Level, Phase, Programme
from coachbot.reporting.present import session
from coachbot.texts import plan as texts
from tests.chat import Chat

PROGRAMMES = ("calf-rehab-12w", "calf-strength-12w")
PLACEHOLDER = re.compile(r"\{[^}]*\}|\bNone\b|≤0\b|whatever the norm")
NO_LEG_LINE = ("walking", "running")  # a walk or a run needs no "which leg"


def cards(programme: Programme) -> list[tuple[Phase, Exercise, Level, str]]:
    """Every level of every ladder in every phase that uses it, rendered as today's session card."""
    rendered = []
    for phase in programme.phases:
        for item in phase.menu:
            exercise = programme.exercise(item.exercise)
            for level in exercise.levels:
                one = Session(
                    programme, phase, date(2026, 3, 2), "daily", (SessionItem(exercise, level, item.note),)
                )
                rendered.append((phase, exercise, level, session(one)))
    return rendered


@pytest.mark.parametrize("programme_id", PROGRAMMES)
def test_every_card_says_dose_legs_tempo_rest_cue_and_what_if_it_hurts(
    programmes: dict[str, Programme], programme_id: str
) -> None:
    programme = programmes[programme_id]
    for phase, exercise, level, card in cards(programme):
        where = f"{programme_id} phase {phase.number} {exercise.id} {level.tag}:\n{card}"
        assert not PLACEHOLDER.search(card), where
        assert level.dose, where
        assert level.dose in card, where
        assert f"tempo {level.tempo}" in card, where
        if level.sets is not None and level.sets.high > 1:
            assert f"rest {level.rest}" in card, where
        if exercise.kind not in NO_LEG_LINE:
            assert level.legs is not None, where
            assert texts.LEGS[level.legs] in card, where
        assert card.count("Cue: ") == 1, where
        assert "it hurts" in card, where
        assert "/checkin" in card, where
        assert "push through" not in card.lower(), where


@pytest.mark.parametrize("programme_id", PROGRAMMES)
def test_no_card_contradicts_itself(programmes: dict[str, Programme], programme_id: str) -> None:
    programme = programmes[programme_id]
    for phase, exercise, level, card in cards(programme):
        where = f"{programme_id} phase {phase.number} {exercise.id} {level.tag}:\n{card}"
        title = card.splitlines()[2 if phase.bouts_per_day is None or phase.bouts_per_day.high == 1 else 3]
        # the ladder's name must not say one leg while the level works both (or the reverse)
        if re.search(r"single-leg|one leg", title.split(":")[0], re.IGNORECASE):
            assert level.legs != "both", where
        if re.search(r"double-leg|on both legs", level.name, re.IGNORECASE):
            assert level.legs == "both", where
        if "single-leg" in level.name.lower():
            assert level.legs in ("each", "injured"), where
        assert "without a limp" not in level.name, where  # prescribed to people who still limp
        assert " only if " not in card, where  # a cue or note that sends people to another level
        if programme.track == "prevention":
            assert "injured" not in card, where  # nobody on the prevention track is injured


def test_the_phase_0_raise_card_and_note_agree(programmes: dict[str, Programme]) -> None:
    programme = programmes["calf-rehab-12w"]
    for phase, exercise, level, card in cards(programme):
        if phase.number == 0 and exercise.id == "E1" and level.level == 1:
            assert "Isometric double-leg heel-raise hold" in card
            assert "Note:" not in card
            assert "moving raises" not in card


def test_the_squat_ladder_reads_right_at_its_first_level(programmes: dict[str, Programme]) -> None:
    for programme_id in PROGRAMMES:
        texts_ = [
            card for _, e, level, card in cards(programmes[programme_id]) if e.id == "E3" and level.level == 1
        ]
        assert texts_
        assert all("**Squat ladder** (L1): Chair sit-to-stand on both legs" in t for t in texts_)
        assert not any("Single-leg squat** (L1)" in t for t in texts_)


@pytest.mark.parametrize("programme_id", PROGRAMMES)
def test_the_outline_reads_as_plain_english(
    programmes: dict[str, Programme], programme_id: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["programme", "show", programme_id]) == 0
    text = capsys.readouterr().out
    assert text == outline(programmes[programme_id])
    assert not PLACEHOLDER.search(text), PLACEHOLDER.search(text)
    assert "pain ≤" not in text
    assert "LSI ≥" not in text
    programme = programmes[programme_id]
    for phase in programme.phases:
        for item in phase.menu:
            for level in programme.exercise(item.exercise).levels[item.start - 1 : item.ceiling]:
                assert f"{level.tag} {level.name}: {level.dose}" in text
                assert f"tempo {level.tempo}" in text
    if programme.track == "rehab":
        assert "Walking tolerance: 30 min or more, pain-free" in text
        assert (
            "20 reps or more (or the usual count for your age and sex if that is lower, but never fewer "
            "than 15), the injured leg doing at least 80% of the other leg's count"
        ) in text
        assert "Pain, tightness and cramping: pain-free" in text


async def test_today_shows_the_card_and_help_tells_how_often(coach: Coach, now: datetime) -> None:
    chat = Chat(coach, now)
    await chat.enrol("12-week calf strengthening for runners")
    await chat.command("/today")  # a Monday: a strength session
    text = chat.text
    assert "each leg · tempo" in text, text
    assert "rest 1 min" in text
    assert "tempo 2 s up, 2 s down" in text
    assert "If it hurts over 4/10: stop it for today." in text
    assert "stop at once and send /checkin" in text
    await chat.command("/help")
    assert "one session a day" not in chat.text
    assert "Your plan: **12-week calf strengthening for runners**, phase 1: Capacity — 3 sessions a week" in (
        chat.text
    ), chat.text

    rehab = Chat(coach, now, user_id="43")
    await rehab.enrol()
    await rehab.command("/help")
    assert "7 sessions a week (every day)" in rehab.text, rehab.text
