"""The progress chart: the data series drawn, the PNG itself, and /progress through the coach."""

from __future__ import annotations

import io
from datetime import date, datetime, timedelta

import numpy as np
from PIL import Image

from coachbot.core.chart_data import build
from coachbot.core.coach import Coach
from coachbot.programme.catalogue import Catalogue
from coachbot.programme.schema import Programme
from coachbot.reporting.chart import caption, figure, render
from coachbot.store.db import Database
from coachbot.store.tables import CheckIn, Decision, Enrolment, Referral
from tests.chat import Chat

START = date(2026, 3, 2)  # a Monday


def history(programme: Programme, weeks: int = 12) -> tuple[Enrolment, list[CheckIn], list[Decision]]:
    """A generated rehab history: sessions on Mon/Wed/Fri with falling pain, a missed Friday each
    fourth week, mornings every day, phase 2 from day 29, a weekly heel-raise test on Sundays."""
    enrolment = Enrolment(
        id=1, started_on=START, phase=2, phase_started_on=START + timedelta(days=28), days="mon,wed,fri",
        programme_id=programme.id,
    )  # fmt: skip
    checkins, decisions = [], []
    for offset in range(weeks * 7):
        day = START + timedelta(days=offset)
        phase = 1 if offset < 28 else 2
        weekday = day.weekday()
        if weekday in (0, 2, 4) and not (weekday == 4 and offset // 7 % 4 == 3):
            checkins.append(CheckIn(enrolment_id=1, kind="session", local_date=day, phase=phase,
                                    during=max(0, 4 - offset // 21), after=max(0, 3 - offset // 21),
                                    completion="all", details={}))  # fmt: skip
        checkins.append(CheckIn(enrolment_id=1, kind="morning", local_date=day, phase=phase,
                                morning=max(0, 3 - offset // 28), details={}))  # fmt: skip
        if weekday == 6:
            checkins.append(CheckIn(enrolment_id=1, kind="weekly", local_date=day, phase=phase,
                                    details={"heel_raise_injured": 10 + offset // 7, "heel_raise_other": 25}))  # fmt: skip
        if offset in (9, 40):
            decisions.append(Decision(enrolment_id=1, local_date=day, kind="advance"))
        if offset == 50:
            decisions.append(Decision(enrolment_id=1, local_date=day, kind="regress"))
    checkins.sort(key=lambda c: (c.local_date, c.kind))
    return enrolment, checkins, decisions


def test_the_series_follow_the_history(programmes: dict[str, Programme]) -> None:
    rehab = programmes["calf-rehab-12w"]
    enrolment, checkins, decisions = history(rehab)
    series = build(enrolment, rehab, START + timedelta(days=83), checkins, decisions)
    assert [(first, last, number) for first, last, number in series.phases] == [
        (START, START + timedelta(days=27), 1),
        (START + timedelta(days=28), START + timedelta(days=83), 2),
    ]
    assert len(series.done) == 33  # 36 planned, three Fridays missed
    assert series.missed == tuple(START + timedelta(days=d) for d in (25, 53, 81))
    assert series.advanced == (START + timedelta(days=9), START + timedelta(days=40))
    assert series.regressed == (START + timedelta(days=50),)
    assert [t.lsi for t in series.tests][:2] == [40, 44]

    drawn = figure(series)
    pain_axes = drawn.axes[0]
    lines = {line.get_label(): line for line in pain_axes.get_lines()}
    mornings = [int(y) for y in np.asarray(lines["Next morning"].get_ydata())]
    assert mornings == [max(0, 3 - d // 28) for d in range(84)]
    assert len(np.asarray(lines["Session done"].get_xdata())) == 33
    assert np.asarray(lines["Session missed"].get_xdata()).tolist() == [1 + d / 7 for d in (25, 53, 81)]
    assert len(drawn.axes[1].patches) == 24  # two bars for each of 12 weekly tests


def test_the_png_decodes_at_phone_width_with_a_one_sentence_caption(programmes: dict[str, Programme]) -> None:
    rehab = programmes["calf-rehab-12w"]
    enrolment, checkins, decisions = history(rehab)
    series = build(enrolment, rehab, START + timedelta(days=83), checkins, decisions)
    image = Image.open(io.BytesIO(render(series)))
    assert image.format == "PNG"
    assert image.size == (1000, 700)
    text = caption(series)
    assert text.startswith("Morning calf pain is better (3/10 at first, 1/10 lately) over 12 weeks")
    assert text.count(".") == 1


def test_referral_days_are_marked_and_the_caption_names_the_last(programmes: dict[str, Programme]) -> None:
    rehab = programmes["calf-rehab-12w"]
    enrolment, checkins, decisions = history(rehab, weeks=4)
    referrals = [
        Referral(local_date=START - timedelta(days=10), tier="routine"),  # at triage, before the plan
        Referral(local_date=START + timedelta(days=20), tier="urgent"),
    ]
    series = build(enrolment, rehab, START + timedelta(days=27), checkins, decisions, referrals)
    assert series.referred == (START + timedelta(days=20),)  # only days within the plan are drawn
    lines = {line.get_label(): line for line in figure(series).axes[0].get_lines()}
    assert np.asarray(lines["Referred to a clinician"].get_xdata()).tolist() == [1 + 20 / 7]
    text = caption(series)
    assert text.endswith("; last referred to a clinician on Sun 22 Mar (urgent).")
    assert text.count(".") == 1
    assert "last referred" not in caption(
        build(enrolment, rehab, START + timedelta(days=27), checkins, decisions)
    )


async def test_progress_sends_the_chart_privately(
    sqlite_db: Database, programmes: dict[str, Programme], now: datetime
) -> None:
    chat = Chat(Coach(sqlite_db, Catalogue(programmes)), now)
    await chat.enrol()
    await chat.command("/progress")
    assert "starts once you've logged" in chat.text
    chat.now = now + timedelta(hours=9)
    await chat.command("/checkin")
    for answer in ("2", "1", "All", "No"):
        await chat.press(answer)
    await chat.command("/progress")
    [reply] = chat.replies
    assert reply.image is not None
    assert reply.image.startswith(b"\x89PNG")
    assert reply.private
    group = Chat(Coach(sqlite_db, Catalogue(programmes)), now, chat_kind="group")
    await group.command("/progress")
    assert group.replies[0].image is None
