"""Rendering the neutral markup for Telegram: HTML parse mode with escaping, 4096-character messages split at
line boundaries, and inline keyboards from reply choices."""

from __future__ import annotations

import html
import re

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from coachbot.messages import Button

MAX_MESSAGE = 4096
_BOLD = re.compile(r"\*\*(.+?)\*\*")


def to_html(text: str) -> str:
    """Escape everything, then turn **bold** into <b>bold</b>; "- " list lines become bullets."""
    escaped = html.escape(text, quote=False)
    escaped = _BOLD.sub(r"<b>\1</b>", escaped)
    return re.sub(r"(?m)^(\s*)- ", r"\1• ", escaped)


def split(text: str, limit: int = MAX_MESSAGE) -> list[str]:
    """Pieces of at most `limit` characters, cut at line ends (a single over-long line is cut hard).

    Bold never spans lines in our markup, so cutting at a line end never breaks a tag.
    """
    pieces: list[str] = []
    current = ""
    for line in text.split("\n"):
        while len(line) > limit:
            if current:
                pieces.append(current)
                current = ""
            pieces.append(line[:limit])
            line = line[limit:]
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > limit:
            pieces.append(current)
            current = line
        else:
            current = candidate
    if current or not pieces:
        pieces.append(current)
    return pieces


def keyboard(
    choices: tuple[tuple[Button, ...], ...], link: tuple[str, str] | None = None
) -> InlineKeyboardMarkup | None:
    """Inline keyboard rows of callback buttons, plus an optional URL button (label, url) on its own row."""
    rows = [[InlineKeyboardButton(label, callback_data=token) for label, token in row] for row in choices]
    if link is not None:
        rows.append([InlineKeyboardButton(link[0], url=link[1])])
    return InlineKeyboardMarkup(rows) if rows else None
