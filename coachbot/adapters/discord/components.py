"""The Discord components coachbot sends: buttons that carry core tokens (`DynamicItem`s, so a click on a
message sent before a restart still works), the Join button, the note button and its one-field form, and
laying a reply's choices out as a view. Clicks go to the adapter through the `Handlers` protocol."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, Protocol

import discord

from coachbot.adapters.discord.format import rows
from coachbot.messages import (
    JOIN_KIND,
    JOIN_PREFIX,
    MAX_FORM_CHARS,
    PRIMARY_PREFIX,
    TOKEN_PREFIX,
    OptionValue,
    Reply,
    join_token,
)
from coachbot.texts import checkin as checkin_texts

NOTE_BUTTON = "coachbot:note"
NOTE_FORM = "coachbot:note-form"
NOTE_INPUT = "note"


class Handlers(Protocol):
    """What a click needs from the adapter."""

    async def on_button(self, interaction: discord.Interaction, token: str) -> None: ...

    async def on_command(
        self,
        interaction: discord.Interaction,
        name: str,
        options: Mapping[str, OptionValue],
        file: discord.Attachment | None = None,
    ) -> None: ...


def _adapter(interaction: discord.Interaction) -> Handlers:
    handlers: Handlers = getattr(interaction.client, "adapter")  # noqa: B009 (set by the adapter's client)
    return handlers


CORE_TEMPLATE = rf"(?P<token>{re.escape(TOKEN_PREFIX)}(?!{re.escape(JOIN_KIND)}:).+)"  # any token but a Join
JOIN_TEMPLATE = rf"{re.escape(JOIN_PREFIX)}(?P<code>[\w-]+)"


class CoreButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=CORE_TEMPLATE):
    """A button carrying a core token: it works whichever process sent the message."""

    def __init__(self, token: str, label: str = "…", row: int | None = None) -> None:
        primary = token.startswith(PRIMARY_PREFIX)
        style = discord.ButtonStyle.primary if primary else discord.ButtonStyle.secondary
        super().__init__(discord.ui.Button(label=label, custom_id=token, style=style, row=row))
        self.token = token

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> CoreButton:
        return cls(match["token"])

    async def callback(self, interaction: discord.Interaction) -> None:
        await _adapter(interaction).on_button(interaction, self.token)


class JoinButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=JOIN_TEMPLATE):
    """A club's Join button: /start <code> for the person who clicks, answered in their DMs."""

    def __init__(self, code: str, label: str = "Join", row: int | None = None) -> None:
        style = discord.ButtonStyle.success
        super().__init__(discord.ui.Button(label=label, custom_id=join_token(code), style=style, row=row))
        self.code = code

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> JoinButton:
        return cls(match["code"])

    async def callback(self, interaction: discord.Interaction) -> None:
        await _adapter(interaction).on_command(interaction, "start", {"code": self.code})


class NoteButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=NOTE_BUTTON):
    """Opens the note form (a modal) for a question answered in a few words."""

    def __init__(self, label: str = checkin_texts.NOTE_FORM, row: int | None = None) -> None:
        super().__init__(
            discord.ui.Button(
                label=label[:80], custom_id=NOTE_BUTTON, style=discord.ButtonStyle.primary, row=row
            )
        )

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> NoteButton:
        return cls()

    async def callback(self, interaction: discord.Interaction) -> None:
        await interaction.response.send_modal(NoteForm())


class NoteForm(discord.ui.Modal):
    """One short text field. Its submit is handled from the raw interaction (Client.on_interaction), so a
    submit that arrives after a restart, when this object is gone, is read the same way."""

    def __init__(self) -> None:
        super().__init__(title=checkin_texts.NOTE_FORM[:45], custom_id=NOTE_FORM, timeout=900)
        self.add_item(
            discord.ui.TextInput(
                label=checkin_texts.NOTE_LABEL, custom_id=NOTE_INPUT, max_length=MAX_FORM_CHARS, required=True
            )
        )

    async def on_submit(self, interaction: discord.Interaction) -> None:
        """Nothing here: Client.on_interaction answers every note form, live or from before a restart."""


def field_value(components: list[Any], custom_id: str) -> str:
    """A text input's value from a modal submit, whether wrapped in action rows or in labels."""
    for component in components:
        if component.get("custom_id") == custom_id and "value" in component:
            return str(component["value"])
        nested = component.get("components") or ([component["component"]] if "component" in component else [])
        found = field_value(nested, custom_id)
        if found:
            return found
    return ""


ANSWERED = "coachbot:answered"


def answered_view(label: str) -> discord.ui.View:
    """The answer chosen, as one greyed-out button in place of a question's buttons."""
    shown = discord.ui.View(timeout=None)
    button: discord.ui.Button[Any] = discord.ui.Button(
        label=f"✓ {label}"[:80], custom_id=ANSWERED, style=discord.ButtonStyle.success, disabled=True
    )
    shown.add_item(button)
    return shown


def view(reply: Reply) -> discord.ui.View | None:
    """The reply's buttons (and the note form's button) as a view with no timeout."""
    laid_out = rows(reply.choices)
    if not laid_out and reply.form is None:
        return None
    view = discord.ui.View(timeout=None)
    for number, row in enumerate(laid_out):
        for label, token in row:
            joins = token.startswith(JOIN_PREFIX)
            code = token.removeprefix(JOIN_PREFIX)
            view.add_item(
                JoinButton(code, label, row=number) if joins else CoreButton(token, label, row=number)
            )
    if reply.form is not None and len(laid_out) < 5:
        view.add_item(NoteButton(reply.form, row=len(laid_out)))
    return view
