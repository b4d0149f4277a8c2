"""A readable week-by-week outline of a programme, for `coachbot programme show ID`; its wording is in
texts/outline.py and each level reads as on the session card (prescription.py)."""

from __future__ import annotations

from coachbot.programme.prescription import prescription
from coachbot.programme.schema import Criterion, Phase, Programme
from coachbot.texts import outline as texts

_VARIANT_NAMES = {"grade1": "grade-1-like", "grade2": "grade-2-like", "all": "everyone"}


def outline(programme: Programme) -> str:
    lines = [
        f"{programme.title} ({programme.id} v{programme.version}, {programme.track})",
        "",
        programme.summary,
        "",
    ]
    lines += ["Week by week (typical; exit criteria and time floors decide):", *_weeks(programme), ""]
    if programme.time_floors:
        lines.append("Time floors (days since injury, earliest start):")
        for variant, floor in programme.time_floors.items():
            lines.append(f"  {variant}: plyometrics day {floor.plyometrics}, running day {floor.running}")
        lines.append("")
    if programme.retest_weeks:
        lines += [f"Calf tests in weeks {', '.join(map(str, programme.retest_weeks))}.", ""]
    for phase in programme.phases:
        lines += _phase(programme, phase)
    return "\n".join(lines).rstrip() + "\n"


def _weeks(programme: Programme) -> list[str]:
    variants = sorted({variant for phase in programme.phases for variant in phase.typical_weeks})
    lines = []
    for week in range(1, programme.weeks + 1):
        parts = []
        for variant in variants:
            names = [
                f"{p.number} {p.name}"
                for p in programme.phases
                if variant in p.typical_weeks
                and p.typical_weeks[variant].low <= week <= p.typical_weeks[variant].high
            ]
            label = _VARIANT_NAMES.get(variant, variant)
            parts.append(f"{label}: {' → '.join(names) or '—'}" if len(variants) > 1 else " → ".join(names))
        lines.append(f"  Week {week:2}: " + "; ".join(parts))
    return lines


def _phase(programme: Programme, phase: Phase) -> list[str]:
    pattern = ", ".join(f"{day} {kind.replace('_', ' ')}" for day, kind in phase.week.items())
    order = ", ".join(programme.exercise(exercise).name for exercise in phase.priority)
    lines = [
        texts.PHASE_HEADER.format(
            number=phase.number, name=phase.name, group=phase.group, sessions=phase.sessions_per_week
        ),
        f"  Goal: {phase.goal}",
        f"  Week: {pattern}",
        texts.ADVANCE.format(count=phase.green_to_advance, order=order),
    ]
    for item in phase.menu:
        exercise = programme.exercise(item.exercise)
        top = f" up to {exercise.levels[item.ceiling - 1].tag}" if item.ceiling > item.start else ""
        start = exercise.levels[item.start - 1]
        lines.append(f"  - {exercise.id} {exercise.name}: from {start.tag}{top}")
        for level in exercise.levels[item.start - 1 : item.ceiling]:
            lines.append(texts.LEVEL.format(tag=level.tag, name=level.name, prescription=prescription(level)))
    if phase.exit:
        lines.append("  Exit criteria:")
        lines.extend(f"  - {criterion_text(programme, criterion)}" for criterion in phase.exit)
    if phase.note:
        lines.append(f"  Note: {phase.note}")
    lines.append("")
    return lines


def criterion_text(programme: Programme, criterion: Criterion) -> str:
    """An exit criterion in plain English: 'Walking tolerance: 30 min or more, pain-free'."""
    test = programme.test(criterion.test)
    parts = [*_amounts(programme, criterion)]
    if criterion.max_pain is not None:
        pain = criterion.max_pain
        parts.append(texts.PAIN_FREE if pain == 0 else texts.PAIN.format(pain=pain))
    if criterion.control is not None:
        parts.append(texts.CONTROL[criterion.control])
    if criterion.min_level is not None:
        ladder = programme.exercise(test.exercise) if test.exercise else None
        level = ladder.level(criterion.min_level) if ladder else None
        parts.append(texts.LEVEL_AT.format(tag=level.tag if level else f"L{criterion.min_level}"))
    for flag, text in (
        ("symmetric", texts.SYMMETRIC),
        ("no_limp", texts.NO_LIMP),
        ("settled_morning", texts.SETTLED),
    ):
        if getattr(criterion, flag):
            parts.append(text)
    if criterion.weeks is not None:
        parts.append(texts.WEEKS.format(count=criterion.weeks))
    if criterion.times > 1:
        parts.append(texts.TIMES.format(count=criterion.times))
    note = f" ({criterion.note})" if criterion.note else ""
    return f"{test.name}: {', '.join(parts)}{note}"


def _amounts(programme: Programme, criterion: Criterion) -> list[str]:
    parts = []
    count, floor = criterion.min_reps, criterion.reps_floor
    if count is not None and criterion.age_norm:
        norm = texts.REPS_NORM_FLOOR if floor is not None else texts.REPS_NORM
        parts.append(norm.format(count=count, floor=floor))
    elif count is not None or floor is not None:
        parts.append(texts.REPS.format(count=count or floor))
    if criterion.min_lsi is not None:
        parts.append(texts.LSI[programme.track].format(percent=criterion.min_lsi))
    for value, template in (
        (criterion.min_minutes, texts.MINUTES),
        (criterion.min_seconds, texts.SECONDS),
    ):
        if value is not None:
            parts.append(template.format(count=value))
    if criterion.min_score is not None:
        parts.append(texts.SCORE.format(score=criterion.min_score))
    return parts
