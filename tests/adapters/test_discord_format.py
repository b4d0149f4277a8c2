"""Discord rendering and command registration, without a network: Markdown, button rows, command shapes."""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands

from coachbot.adapters.discord import commands as discord_commands
from coachbot.adapters.discord.format import rows, split, to_markdown
from coachbot.schedule.wallclock import zones_like
from coachbot.texts import common


def test_markdown_keeps_bold_lists_and_mentions_and_escapes_the_rest() -> None:
    text = "**Week 2** for @[42]\n- 3 × 15 *slow* raises_left\n@everyone hi\n> not a quote"
    assert to_markdown(text) == (
        "**Week 2** for <@42>\n- 3 × 15 \\*slow\\* raises\\_left\n@\u200beveryone hi\n\\> not a quote"
    )


def test_the_pain_scale_is_laid_out_five_to_a_row() -> None:
    scale = (
        tuple((str(n), f"v1:q:1:{n}") for n in range(6)),
        tuple((str(n), f"v1:q:1:{n}") for n in range(6, 11)),
    )
    assert [[label for label, _ in row] for row in rows(scale)] == [
        ["0", "1", "2", "3", "4"],
        ["5", "6", "7", "8", "9"],
        ["10"],
    ]
    yes_no = ((("Yes", "v1:q:2:yes"), ("No", "v1:q:2:no")),)
    assert rows(yes_no) == [[("Yes", "v1:q:2:yes"), ("No", "v1:q:2:no")]]


def test_long_texts_are_cut_at_line_ends_under_2000() -> None:
    text = "\n".join(f"line {n:03d} " + "x" * 90 for n in range(50))
    pieces = split(text)
    assert len(pieces) == 3
    assert all(len(piece) <= 2000 for piece in pieces)
    assert "\n".join(pieces) == text


def test_time_zone_suggestions_put_names_that_start_with_the_text_first() -> None:
    assert zones_like("lond")[0] == "Europe/London"
    assert "America/New_York" in zones_like("new y")
    assert len(zones_like("")) == 25
    assert zones_like("zzzz") == []


async def _ignore(
    interaction: discord.Interaction, name: str, options: object, file: discord.Attachment | None = None
) -> None:
    return None


def _local() -> list[dict[str, Any]]:
    client = discord.Client(intents=discord.Intents.default())
    tree: app_commands.CommandTree[discord.Client] = app_commands.CommandTree(client)
    for command in discord_commands.build(_ignore, common.COMMANDS, lambda _typed: []):
        tree.add_command(command)
    return [command.to_dict(tree) for command in tree.get_commands()]


def test_commands_compare_equal_to_what_discord_stores_and_differ_after_a_change() -> None:
    local = _local()
    assert {command["name"] for command in local} == {*common.COMMANDS, "club", "tell"}
    # Discord answers with ids, versions, string permissions and defaults filled in
    stored = [
        {**command, "id": "1", "version": "2", "application_id": "3", "default_member_permissions":
         None if command["default_member_permissions"] is None else str(command["default_member_permissions"])}
        for command in reversed(local)
    ]  # fmt: skip
    assert discord_commands.shape(local) == discord_commands.shape(stored)
    stored[0] = {**stored[0], "description": "Something else"}
    assert discord_commands.shape(local) != discord_commands.shape(stored)
