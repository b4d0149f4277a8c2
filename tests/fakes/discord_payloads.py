"""Discord API objects as JSON, the shape the real API sends them in (API v10): users, members, channels,
guilds, messages, READY, and interactions (slash command, button, modal submit, autocomplete).

The fake server and the tests build every payload here, so one place says what Discord sends.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

APPLICATION_ID = 900_000_000_000_000_001
TOKEN = "ODk5.fake-discord-bot-token.for-tests"
EVERYONE_PERMISSIONS = 0x0000_0400 | 0x0000_0800 | 0x8000_0000  # view channel, send messages, use commands
MANAGE_GUILD = 0x20
ADMINISTRATOR = 0x8
EPHEMERAL = 64
ATTACHMENT_LIMIT = 8 * 1024 * 1024

Payload = dict[str, Any]


def timestamp() -> str:
    return datetime.now(UTC).isoformat()


def user(user_id: int, name: str, *, bot: bool = False) -> Payload:
    return {
        "id": str(user_id), "username": name, "global_name": name, "discriminator": "0", "avatar": None,
        "bot": bot, "public_flags": 0, "flags": 0,
    }  # fmt: skip


def member(person: Payload, permissions: int) -> Payload:
    """A guild member as it appears in an interaction: `permissions` are their rights in the channel."""
    return {
        "user": person, "roles": [], "joined_at": timestamp(), "deaf": False, "mute": False, "flags": 0,
        "pending": False, "nick": None, "avatar": None, "permissions": str(permissions),
    }  # fmt: skip


def text_channel(channel_id: int, guild_id: int, name: str) -> Payload:
    return {
        "id": str(channel_id), "type": 0, "guild_id": str(guild_id), "name": name, "position": 0,
        "permission_overwrites": [], "nsfw": False, "parent_id": None, "topic": None,
        "last_message_id": None, "rate_limit_per_user": 0,
    }  # fmt: skip


def dm_channel(channel_id: int, recipient: Payload) -> Payload:
    return {"id": str(channel_id), "type": 1, "recipients": [recipient], "last_message_id": None, "flags": 0}


def guild(
    guild_id: int, name: str, owner_id: int, channels: list[Payload], members: list[Payload]
) -> Payload:
    """GUILD_CREATE's payload (what the gateway sends once READY lists the guild as unavailable)."""
    everyone = {
        "id": str(guild_id), "name": "@everyone", "permissions": str(EVERYONE_PERMISSIONS), "position": 0,
        "color": 0, "hoist": False, "managed": False, "mentionable": False, "flags": 0,
    }  # fmt: skip
    return {
        "id": str(guild_id), "name": name, "icon": None, "owner_id": str(owner_id), "roles": [everyone],
        "channels": channels, "members": members, "member_count": len(members), "features": [], "emojis": [],
        "stickers": [], "threads": [], "voice_states": [], "presences": [], "stage_instances": [],
        "guild_scheduled_events": [], "soundboard_sounds": [], "large": False, "unavailable": False,
        "joined_at": timestamp(), "verification_level": 0, "default_message_notifications": 0,
        "explicit_content_filter": 0, "mfa_level": 0, "premium_tier": 0, "preferred_locale": "en-GB",
        "system_channel_flags": 0, "nsfw_level": 0, "afk_timeout": 300, "description": None,
    }  # fmt: skip


def message(
    message_id: int, channel_id: int, author: Payload, content: str, *,
    components: list[Payload] | None = None, guild_id: int | None = None, flags: int = 0,
    attachments: list[Payload] | None = None, mentions: list[Payload] | None = None,
) -> Payload:  # fmt: skip
    """A message; one a person posts in a server channel carries their partial `member` too."""
    data: Payload = {
        "id": str(message_id), "channel_id": str(channel_id), "author": author, "content": content,
        "timestamp": timestamp(), "edited_timestamp": None, "tts": False, "mention_everyone": False,
        "mentions": mentions or [], "mention_roles": [], "attachments": attachments or [], "embeds": [],
        "pinned": False, "type": 0, "components": components or [], "flags": flags,
    }  # fmt: skip
    if guild_id is not None:
        data["guild_id"] = str(guild_id)
        if not author.get("bot"):
            data["member"] = {k: v for k, v in member(author, 0).items() if k not in ("user", "permissions")}
    return data


def application(owner: Payload) -> Payload:
    """GET /oauth2/applications/@me."""
    return {
        "id": str(APPLICATION_ID), "name": "coachbot", "icon": None, "description": "", "summary": "",
        "bot_public": True, "bot_require_code_grant": False, "owner": owner, "team": None,
        "verify_key": "0" * 64, "flags": 0, "interactions_endpoint_url": None,
    }  # fmt: skip


def ready(me: Payload, guild_ids: list[int], session_id: str, resume_url: str) -> Payload:
    return {
        "v": 10, "user": me, "guilds": [{"id": str(g), "unavailable": True} for g in guild_ids],
        "session_id": session_id, "resume_gateway_url": resume_url, "private_channels": [],
        "relationships": [], "application": {"id": str(APPLICATION_ID), "flags": 0}, "shard": [0, 1],
    }  # fmt: skip


def interaction(
    kind: int, interaction_id: int, token: str, person: Payload, channel: Payload, data: Payload, *,
    guild_id: int | None = None, permissions: int = EVERYONE_PERMISSIONS, source: Payload | None = None,
) -> Payload:  # fmt: skip
    """An INTERACTION_CREATE: in a guild channel it carries `member` (with the member's permissions),
    in a DM it carries `user`; a component or modal interaction carries the message it came from."""
    payload: Payload = {
        "id": str(interaction_id), "application_id": str(APPLICATION_ID), "type": kind, "data": data,
        "token": token, "version": 1, "channel_id": channel["id"], "channel": channel, "locale": "en-GB",
        "app_permissions": str(EVERYONE_PERMISSIONS), "entitlements": [],
        "attachment_size_limit": ATTACHMENT_LIMIT,
    }  # fmt: skip
    if guild_id is not None:
        payload |= {
            "guild_id": str(guild_id), "guild_locale": "en-GB", "member": member(person, permissions),
            "guild": {"id": str(guild_id), "locale": "en-GB", "features": []},
            "authorizing_integration_owners": {"0": str(guild_id)}, "context": 0,
        }  # fmt: skip
    else:
        payload |= {"user": person, "authorizing_integration_owners": {"0": "0"}, "context": 1}
    if source is not None:
        payload["message"] = source
    return payload


def slash_data(command_id: str, name: str, options: Payload, *, guild_id: int | None = None) -> Payload:
    """A chat-input command with its options (strings type 3, integers type 4, booleans type 5)."""
    typed = [{"name": key, "type": _option_type(value), "value": value} for key, value in options.items()]
    data: Payload = {"id": command_id, "name": name, "type": 1, "options": typed}
    if guild_id is not None:
        data["guild_id"] = str(guild_id)
    return data


def _option_type(value: object) -> int:
    if isinstance(value, bool):
        return 5
    return 4 if isinstance(value, int) else 3


def autocomplete_data(command_id: str, name: str, option: str, typed: str) -> Payload:
    return {
        "id": command_id, "name": name, "type": 1,
        "options": [{"name": option, "type": 3, "value": typed, "focused": True}],
    }  # fmt: skip


def attachment(attachment_id: int, filename: str, size: int, url: str) -> Payload:
    """A resolved attachment of a slash command's file option."""
    return {
        "id": str(attachment_id), "filename": filename, "size": size, "url": url, "proxy_url": url,
        "content_type": "application/yaml", "ephemeral": True,
    }  # fmt: skip


def button_data(custom_id: str) -> Payload:
    return {"custom_id": custom_id, "component_type": 2}


def modal_data(custom_id: str, values: dict[str, str]) -> Payload:
    """A modal submit as Discord sends it: each text input inside an action row."""
    rows = [
        {"type": 1, "components": [{"type": 4, "custom_id": key, "value": value}]}
        for key, value in values.items()
    ]
    return {"custom_id": custom_id, "components": rows}
