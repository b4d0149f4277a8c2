"""Rendering the neutral markup for Telegram: HTML parse mode with escaping, mentions as inline user links,
4096-character messages split at line boundaries, and inline keyboards from reply choices."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, KeyboardButton, ReplyKeyboardMarkup

from coachbot.adapters.markup import split as split_at
from coachbot.messages import JOIN_PREFIX, MENTION, Button
from coachbot.texts import groups

MAX_MESSAGE = 4096
_BOLD = re.compile(r"\*\*(.+?)\*\*")


def to_html(text: str, names: Mapping[str, str] | None = None) -> str:
    """Escape everything, then turn **bold** into <b>bold</b>; "- " list lines become bullets; a mention
    @[user id] becomes a link to the person labelled with their first name from `names`."""
    escaped = html.escape(text, quote=False)
    escaped = _BOLD.sub(r"<b>\1</b>", escaped)
    escaped = MENTION.sub(lambda found: _mention(found.group(1), names or {}), escaped)
    return re.sub(r"(?m)^(\s*)- ", r"\1• ", escaped)


def _mention(user_id: str, names: Mapping[str, str]) -> str:
    label = html.escape(names.get(user_id, groups.SOMEONE), quote=False)
    return f'<a href="tg://user?id={user_id}">{label}</a>'  # Telegram's inline mention of a user


def split(text: str, limit: int = MAX_MESSAGE) -> list[str]:
    """Pieces of at most Telegram's 4,096 characters, cut at line ends."""
    return split_at(text, limit)


def keyboard(
    choices: tuple[tuple[Button, ...], ...],
    link: tuple[str, str] | None = None,
    deep_link: Callable[[str], str | None] = lambda _code: None,
) -> InlineKeyboardMarkup | None:
    """Inline keyboard rows of callback buttons, plus an optional URL button (label, url) on its own row.
    A Join button (JOIN_PREFIX token) becomes a URL button: `deep_link(code)`, a t.me start link."""
    rows = [[_button(label, token, deep_link) for label, token in row] for row in choices]
    if link is not None:
        rows.append([InlineKeyboardButton(link[0], url=link[1])])
    return InlineKeyboardMarkup(rows) if rows else None


def location_keyboard(label: str) -> ReplyKeyboardMarkup:
    """One button under the text field that shares the person's location (private chats only); it goes
    away once used."""
    button = KeyboardButton(label, request_location=True)
    return ReplyKeyboardMarkup([[button]], resize_keyboard=True, one_time_keyboard=True)


def answered(text_html: str, label: str) -> str:
    """A question's text with the answer chosen under it, in place of its keyboard."""
    return f"{text_html}\n\n✓ <i>{html.escape(label, quote=False)}</i>"


def pressed_label(markup: InlineKeyboardMarkup | None, token: str) -> str | None:
    """The label of the button that carries `token`."""
    for row in markup.inline_keyboard if markup is not None else ():
        for button in row:
            if button.callback_data == token:
                return button.text
    return None


def _button(label: str, token: str, deep_link: Callable[[str], str | None]) -> InlineKeyboardButton:
    if token.startswith(JOIN_PREFIX):
        url = deep_link(token.removeprefix(JOIN_PREFIX))
        if url is not None:
            return InlineKeyboardButton(label, url=url)
    return InlineKeyboardButton(label, callback_data=token)
