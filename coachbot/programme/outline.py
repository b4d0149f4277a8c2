"""A readable week-by-week outline of a programme, for `coachbot programme show ID`."""

from __future__ import annotations

from coachbot.programme.schema import Criterion, Phase, Programme

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
    lines = [
        f"Phase {phase.number}: {phase.name} (group {phase.group}, {phase.sessions_per_week} sessions/week)",
        f"  Goal: {phase.goal}",
        f"  Week: {pattern}",
        f"  Advance one exercise after {phase.green_to_advance} green sessions, in this order: "
        + ", ".join(phase.priority),
    ]
    for item in phase.menu:
        exercise = programme.exercise(item.exercise)
        top = f" up to {exercise.levels[item.ceiling - 1].tag}" if item.ceiling > item.start else ""
        start = exercise.levels[item.start - 1]
        lines.append(f"  - {exercise.id} {exercise.name}: from {start.tag}{top}")
        for level in exercise.levels[item.start - 1 : item.ceiling]:
            lines.append(f"      {level.tag} {level.name}: {level.dose} ({level.tempo})")
    if phase.exit:
        lines.append("  Exit criteria:")
        lines.extend(f"  - {_criterion(programme, criterion)}" for criterion in phase.exit)
    if phase.note:
        lines.append(f"  Note: {phase.note}")
    lines.append("")
    return lines


def _criterion(programme: Programme, criterion: Criterion) -> str:
    name = programme.test(criterion.test).name
    parts = []
    for field, template in (
        ("min_reps", "≥{} reps"),
        ("reps_floor", "at least {} whatever the norm"),
        ("min_lsi", "LSI ≥{}%"),
        ("max_pain", "pain ≤{}/10"),
        ("min_minutes", "≥{} min"),
        ("min_seconds", "≥{} s"),
        ("min_score", "≥{}/10"),
        ("min_level", "level ≥{}"),
        ("control", "{} control"),
        ("weeks", "for {} weeks"),
    ):
        value = getattr(criterion, field)
        if value is not None:
            parts.append(template.format(value))
    for flag, text in (
        ("age_norm", "or the age/sex norm if lower"),
        ("symmetric", "same on both legs"),
        ("no_limp", "no limp"),
        ("settled_morning", "morning settled"),
    ):
        if getattr(criterion, flag):
            parts.append(text)
    if criterion.times > 1:
        parts.append(f"{criterion.times} times")
    detail = ", ".join(parts)
    note = f" ({criterion.note})" if criterion.note else ""
    return f"{name}: {detail}{note}"
