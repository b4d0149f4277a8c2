"""Progress charts as PNG, drawn with matplotlib's Agg canvas (no display, no pyplot state, thread-safe).

`figure(series)` draws; `render(series)` returns the PNG bytes; `caption(series)` is the alt text, one
sentence about the trend. Colours are the Okabe-Ito palette, which stays distinct for colour-blind
readers, and every series also differs by marker shape. 1000 × 700 px reads well on a phone.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from coachbot.coaching.day_pain import DayPain
from coachbot.coaching.symmetry import lsi
from coachbot.coaching.trend import direction
from coachbot.texts import progress as texts

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure, SubFigure

WIDTH, HEIGHT, DPI = 10.0, 7.0, 100  # inches at 100 dpi: 1000 × 700 px
ORANGE, SKY, BLUE, GREEN, VERMILLION, YELLOW, GREY = (
    "#E69F00", "#56B4E9", "#0072B2", "#009E73", "#D55E00", "#F0E442", "#999999",
)  # fmt: skip
TREND_DAYS = 7


@dataclass(frozen=True)
class HeelRaises:
    day: date
    injured: int | None  # the injured leg, or the left one on the prevention programme
    other: int | None

    @property
    def lsi(self) -> int | None:
        """Limb symmetry index: the injured leg's count as a percentage of the other's."""
        if not self.injured or not self.other:
            return None
        return lsi(self.injured, self.other)


@dataclass(frozen=True)
class ProgressSeries:
    """Everything the chart shows, taken from the stored history (see core/chart_data.series_for)."""

    title: str
    start: date
    today: date
    green_max: int
    amber_max: int
    worse_delta: float  # the programme's week_worse_delta: the morning trend moves by this much
    pain: tuple[DayPain, ...] = ()
    done: tuple[date, ...] = ()
    missed: tuple[date, ...] = ()
    phases: tuple[tuple[date, date, int], ...] = ()  # (first day, last day, phase number)
    advanced: tuple[date, ...] = ()
    regressed: tuple[date, ...] = ()
    tests: tuple[HeelRaises, ...] = ()
    referred: tuple[date, ...] = ()  # days a referral was made, within the plan
    last_referral: tuple[date, str] | None = None  # the newest referral's day and tier, plan or not

    def week(self, day: date) -> float:
        """Programme weeks since the start (day 1 = 1.0), the chart's x axis."""
        return 1 + (day - self.start).days / 7


def trend(series: ProgressSeries) -> str:
    """better, same or worse: the mean morning pain of the last week against the first."""
    mornings = [(p.day, p.morning) for p in series.pain if p.morning is not None]
    if len(mornings) < 2:
        return "unknown"
    first = [m for d, m in mornings if (d - mornings[0][0]).days < TREND_DAYS]
    last = [m for d, m in mornings if (mornings[-1][0] - d).days < TREND_DAYS]
    return direction(first, last, series.worse_delta)


def caption(series: ProgressSeries) -> str:
    """One sentence: the morning trend, sessions done and missed, the phase, the last referral if any."""
    mornings = [p.morning for p in series.pain if p.morning is not None]
    weeks = max(1, (series.today - series.start).days // 7 + 1)
    phase = series.phases[-1][2] if series.phases else None
    referral = ""
    if series.last_referral is not None:
        day, tier = series.last_referral
        referral = texts.CAPTION_REFERRAL.format(date=day.strftime("%a %d %b"), tier=tier)
    if not mornings:
        return texts.CAPTION_EMPTY.format(
            weeks=weeks, done=len(series.done), missed=len(series.missed), referral=referral
        )
    return texts.CAPTION.format(
        trend=texts.TRENDS[trend(series)], first=mornings[0], last=mornings[-1], weeks=weeks,
        done=len(series.done), missed=len(series.missed), phase=phase or "–", referral=referral,
    )  # fmt: skip


def figure(series: ProgressSeries) -> Figure:
    from matplotlib.figure import Figure

    fig = Figure(figsize=(WIDTH, HEIGHT), dpi=DPI, layout="constrained")
    draw(fig, series)
    return fig


def draw(fig: Figure | SubFigure, series: ProgressSeries) -> None:
    """Draw the chart on a figure, or on part of one (the clinician report's first half)."""
    pain_axes, test_axes = fig.subplots(2, 1, height_ratios=(3, 1.3), sharex=True)
    _zones(pain_axes, series)
    _phases(pain_axes, series)
    _pain_lines(pain_axes, series)
    _sessions(pain_axes, series)
    _tests(test_axes, series)
    fig.suptitle(texts.CHART_TITLE.format(title=series.title), x=0.01, ha="left", fontsize=13)
    pain_axes.set_ylabel(texts.PAIN_AXIS)
    pain_axes.set_ylim(-1.5, 11.2)
    pain_axes.set_yticks(range(0, 11, 2))
    fig.legend(loc="outside lower center", fontsize=9, ncols=5, frameon=False)
    test_axes.set_xlabel(texts.WEEK_AXIS)
    test_axes.set_xlim(0.8, max(series.week(series.today), 2.0) + 0.3)


def render(series: ProgressSeries) -> bytes:
    buffer = io.BytesIO()
    figure(series).savefig(buffer, format="png")  # the Agg renderer; no display, no pyplot
    return buffer.getvalue()


def _zones(axes: Axes, series: ProgressSeries) -> None:
    span = axes.axhspan
    span(0, series.green_max + 0.5, color=GREEN, alpha=0.10, lw=0)
    span(series.green_max + 0.5, series.amber_max + 0.5, color=YELLOW, alpha=0.18, lw=0)
    span(series.amber_max + 0.5, 10.5, color=VERMILLION, alpha=0.10, lw=0)


def _phases(axes: Axes, series: ProgressSeries) -> None:
    for index, (first, last, number) in enumerate(series.phases):
        left, right = series.week(first) - 0.07, series.week(last) + 0.07
        if index % 2:
            axes.axvspan(left, right, color=GREY, alpha=0.12, lw=0)
        axes.text(left + 0.05, 10.6, texts.PHASE_LABEL.format(number=number), fontsize=9, color="#444444")


def _pain_lines(axes: Axes, series: ProgressSeries) -> None:
    lines = (
        ("during", texts.DURING, ORANGE, "o"),
        ("after", texts.AFTER, SKY, "D"),
        ("morning", texts.MORNING, BLUE, "s"),
    )
    for key, label, colour, marker in lines:
        points = [(series.week(p.day), getattr(p, key)) for p in series.pain if getattr(p, key) is not None]
        xs, ys = [x for x, _ in points], [y for _, y in points]
        axes.plot(xs, ys, color=colour, marker=marker, markersize=4, lw=1.6, label=label)


def _sessions(axes: Axes, series: ProgressSeries) -> None:
    plot = axes.plot
    plot([series.week(d) for d in series.done], [-0.9] * len(series.done), ls="none", marker="|",
         color=GREEN, markersize=10, mew=2, label=texts.DONE)  # fmt: skip
    plot([series.week(d) for d in series.missed], [-0.9] * len(series.missed), ls="none", marker="x",
         color=VERMILLION, markersize=6, label=texts.MISSED)  # fmt: skip
    plot([series.week(d) for d in series.advanced], [9.8] * len(series.advanced), ls="none", marker="^",
         color=GREEN, markersize=8, label=texts.ADVANCED)  # fmt: skip
    plot([series.week(d) for d in series.regressed], [9.8] * len(series.regressed), ls="none", marker="v",
         color=VERMILLION, markersize=8, label=texts.REGRESSED)  # fmt: skip
    for index, day in enumerate(series.referred):  # a dashed line through the whole day, and a star on top
        axes.axvline(series.week(day), color=VERMILLION, ls="--", lw=1.2, zorder=1)
        plot([series.week(day)], [10.2], ls="none", marker="*", color=VERMILLION, markersize=11,
             label=texts.REFERRED if index == 0 else "_nolegend_")  # fmt: skip


def _tests(axes: Axes, series: ProgressSeries) -> None:
    weeks = [series.week(t.day) for t in series.tests]
    bar = axes.bar
    bar([w - 0.12 for w in weeks], [t.injured or 0 for t in series.tests], width=0.22, color=BLUE,
        label=texts.INJURED_LEG)  # fmt: skip
    bar([w + 0.12 for w in weeks], [t.other or 0 for t in series.tests], width=0.22, color=ORANGE,
        label=texts.OTHER_LEG)  # fmt: skip
    for week, test in zip(weeks, series.tests, strict=True):
        if test.lsi is not None:
            top = max(test.injured or 0, test.other or 0)
            axes.text(week, top + 1, texts.LSI.format(lsi=test.lsi), ha="center", fontsize=8)
    axes.set_ylabel(texts.TEST_AXIS)
    if series.tests:
        axes.set_ylim(0, max(max(t.injured or 0, t.other or 0) for t in series.tests) * 1.5 + 2)
    else:
        axes.text(0.5, 0.5, texts.NO_TESTS, transform=axes.transAxes, ha="center", color="#666666")
