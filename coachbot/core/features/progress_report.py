"""/progress (the plan's chart, with its one-sentence summary) and /report (a clinician's PDF and CSVs);
a stopped or completed plan still has both.

A stopped or completed plan keeps its history (issue 14 item 6), but the turn only loads a live enrolment,
so these read-only commands look at the newest enrolment of any status, in a copy of the turn: nothing is
changed.
"""

from __future__ import annotations

import asyncio
from dataclasses import replace

from coachbot.core.chart_data import series_for
from coachbot.core.report_files import report_replies
from coachbot.core.turn import Turn
from coachbot.messages import Reply
from coachbot.reporting.chart import caption, render
from coachbot.texts import common
from coachbot.texts import progress as progress_texts


async def latest_plan(turn: Turn) -> Turn | None:
    """The turn itself while a plan is live; else a copy holding the newest ended plan; None if none."""
    if turn.enrolment is not None:
        return turn
    if turn.person is None:
        return None
    enrolment = await turn.repo.latest_enrolment(turn.person.id)
    if enrolment is None or enrolment.programme_id not in turn.programmes:
        return None
    return replace(turn, enrolment=enrolment)


async def report(turn: Turn) -> list[Reply]:
    """/report: a one-page PDF for a clinician, a CSV of every check-in and, if there were any, one of
    every referral, in the private chat only."""
    found = await latest_plan(turn)  # a stopped or completed plan still has its report
    if found is None or found.person is None:
        return [turn.say(common.NOT_ENROLLED)]
    return await report_replies(found)


async def progress(turn: Turn) -> list[Reply]:
    """/progress: the chart of the current plan as a PNG, its one-sentence summary as the caption."""
    found = await latest_plan(turn)  # a stopped or completed plan still has its chart
    if found is None or found.enrolment is None:
        return [turn.say(common.NOT_ENROLLED)]
    series = await series_for(found.repo, found.enrolment, found.programme(), found.local_today())
    if not series.pain and not series.done:
        return [turn.say(progress_texts.NOTHING_YET)]
    image = await asyncio.to_thread(render, series)  # a few hundred ms of drawing, off the event loop
    return [replace(turn.say(caption(series)), image=image)]


COMMANDS = {"progress": progress, "report": report}
