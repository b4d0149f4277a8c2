"""The `coachbot` command line: run, db upgrade, programme validate/show/list, simulate, safety check.

Exit codes: 0 success, 1 invalid input (e.g. a programme with problems), 2 usage errors (argparse).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import sys
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta
from itertools import islice
from pathlib import Path

from coachbot.cli import errors as cli_errors
from coachbot.cli import safety_check as cli_safety
from coachbot.cli import simulate as cli_simulate
from coachbot.messages import MAX_ATTACHMENT_BYTES
from coachbot.programme.loader import Problem, ProgrammeError, load_directory, load_file, load_upload
from coachbot.programme.outline import outline
from coachbot.programme.schema import Programme
from coachbot.schedule.wallclock import ScheduleInputError, due_instants, parse_days, parse_time, parse_zone
from coachbot.settings import Settings, SettingsError, load_settings
from coachbot.store.db import DatabaseError

SCHEDULE_HELP = (
    "Write a zone as Region/City (Europe/London, America/New_York, Australia/Sydney), a time as HH:MM "
    "(07:30), and days as mon,tue,wed,thu,fri,sat,sun."
)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="coachbot", description="A calf-programme coach for runners.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    run = commands.add_parser(
        "run", help="apply migrations, then chat (console when no platform token is set)"
    )
    run.add_argument(
        "--demo",
        action="store_true",
        help="the console on ./coachbot-demo.db, where /later and /nextday move the clock to the next prompt",
    )
    db = commands.add_parser("db", help="database maintenance").add_subparsers(
        dest="db_command", required=True
    )
    db.add_parser("upgrade", help="apply all migrations to COACHBOT_DATABASE_URL, saying which")
    db.add_parser("current", help="the database's migration and this version's newest (exit 1 when behind)")
    programme = commands.add_parser("programme", help="check and read programme files")
    actions = programme.add_subparsers(dest="programme_command", required=True)
    validate = actions.add_parser("validate", help="check programme YAML files")
    validate.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    validate.add_argument(
        "--as-upload",
        action="store_true",
        help="apply the rules of /club upload too: no shipped id, nothing looser than the shipped programmes",
    )
    show = actions.add_parser("show", help="print a week-by-week outline")
    show.add_argument("id", metavar="ID", help="a programme id (see `programme list`) or a YAML path")
    actions.add_parser("list", help="list the installed programmes")
    cli_simulate.add_parser(commands)
    schedule = commands.add_parser("schedule", help="check schedule settings").add_subparsers(
        dest="schedule_command", required=True
    )
    preview = schedule.add_parser("preview", help="print the next due instants (UTC, ISO 8601), one per line")
    preview.add_argument("--tz", required=True, metavar="ZONE", help="an IANA zone such as Europe/London")
    preview.add_argument("--time", required=True, metavar="HH:MM")
    preview.add_argument("--days", default="mon,tue,wed,thu,fri,sat,sun", metavar="mon,tue,...")
    preview.add_argument("--start", required=True, metavar="YYYY-MM-DDTHH:MM:SSZ")
    preview.add_argument("--count", type=int, default=7, metavar="N")
    safety = commands.add_parser("safety", help="red-flag tools").add_subparsers(
        dest="safety_command", required=True
    )
    check = safety.add_parser(
        "check",
        help="print a message's outcome, tier, signs, triggering words and discounted mentions (JSON)",
    )
    check.add_argument("text", nargs="+", metavar="TEXT")
    scoring = safety.add_parser(
        "eval", help="score labelled corpora (YAML); exits 1 when a target of the safety net is missed"
    )
    scoring.add_argument("paths", nargs="+", type=Path, metavar="FILE")
    export = commands.add_parser("export", help="print everything stored about one person, as JSON")
    export.add_argument("--platform", required=True, choices=("telegram", "discord", "console"))
    export.add_argument("--user", required=True, metavar="ID", help="the person's user id on that platform")
    report = commands.add_parser(
        "report", help="write the clinician report (PDF) and check-ins (CSV beside it)"
    )
    report.add_argument("--platform", required=True, choices=("telegram", "discord", "console"))
    report.add_argument("--user", required=True, metavar="ID")
    report.add_argument("--out", required=True, type=Path, metavar="FILE.pdf")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        settings = load_settings(os.environ)
        if args.command == "programme":
            return _programme(args, settings.programmes_dir)
        if args.command == "simulate":
            return cli_simulate.run(args, settings.programmes_dir)
        if args.command == "schedule":
            return _preview(args)
        if args.command == "safety":
            if args.safety_command == "eval":
                return cli_safety.evaluate(args.paths)
            return cli_safety.check(" ".join(args.text))
        if args.command == "db":
            from coachbot.cli import database

            run_db = database.upgrade if args.db_command == "upgrade" else database.current
            return asyncio.run(run_db(settings.database_url.value))
        if args.command in ("export", "report"):
            from coachbot.cli import people as cli_people  # database and drawing libraries only when needed

        if args.command == "export":
            return asyncio.run(cli_people.export(settings.database_url.value, args.platform, args.user))
        if args.command == "report":
            return cli_people.report(settings, args.platform, args.user, args.out)
        return _run(settings, demo=args.demo)
    except (SettingsError, ProgrammeError, cli_safety.CorpusError) as error:
        print(f"coachbot: {error}", file=sys.stderr)
        return 1
    except (ConnectionError, TimeoutError, socket.gaierror, DatabaseError) as error:  # the database
        print(f"coachbot: {cli_errors.database_problem(error, settings.database_label)}", file=sys.stderr)
        return 1


def _programme(args: argparse.Namespace, directory: Path) -> int:
    if args.programme_command == "validate":
        return _validate(args.paths, load_directory(directory) if args.as_upload else None)
    if args.programme_command == "list":
        for programme in load_directory(directory).values():
            print(f"{programme.id}\t{programme.title}")
        return 0
    path = Path(args.id)
    found = load_file(path) if path.suffix in (".yaml", ".yml") else load_directory(directory).get(args.id)
    if found is None:
        print(f"coachbot: no programme {args.id!r}; try `coachbot programme list`", file=sys.stderr)
        return 1
    sys.stdout.write(outline(found))
    return 0


def _preview(args: argparse.Namespace) -> int:
    try:
        zone, at, days = parse_zone(args.tz), parse_time(args.time), parse_days(args.days)
    except ScheduleInputError as error:
        print(f"coachbot: {error}. {SCHEDULE_HELP}", file=sys.stderr)
        return 1
    try:
        start = datetime.fromisoformat(args.start.replace("Z", "+00:00"))
    except ValueError:
        print(
            f"coachbot: --start {args.start!r} is not a UTC time like 2026-03-29T00:00:00Z", file=sys.stderr
        )
        return 1
    if start.tzinfo is None:
        start = start.replace(tzinfo=UTC)
    if args.count < 1:
        print(f"coachbot: --count must be a whole number of 1 or more, not {args.count}", file=sys.stderr)
        return 1
    for due in islice(due_instants(at, zone, days, start - timedelta(microseconds=1)), args.count):
        print(due.strftime("%Y-%m-%dT%H:%M:%SZ"))
    return 0


def _validate(paths: Sequence[Path], shipped: Mapping[str, Programme] | None) -> int:
    """Check each file; with `shipped`, as /club upload would check it against those programmes."""
    failed = False
    for path in paths:
        try:
            programme = load_file(path) if shipped is None else _as_upload(path, shipped)
        except ProgrammeError as error:
            failed = True
            for problem in error.problems:
                print(problem, file=sys.stderr)
            continue
        print(f"{path}: ok ({programme.id} v{programme.version})")
    return 1 if failed else 0


def _as_upload(path: Path, shipped: Mapping[str, Programme]) -> Programme:
    try:
        data = path.read_bytes()
        if len(data) > MAX_ATTACHMENT_BYTES:
            raise ProgrammeError(
                [Problem(str(path), 0, "", f"an upload may be at most {MAX_ATTACHMENT_BYTES // 1024} KB")]
            )
        text = data.decode("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ProgrammeError([Problem(str(path), 0, "", f"cannot read: {error}")]) from None
    return load_upload(text, str(path), shipped)


def _run(settings: Settings, *, demo: bool) -> int:
    import aiohttp
    from discord.errors import DiscordException, LoginFailure
    from telegram.error import InvalidToken, TelegramError

    from coachbot.cli.logs import configure as configure_logging
    from coachbot.cli.signals import run_until_signalled
    from coachbot.cli.wiring import build
    from coachbot.store.leadership import AlreadyRunning, LockUnavailable
    from coachbot.store.urls import parse_url

    password = parse_url(settings.database_url.value).password
    secrets = [s.value for s in (settings.telegram_token, settings.discord_token) if s] + [
        str(password or "")
    ]
    if demo:
        from coachbot.cli.demo import demo_settings

        settings = demo_settings(settings)
    console = settings.telegram_token is None and settings.discord_token is None
    configure_logging(settings.log_level, secrets, console=console, log_format=settings.log_format)
    app = build(settings, demo=demo)
    try:
        asyncio.run(run_until_signalled(app.run, app.terminate))
    except KeyboardInterrupt:
        print("\nbye", file=sys.stderr)
    except (AlreadyRunning, LockUnavailable) as error:
        print(f"coachbot: {error}", file=sys.stderr)
        return 1
    except LoginFailure:
        print(
            "coachbot: Discord refused DISCORD_TOKEN; copy it again from the Developer Portal (Bot → Reset Token)",
            file=sys.stderr,
        )
        return 1
    except (aiohttp.ClientError, DiscordException) as error:  # no network, or Discord down, at start-up
        print(f"coachbot: cannot reach Discord: {type(error).__name__}", file=sys.stderr)
        return 1
    except InvalidToken:
        print("coachbot: Telegram refused TELEGRAM_TOKEN; copy it again from @BotFather", file=sys.stderr)
        return 1
    except TelegramError as error:  # e.g. no network at start-up; the message never holds the token
        print(f"coachbot: cannot reach Telegram: {type(error).__name__}", file=sys.stderr)
        return 1
    if app.lost_leadership:  # a restart (Docker, systemd, Kubernetes) brings it back as a follower
        print("coachbot: lost the database connection that held the leadership; stopped", file=sys.stderr)
        return 1
    if _nobody_typed(app.adapters.get("console")) and not app.terminate.is_set():
        print(NO_TERMINAL, file=sys.stderr)
    return 0


NO_TERMINAL = (
    "coachbot: no TELEGRAM_TOKEN or DISCORD_TOKEN is set, so this is the console, and its input ended before "
    "a single line (no terminal attached). Set a token to run the bot, or attach a terminal to chat here "
    "(docker run -it)."
)


def _nobody_typed(console: object) -> bool:
    """The console ran on an input that was empty from the start, and not on a terminal: `docker run`
    without -i, a service with no token set."""
    from coachbot.adapters.console import ConsoleAdapter

    return isinstance(console, ConsoleAdapter) and console.lines_read == 0 and not console.stdin.isatty()
