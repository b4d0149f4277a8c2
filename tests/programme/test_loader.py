"""The programme loader: each kind of mistake gives one `file:line: field: message` naming the spot."""

from __future__ import annotations

from pathlib import Path

import pytest

from coachbot.programme.loader import ProgrammeError, load_directory, load_file, load_text
from coachbot.programme.yamltree import MAX_BYTES
from tests.conftest import ROOT

MINIMAL = """\
id: tiny
version: 1
title: Tiny
track: rehab
weeks: 2
summary: A small programme for tests.
rules:
  zones:
    A: {green_max: 3, amber_max: 5}
  pain_stop: 7
  morning_amber_delta: 1
  morning_red_delta: 2
  morning_abs_red: 5
  baseline_window: 3
  week_worse_delta: 1.0
  regress_refer:
    - {count: 2, days: 14}
  stop_rest_hours: 72
  silence_pause_days: 7
tests:
  - id: sl_heel_raise
    name: Single-leg heel raise
    measure: reps_per_leg
    source: self_test
exercises:
  - id: E1
    name: Calf raise
    kind: strength
    levels:
      - level: 1
        name: Double-leg raise
        sets: 3
        reps: 10-15
        tempo: 2 s up, 2 s down
        cue: Push through the big toe.
      - level: 2
        name: Single-leg raise
        sets: 3
        reps: 10
        tempo: 2 s up, 2 s down
        cue: Rise high.
phases:
  - number: 1
    name: Restore
    goal: Build capacity.
    group: A
    week: {mon: daily, wed: daily, fri: daily}
    green_to_advance: 2
    priority: [E1]
    menu:
      - {exercise: E1, start: 1, top: 2}
    exit:
      - {test: sl_heel_raise, min_reps: 10}
    typical_weeks: {grade1: 1-2}
"""


def line_of(text: str, fragment: str) -> int:
    return next(number for number, line in enumerate(text.splitlines(), 1) if fragment in line)


def problems(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "x.yaml"
    path.write_text(text)
    with pytest.raises(ProgrammeError) as caught:
        load_file(path)
    return [str(problem) for problem in caught.value.problems]


def test_minimal_programme_loads(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text(MINIMAL)
    programme = load_file(path)
    assert programme.phase(1).menu[0].ceiling == 2
    assert programme.exercise("E1").level(1) is not None
    assert str(programme.exercise("E1").levels[0].reps) == "10–15"


def test_shipped_programmes_validate() -> None:
    programmes = load_directory(ROOT / "programmes")
    assert set(programmes) == {"calf-rehab-12w", "calf-strength-12w"}
    rehab = programmes["calf-rehab-12w"]
    assert [phase.number for phase in rehab.phases] == [0, 1, 2, 3, 4]
    assert {exercise.id for exercise in rehab.exercises} >= {f"E{n}" for n in range(1, 10)}


def test_menu_level_that_does_not_exist(tmp_path: Path) -> None:
    text = MINIMAL.replace("{exercise: E1, start: 1, top: 2}", "{exercise: E1, start: 1, top: 10}")
    line = line_of(text, "top: 10")
    assert problems(tmp_path, text) == [
        f"{tmp_path}/x.yaml:{line}: phases[0].menu[0]: ladder E1 has no level 10"
    ]


def test_unknown_key(tmp_path: Path) -> None:
    text = MINIMAL.replace("    goal: Build capacity.\n", "    goal: Build capacity.\n    colour: blue\n")
    line = line_of(text, "colour: blue")
    assert problems(tmp_path, text) == [f"{tmp_path}/x.yaml:{line}: phases[0]: unknown key 'colour'"]


def test_missing_key(tmp_path: Path) -> None:
    text = MINIMAL.replace("    goal: Build capacity.\n", "")
    line = line_of(text, "- number: 1")
    assert problems(tmp_path, text) == [f"{tmp_path}/x.yaml:{line}: phases[0]: missing required key 'goal'"]


def test_wrong_type(tmp_path: Path) -> None:
    text = MINIMAL.replace("green_to_advance: 2", "green_to_advance: two")
    line = line_of(text, "green_to_advance: two")
    [message] = problems(tmp_path, text)
    assert message.startswith(f"{tmp_path}/x.yaml:{line}: phases[0].green_to_advance: ")
    assert "integer" in message


def test_exit_criterion_naming_unknown_test(tmp_path: Path) -> None:
    text = MINIMAL.replace("{test: sl_heel_raise, min_reps: 10}", "{test: hop_test, min_reps: 10}")
    line = line_of(text, "test: hop_test")
    assert problems(tmp_path, text) == [
        f"{tmp_path}/x.yaml:{line}: phases[0].exit[0]: exit criterion names unknown test 'hop_test'"
    ]


def test_criterion_field_that_does_not_fit_the_measure(tmp_path: Path) -> None:
    text = MINIMAL.replace("{test: sl_heel_raise, min_reps: 10}", "{test: sl_heel_raise, min_minutes: 10}")
    [message] = problems(tmp_path, text)
    assert message.endswith(
        "phases[0].exit[0]: min_minutes does not apply to sl_heel_raise (it measures reps_per_leg)"
    )


def test_menu_naming_unknown_exercise(tmp_path: Path) -> None:
    text = MINIMAL.replace("{exercise: E1, start: 1, top: 2}", "{exercise: E7, start: 1}").replace(
        "priority: [E1]", "priority: []"
    )
    line = line_of(text, "exercise: E7")
    assert problems(tmp_path, text) == [f"{tmp_path}/x.yaml:{line}: phases[0].menu[0]: no exercise E7"]


def test_levels_out_of_order(tmp_path: Path) -> None:
    text = MINIMAL.replace("      - level: 2\n", "      - level: 3\n")
    [message] = problems(tmp_path, text)
    assert f"x.yaml:{line_of(text, '    levels:')}: exercises[0].levels: " in message
    assert "numbered 1, 2, 3" in message


def test_dose_needs_sets_and_one_amount(tmp_path: Path) -> None:
    text = MINIMAL.replace("        reps: 10\n", "        reps: 10\n        seconds: 30\n")
    [message] = problems(tmp_path, text)
    assert message.endswith("exercises[0].levels[1]: give only one of reps, seconds, minutes or metres")


def test_bad_range(tmp_path: Path) -> None:
    text = MINIMAL.replace("reps: 10-15", "reps: lots")
    line = line_of(text, "reps: lots")
    [message] = problems(tmp_path, text)
    assert message.startswith(f"{tmp_path}/x.yaml:{line}: exercises[0].levels[0].reps: ")
    assert "a range like '10-15'" in message


def test_impact_sessions_on_consecutive_days(tmp_path: Path) -> None:
    text = MINIMAL.replace(
        "week: {mon: daily, wed: daily, fri: daily}", "week: {mon: daily, tue: daily}"
    ).replace("    green_to_advance: 2\n", "    non_consecutive: [daily]\n    green_to_advance: 2\n")
    [message] = problems(tmp_path, text)
    assert message.endswith("phases[0]: daily sessions fall on consecutive days")


def test_a_minimum_above_the_week_is_refused(tmp_path: Path) -> None:
    text = MINIMAL.replace("    green_to_advance: 2\n", "    min_sessions: 4\n    green_to_advance: 2\n")
    [message] = problems(tmp_path, text)  # CLINICAL A23: no days could ever hold it
    assert message.endswith("phases[0]: the week has only 3 sessions of its key kinds")


def test_yaml_syntax_error_names_the_line(tmp_path: Path) -> None:
    text = MINIMAL.replace("title: Tiny", "title: [Tiny")
    [message] = problems(tmp_path, text)
    assert message.startswith(f"{tmp_path}/x.yaml:")
    assert "not valid YAML" in message


def test_duplicate_key(tmp_path: Path) -> None:
    text = MINIMAL.replace("title: Tiny\n", "title: Tiny\ntitle: Again\n")
    assert problems(tmp_path, text) == [f"{tmp_path}/x.yaml:4: duplicate key 'title' (first given on line 3)"]


def test_yes_no_key_is_explained(tmp_path: Path) -> None:
    text = MINIMAL.replace("{exercise: E1, start: 1, top: 2}", "{exercise: E1, start: 1, on: [daily]}")
    [message] = problems(tmp_path, text)
    assert "key 'on' reads as True in YAML; put it in quotes" in message


def test_python_tags_are_refused(tmp_path: Path) -> None:
    text = MINIMAL.replace("title: Tiny", "title: !!python/object/apply:os.system ['true']")
    [message] = problems(tmp_path, text)
    assert f"x.yaml:{line_of(text, 'python/object')}: unsupported value" in message


def test_alias_bomb_is_refused(tmp_path: Path) -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for name, previous in zip("bcdefgh", "abcdefg", strict=True):
        bomb += f"{name}: &{name} [*{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}]\n"
    [message] = problems(tmp_path, bomb)
    assert "alias bomb" in message


def test_oversized_file_is_refused_before_parsing(tmp_path: Path) -> None:
    text = MINIMAL + "#" * (MAX_BYTES + 1) + "\n"
    [message] = problems(tmp_path, text)
    assert message.startswith(f"{tmp_path}/x.yaml: file is 25")
    assert message.endswith("KiB; programme files are limited to 256 KiB")


def test_text_upload_uses_its_source_name() -> None:
    with pytest.raises(ProgrammeError) as caught:
        load_text("id: [", "upload.yaml")
    assert str(caught.value.problems[0]).startswith("upload.yaml:")


def test_all_problems_are_reported_in_line_order(tmp_path: Path) -> None:
    text = (
        MINIMAL.replace("colour", "")
        .replace("title: Tiny", "title: Tiny\nextra: 1")
        .replace("green_to_advance: 2", "green_to_advance: -1")
    )
    found = problems(tmp_path, text)
    assert len(found) == 2
    assert "unknown key 'extra'" in found[0]
    assert "green_to_advance" in found[1]
