"""The slash commands coachbot registers on Discord, and syncing them only when they changed.

Every command of the message catalogue becomes a slash command with its description; a few take typed
options (a club or share code, which check-in, the settings with time-zone autocomplete, snooze minutes).
/tell (Discord only) takes free text, the way to write to the bot in a server channel that only the
writer sees (the adapter hands it to the core as Text, not as a command).
Each callback hands the command name and its typed options (those given, by name) to one handler; the core
reads them (messages.Command.options). /club is for server admins: Discord hides it from others (default_permissions) and the
adapter checks manage_guild again on every use.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import Any, Literal, Protocol

import discord
from discord import app_commands

from coachbot.messages import OptionValue
from coachbot.texts import groups

log = logging.getLogger(__name__)


Options = Mapping[str, OptionValue]
Zones = Callable[[str], Sequence[str]]  # time zones like what was typed so far (the app's, injected)


class Handle(Protocol):
    """The adapter's handler: the command's name, the options given, and a file if one came."""

    def __call__(
        self,
        interaction: discord.Interaction,
        name: str,
        options: Options,
        file: discord.Attachment | None = None,
    ) -> Awaitable[None]: ...


ADMIN_COMMANDS = frozenset({"club"})
MAX_TELL = 1000  # characters of /tell's free text
OPTION_KEYS = (
    "type", "name", "description", "required", "autocomplete", "choices", "options",
    "min_value", "max_value", "min_length", "max_length",
)  # fmt: skip
COMMAND_KEYS = ("name", "description", "type", "default_member_permissions", "contexts", "integration_types")


def _given(**options: OptionValue | None) -> Options:
    return {name: value for name, value in options.items() if value is not None}


def _with_options(
    handle: Handle, descriptions: Mapping[str, str], zones_like: Zones
) -> list[app_commands.Command[Any, ..., None]]:
    """The commands with typed options; their callbacks hand the options given to `handle`."""

    async def _zones(_interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        return [app_commands.Choice(name=name, value=name) for name in zones_like(current)]

    @app_commands.command(name="start", description=descriptions["start"])
    @app_commands.describe(code="A club or programme share code, if you were given one")
    async def start(interaction: discord.Interaction, code: str | None = None) -> None:
        await handle(interaction, "start", _given(code=code.strip() if code is not None else None))

    @app_commands.command(name="checkin", description=descriptions["checkin"])
    @app_commands.describe(which="Which check-in (after a session unless you choose)")
    async def checkin(
        interaction: discord.Interaction, which: Literal["session", "morning", "weekly"] | None = None
    ) -> None:
        await handle(interaction, "checkin", _given(which=which))

    @app_commands.command(name="settings", description=descriptions["settings"])
    @app_commands.describe(
        timezone="Your time zone, like Europe/London (start typing a city)",
        time="Session time as HH:MM, like 07:30",
        morning="Morning check-in time as HH:MM, like 08:00",
    )
    @app_commands.autocomplete(timezone=_zones)
    async def settings(
        interaction: discord.Interaction,
        timezone: app_commands.Range[str, 1, 64] | None = None,
        time: app_commands.Range[str, 3, 8] | None = None,
        morning: app_commands.Range[str, 3, 8] | None = None,
    ) -> None:
        await handle(interaction, "settings", _given(timezone=timezone, time=time, morning=morning))

    @app_commands.command(name="snooze", description=descriptions["snooze"])
    @app_commands.describe(minutes="How long to wait before reminding you")
    async def snooze(interaction: discord.Interaction, minutes: Literal[30, 60, 180] | None = None) -> None:
        await handle(interaction, "snooze", _given(minutes=minutes))

    @app_commands.command(name=groups.TELL, description=groups.TELL_DESCRIPTION)
    @app_commands.describe(message=groups.TELL_OPTION)
    async def tell(interaction: discord.Interaction, message: app_commands.Range[str, 1, MAX_TELL]) -> None:
        await handle(interaction, groups.TELL, _given(message=message))

    @app_commands.command(name="club", description="Run a club programme in this channel (server admins)")
    @app_commands.describe(
        action="What to do (status unless you choose)",
        programme="For start or share: a programme id such as calf-strength-12w, or a share code",
        time="Club post time as HH:MM, like 18:30",
        timezone="The club's time zone, like Europe/London (start typing a city)",
        days="Training days, like mon,wed,fri",
        digest="The day of the weekly digest",
        leaderboard="Name members who opt in, with their sessions, in the digest",
        file="For upload: the club's own programme as a YAML file (up to 256 KiB)",
    )
    @app_commands.autocomplete(timezone=_zones)
    @app_commands.default_permissions(manage_guild=True)
    @app_commands.guild_only()
    async def club(
        interaction: discord.Interaction,
        action: Literal[
            "status", "start", "settings", "pause", "resume", "stop", "upload", "share"
        ] = "status",
        programme: app_commands.Range[str, 1, 64] | None = None,
        time: app_commands.Range[str, 3, 8] | None = None,
        timezone: app_commands.Range[str, 1, 64] | None = None,
        days: app_commands.Range[str, 2, 40] | None = None,
        digest: Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"] | None = None,
        leaderboard: bool | None = None,
        file: discord.Attachment | None = None,
    ) -> None:
        given = _given(action=action, programme=programme, time=time, timezone=timezone, days=days,
                       digest=digest, leaderboard=leaderboard)  # fmt: skip
        await handle(interaction, "club", given, file)

    return [start, checkin, settings, snooze, tell, club]


def _plain(handle: Handle, name: str, description: str) -> app_commands.Command[Any, ..., None]:
    async def callback(interaction: discord.Interaction) -> None:
        await handle(interaction, name, {})

    return app_commands.Command(name=name, description=description, callback=callback)


def build(
    handle: Handle, descriptions: Mapping[str, str], zones: Zones
) -> list[app_commands.Command[Any, ..., None]]:
    """Every command in `descriptions` (the catalogue's COMMANDS), plus /club, usable in servers and DMs
    (contexts and installs are spelled out, so what we compare on start-up is what Discord stores)."""
    typed = _with_options(handle, descriptions, zones)
    named = {command.name for command in typed}
    commands = typed + [
        _plain(handle, name, text) for name, text in descriptions.items() if name not in named
    ]
    for command in commands:
        command.allowed_installs = app_commands.AppInstallationType(guild=True, user=False)
        if command.allowed_contexts is None:
            command.allowed_contexts = app_commands.AppCommandContext(guild=True, dm_channel=True)
    return commands


def shape(payload: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The parts of command payloads that matter, in a stable order, whether built here or fetched."""
    return sorted((_command_shape(command) for command in payload), key=lambda command: command["name"])


def _command_shape(command: dict[str, Any]) -> dict[str, Any]:
    kept = {key: command.get(key) for key in COMMAND_KEYS}
    kept["type"] = kept["type"] or 1
    permissions = kept["default_member_permissions"]  # an int when built, a string from Discord
    kept["default_member_permissions"] = None if permissions is None else str(permissions)
    for key in ("contexts", "integration_types"):
        values = kept[key]
        kept[key] = None if values is None else sorted(values)
    kept["options"] = [_option_shape(option) for option in command.get("options") or []]
    return kept


def _option_shape(option: dict[str, Any]) -> dict[str, Any]:
    kept = {key: option[key] for key in OPTION_KEYS if option.get(key) not in (None, False, [])}
    if "choices" in kept:
        kept["choices"] = [{"name": c["name"], "value": c["value"]} for c in kept["choices"]]
    if "options" in kept:
        kept["options"] = [_option_shape(sub) for sub in kept["options"]]
    return kept


async def sync_if_changed(
    client: discord.Client, tree: app_commands.CommandTree[Any], guild_id: int | None
) -> bool:
    """Register the commands with Discord only when they differ from what it has (commands are limited to
    200 creations a day, and global ones take a while to reach every client). A development server gets
    its own copy, which appears at once."""
    application_id = client.application_id
    assert application_id is not None, "log in first"
    guild = discord.Object(guild_id) if guild_id is not None else None
    if guild is not None:
        tree.copy_global_to(guild=guild)
    local = [command.to_dict(tree) for command in tree.get_commands(guild=guild)]
    if guild_id is not None:
        remote = await client.http.get_guild_commands(application_id, guild_id)
    else:
        remote = await client.http.get_global_commands(application_id)
    if shape(local) == shape(list(remote)):  # type: ignore[arg-type]
        log.info("discord commands unchanged; not syncing")
        return False
    await tree.sync(guild=guild)
    log.info("discord commands synced %s", f"to server {guild_id}" if guild_id else "globally")
    return True
