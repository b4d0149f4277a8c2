"""Small wrappers around discord.py calls for the adapter: acknowledging an interaction, posting a reply,
an ephemeral follow-up, pinning, fetching an attached file, and translating discord.py's HTTP errors into
the delivery errors the outbox sender understands."""

from __future__ import annotations

import io
import logging
from collections.abc import Awaitable, Callable
from typing import Any

import aiohttp
import discord

from coachbot import ports as errors
from coachbot.adapters.discord.components import answered_view, view
from coachbot.adapters.discord.format import split, to_markdown
from coachbot.messages import MAX_ATTACHMENT_BYTES, Attachment, Reply

log = logging.getLogger(__name__)

_MENTIONS = discord.AllowedMentions(everyone=False, roles=False, users=True, replied_user=False)


async def say_privately(interaction: discord.Interaction, text: str) -> None:
    """An ephemeral follow-up, when Discord still takes one (a broken connection may not)."""
    try:
        await interaction.followup.send(text, ephemeral=True)
    except (discord.HTTPException, aiohttp.ClientError, OSError) as error:
        log.warning("discord follow-up failed: %s", type(error).__name__)


async def fetch(file: discord.Attachment) -> Attachment:
    """A command's file, downloaded when it is small enough (larger ones reach the core without data)."""
    if file.size > MAX_ATTACHMENT_BYTES:
        return Attachment(file.filename, file.size)
    try:
        return Attachment(file.filename, file.size, (await file.read())[: MAX_ATTACHMENT_BYTES + 1])
    except discord.HTTPException as error:
        log.warning("could not download a file: %s", error.status)
        return Attachment(file.filename, file.size)


async def pin(message: discord.Message) -> None:
    """Pin a club's join message where the bot may (Manage Messages); without the right it still stands."""
    try:
        await message.pin()
    except discord.HTTPException as error:
        log.info("could not pin in %s: %s", message.channel.id, error.status)


async def acknowledge(interaction: discord.Interaction, **defer: bool) -> bool:
    """Acknowledge at once (the answer follows as follow-ups). False when Discord no longer takes it: an
    event replayed after a reconnect (acknowledged already) or one that arrived too late to answer; the
    person's action is then not handled at all, rather than handled with no way to reply."""
    try:
        await interaction.response.defer(**defer)
    except (discord.HTTPException, discord.InteractionResponded) as error:
        log.info("discord interaction %s not acknowledged: %s", interaction.id, type(error).__name__)
        return False
    return True


async def settle(interaction: discord.Interaction, token: str, *, show_answer: bool) -> None:
    """After a click on a message only the person sees (a DM, or an ephemeral message in a server), its
    buttons give way to one greyed-out button showing the answer, so it can't be clicked twice; an older
    message's buttons just go (the core says it is old). Server messages keep their buttons: they are
    for everyone."""
    message = interaction.message
    if message is None or (interaction.guild_id is not None and not message.flags.ephemeral):
        return
    labels = [
        getattr(item, "label", None)
        for row in message.components
        for item in getattr(row, "children", ())
        if getattr(item, "custom_id", None) == token
    ]
    label = labels[0] if labels and show_answer else None
    try:  # the component's message is the original response of a deferred update
        await interaction.edit_original_response(view=answered_view(label) if label else None)
    except (discord.HTTPException, aiohttp.ClientError, OSError) as error:
        log.info("could not settle a message's buttons: %s", type(error).__name__)


def translate(error: discord.HTTPException) -> errors.DeliveryError:
    """403 (50007: DMs closed or the bot blocked) and 404 (unknown user or channel) are not retried;
    discord.py has already waited out short 429s and retried 5xx."""
    detail = f"{error.status} {error.code}: {error.text[:100]}"
    if error.status in (403, 404):
        return errors.Blocked(detail)
    if error.status == 429:
        retry_after = error.response.headers.get("Retry-After", "5")
        return errors.RetryAfter(float(retry_after), detail)
    if error.status >= 500:
        return errors.TemporaryFailure(detail)
    return errors.Rejected(detail)


async def post(send: Callable[..., Awaitable[discord.Message]], reply: Reply) -> discord.Message:
    """Send a reply through `send` (a channel's or a follow-up's): long text in pieces, the buttons, image
    and file with the last one."""
    pieces = split(to_markdown(reply.text))
    message: discord.Message | None = None
    for index, piece in enumerate(pieces):
        kwargs: dict[str, Any] = {"content": piece, "allowed_mentions": _MENTIONS}
        if index == len(pieces) - 1:
            buttons = view(reply)
            if buttons is not None:
                kwargs["view"] = buttons
            files = (
                [discord.File(io.BytesIO(reply.image), filename="chart.png", description=reply.text[:1024])]
                if reply.image  # the caption doubles as the image's alt text
                else []
            )
            if reply.file is not None:
                files.append(discord.File(io.BytesIO(reply.file.data), filename=reply.file.filename))
            if files:
                kwargs["files"] = files
        message = await send(**kwargs)
    assert message is not None
    return message
