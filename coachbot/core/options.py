"""A command's typed options (messages.Command.options: Discord's slash options) read as the argument text the
core's parsers take, the words a person types after the command on Telegram or the console, so both ways
of giving a command are read by one parser. The grammar of that text lives here and in the parsers only:
adapters pass typed values by option name and know nothing of it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace

from coachbot.messages import Command, OptionValue

Options = Mapping[str, OptionValue]


def _start(options: Options) -> str:
    return str(options.get("code", ""))


def _checkin(options: Options) -> str:
    which = options.get("which", "session")
    return "" if which == "session" else str(which)


def _settings(options: Options) -> str:
    return _keyed(options, {"timezone": "zone", "time": "time", "morning": "morning"})


def _snooze(options: Options) -> str:
    minutes = options.get("minutes")
    return f"{minutes} min" if minutes else ""


def _club(options: Options) -> str:
    action = str(options.get("action", "status"))
    words = [action if action != "status" else ""]
    if action in ("start", "share"):
        words.append(str(options.get("programme", "")))
    leaderboard = options.get("leaderboard")
    shown = {**options, "leaderboard": None if leaderboard is None else ("on" if leaderboard else "off")}
    keys = {
        "time": "time",
        "timezone": "zone",
        "days": "days",
        "digest": "digest",
        "leaderboard": "leaderboard",
    }
    words.append(_keyed(shown, keys))
    return " ".join(word for word in words if word)


def _keyed(options: Mapping[str, OptionValue | None], keys: Mapping[str, str]) -> str:
    """`keyword value` for each option given, in the order of `keys` (option name: the keyword typed)."""
    return " ".join(f"{word} {options[name]}" for name, word in keys.items() if options.get(name))


_ARGUMENTS: dict[str, Callable[[Options], str]] = {
    "start": _start,
    "checkin": _checkin,
    "settings": _settings,
    "snooze": _snooze,
    "club": _club,
}


def arguments(command: Command) -> str:
    """The command's argument text: as typed, or its options written the way they would be typed."""
    if not command.options:
        return command.args
    write = _ARGUMENTS.get(command.name)
    return write(command.options) if write is not None else command.args


def with_arguments(command: Command) -> Command:
    """`command` with `args` read from its options, when it came with options."""
    return replace(command, args=arguments(command)) if command.options else command
