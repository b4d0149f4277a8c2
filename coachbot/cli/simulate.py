"""`coachbot simulate` (CLINICAL A26): replay a check-in CSV through the live bot's rules and print one JSON
line per decision, or with `--daily` one per day. A bad argument or file is one line on stderr and exit 1,
like every invalid input of the CLI (argparse's own usage errors exit 2)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date
from pathlib import Path

from tqdm import tqdm

from coachbot.cli.checkins_csv import Checkins, CsvError, read
from coachbot.coaching.facts import Person
from coachbot.coaching.progress import Decision
from coachbot.coaching.simulation import Day, DayResult, replay_days
from coachbot.coaching.triage import MIN_AGE
from coachbot.coaching.weekpattern import KEY_RUN
from coachbot.programme.loader import load_directory
from coachbot.programme.schema import WEEKDAYS, Programme
from coachbot.schedule.wallclock import ScheduleInputError, parse_days

PROFILES = {"grade1": "rehab", "grade2": "rehab", "clinician_led": "rehab", "prevention": "prevention"}
AGES = range(10, 101)  # outside it an age is a typo, not a person
PROGRESS_BAR_MIN_DAYS = 365
FLAGS = ("no_plyometrics", "achilles_check")


class SimulateError(ValueError):
    """An argument that does not fit the others, the programme or the CSV; the message says what would."""


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    simulate = commands.add_parser("simulate", help="replay a check-in CSV through the rules; JSON lines out")
    simulate.add_argument("--programme", required=True, metavar="ID")
    simulate.add_argument("--profile", required=True, choices=tuple(PROFILES))
    simulate.add_argument(
        "--start", type=_date, metavar="YYYY-MM-DD", help="the first day; must be the CSV's (the default)"
    )
    simulate.add_argument("--checkins", required=True, type=Path, metavar="FILE.csv")
    simulate.add_argument("--age", type=int, metavar="N")
    simulate.add_argument("--soleus", action="store_true", help="soleus pattern (slower return to running)")
    simulate.add_argument(
        "--heel-raises", type=int, metavar="N",
        help="prevention baseline: single-leg heel raises on the weaker leg (unknown starts double-leg)",
    )  # fmt: skip
    simulate.add_argument(
        "--clinician-phase",
        type=int,
        metavar="N",
        help="with --profile clinician_led: the phase the clinician set (CLINICAL A16)",
    )
    simulate.add_argument(
        "--baseline", type=int, metavar="N",
        help="B at enrolment: walking pain then, 0-10 (default: the first morning answer)",
    )  # fmt: skip
    simulate.add_argument(
        "--days", default="every day", metavar="mon,wed,fri",
        help="the person's training days (CLINICAL A23; default every day)",
    )  # fmt: skip
    simulate.add_argument(
        "--long-run", choices=WEEKDAYS, metavar="DAY", help="prevention: the key-run day (CLINICAL A22)"
    )
    simulate.add_argument(
        "--flag", action="append", default=[], choices=FLAGS, metavar="NAME",
        help=f"a triage flag, repeatable: {', '.join(FLAGS)} (CLINICAL A17)",
    )  # fmt: skip
    simulate.add_argument(
        "--assume-passed", action="store_true", help="count a test with no data as passed (the old behaviour)"
    )
    simulate.add_argument(
        "--daily", action="store_true", help="one JSON line per day instead of per decision"
    )


def run(args: argparse.Namespace, directory: Path) -> int:
    try:
        _check_arguments(args)
        programme = load_directory(directory).get(args.programme)
        if programme is None:
            raise SimulateError(f"no programme {args.programme!r}; try `coachbot programme list`")
        _check_fit(args, programme)
        checkins = read(args.checkins)
        days = checkins.days
        if args.start is not None and args.start != days[0].day:
            raise SimulateError(
                f"--start {args.start} does not match the first date of {args.checkins}, {days[0].day}"
            )
    except SimulateError as error:
        print(f"coachbot: {error}", file=sys.stderr)
        return 1
    except CsvError as error:
        print(error, file=sys.stderr)
        return 1
    if args.age is not None and args.age < MIN_AGE:
        print(
            f"coachbot: note: the bot does not enrol anyone under {MIN_AGE} (CLINICAL 7.1)", file=sys.stderr
        )
    try:
        _replay(args, programme, days, _baseline(args, checkins))
    except BrokenPipeError:  # the reader stopped early (`| head`): no traceback, as the Python docs advise
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    return 0


def _baseline(args: argparse.Namespace, checkins: Checkins) -> int | None:
    """B at enrolment: --baseline, else the first day's morning (the replay's default), except for a /report
    CSV, whose first day is the enrolment day's session with no morning yet: its first morning answered."""
    if args.baseline is not None or not checkins.from_report:
        return int(args.baseline) if args.baseline is not None else None
    return next((day.morning for day in checkins.days if day.morning is not None), None)


def _replay(args: argparse.Namespace, programme: Programme, days: list[Day], baseline: int | None) -> None:
    start = days[0].day
    person = Person(
        grade=args.profile, injured_on=start, started_on=start, age=args.age, soleus=args.soleus,
        heel_raises=args.heel_raises, flags=frozenset(args.flag),
    )  # fmt: skip
    flags: dict[str, object] = dict.fromkeys(args.flag, True)
    if args.long_run:
        flags[KEY_RUN] = args.long_run
    replayed = replay_days(
        programme, person, days, assume_passed=args.assume_passed, clinician_phase=args.clinician_phase,
        baseline=baseline, chosen_days=args.chosen_days, flags=flags,
    )  # fmt: skip
    with tqdm(total=len(days), unit="day", file=sys.stderr, disable=len(days) < PROGRESS_BAR_MIN_DAYS) as bar:
        for result in replayed:
            if args.daily:
                print(json.dumps(day_json(result)))
            else:
                for decision in result.decisions:
                    print(json.dumps(decision_json(decision)))
            bar.update()


def _check_arguments(args: argparse.Namespace) -> None:
    if args.age is not None and args.age not in AGES:
        raise SimulateError(f"--age {args.age} is not an age; give years, {AGES.start}-{AGES.stop - 1}")
    if args.baseline is not None and not 0 <= args.baseline <= 10:
        raise SimulateError(f"--baseline {args.baseline} is not a pain score; give 0-10")
    if args.heel_raises is not None and args.heel_raises < 0:
        raise SimulateError(f"--heel-raises {args.heel_raises} is not a count of heel raises")
    if args.clinician_phase is not None and args.profile != "clinician_led":
        raise SimulateError("--clinician-phase goes with --profile clinician_led only")
    try:
        args.chosen_days = parse_days(args.days)
    except ScheduleInputError as error:
        raise SimulateError(f"--days {args.days!r}: {error}") from None


def _check_fit(args: argparse.Namespace, programme: Programme) -> None:
    """The profile is one the programme's track enrols (as at enrolment); a clinician's phase is one of it."""
    if PROFILES[args.profile] != programme.track:
        fitting = ", ".join(name for name, track in PROFILES.items() if track == programme.track)
        raise SimulateError(
            f"--profile {args.profile} does not fit {programme.id} (a {programme.track} programme); "
            f"use {fitting}"
        )
    numbers = [phase.number for phase in programme.phases]
    phases = ", ".join(str(number) for number in numbers)
    if args.profile == "clinician_led" and args.clinician_phase is None:
        raise SimulateError(
            f"--profile clinician_led needs --clinician-phase N, the phase the clinician set ({phases})"
        )
    if args.clinician_phase is not None and args.clinician_phase not in numbers:
        raise SimulateError(
            f"--clinician-phase {args.clinician_phase} is not a phase of {programme.id} ({phases})"
        )


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-03-02") from None


def day_json(result: DayResult) -> dict[str, object]:
    """`--daily`: where the person stands at the end of a day; `items` is the day's session as the live bot
    prescribes it (plan.todays_session, CLINICAL A21), [] on a rest day and while paused (A12)."""
    return {
        "date": result.day.isoformat(),
        "phase": result.phase,
        "levels": dict(sorted(result.levels.items())),
        "items": list(result.items),
        "decisions": [decision_json(decision) for decision in result.decisions],
        "status": result.status,
    }


def decision_json(decision: Decision) -> dict[str, object]:
    return {
        "date": decision.day.isoformat(),
        "phase": decision.phase,
        "decision": decision.kind,
        "exercise": decision.exercise,
        "level_from": decision.level_from,
        "level_to": decision.level_to,
        "rule": decision.rule,
        "reason": decision.reason,
    }
