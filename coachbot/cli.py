"""The `coachbot` command line: run, db upgrade, programme validate/show/list, safety check.

Exit codes: 0 success, 1 invalid input (e.g. a programme with problems), 2 usage errors (argparse).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from coachbot.coaching.safety import detect
from coachbot.programme.loader import ProgrammeError, load_directory, load_file
from coachbot.programme.outline import outline
from coachbot.settings import SettingsError, load_settings


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="coachbot", description="A calf-programme coach for runners.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    commands.add_parser("run", help="apply migrations, then chat (console when no platform token is set)")
    db = commands.add_parser("db", help="database maintenance").add_subparsers(
        dest="db_command", required=True
    )
    db.add_parser("upgrade", help="apply all migrations to COACHBOT_DATABASE_URL")
    programme = commands.add_parser("programme", help="check and read programme files")
    actions = programme.add_subparsers(dest="programme_command", required=True)
    validate = actions.add_parser("validate", help="check programme YAML files")
    validate.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    show = actions.add_parser("show", help="print a week-by-week outline")
    show.add_argument("id", metavar="ID", help="a programme id (see `programme list`) or a YAML path")
    actions.add_parser("list", help="list the installed programmes")
    safety = commands.add_parser("safety", help="red-flag tools").add_subparsers(
        dest="safety_command", required=True
    )
    check = safety.add_parser("check", help="print the red-flag tier and signs found in a message, as JSON")
    check.add_argument("text", nargs="+", metavar="TEXT")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        settings = load_settings(os.environ)
        if args.command == "programme":
            return _programme(args, settings.programmes_dir)
        if args.command == "safety":
            detection = detect(" ".join(args.text))
            print(json.dumps({"tier": detection.tier, "signs": list(detection.signs)}))
            return 0
        if args.command == "db":
            return asyncio.run(_upgrade(settings.database_url.value))
        return _run(settings)
    except (SettingsError, ProgrammeError) as error:
        print(f"coachbot: {error}", file=sys.stderr)
        return 1


def _programme(args: argparse.Namespace, directory: Path) -> int:
    if args.programme_command == "validate":
        return _validate(args.paths)
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


def _validate(paths: Sequence[Path]) -> int:
    failed = False
    for path in paths:
        try:
            programme = load_file(path)
        except ProgrammeError as error:
            failed = True
            for problem in error.problems:
                print(problem, file=sys.stderr)
            continue
        print(f"{path}: ok ({programme.id} v{programme.version})")
    return 1 if failed else 0


async def _upgrade(url: str) -> int:
    from coachbot.store import migrate
    from coachbot.store.db import Database

    database = Database.connect(url)
    try:
        await migrate.upgrade(database)
    finally:
        await database.close()
    print("database is up to date")
    return 0


def _run(settings: object) -> int:
    from coachbot.app import build
    from coachbot.settings import Settings

    assert isinstance(settings, Settings)
    app = build(settings)
    try:
        asyncio.run(app.run())
    except KeyboardInterrupt:
        print("\nbye", file=sys.stderr)
    return 0
