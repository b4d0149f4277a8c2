"""/club upload and /club share: a group's own programme, validated like the shipped ones and never looser.

The YAML arrives as a command's attachment (Telegram: a document captioned /club upload; Discord: the
/club command's file option). It goes through the same loader, with its size limit and safe loading, and
the problems (file, line, field) go back to the group. It is stored with its author and version, usable by
that group only, until an admin shares it.
"""

from __future__ import annotations

from pathlib import PurePath

from coachbot.core.features.club_codes import share_code
from coachbot.core.turn import Turn
from coachbot.messages import MAX_ATTACHMENT_BYTES, Reply
from coachbot.programme.catalogue import Owner
from coachbot.programme.loader import ProgrammeError, load_upload
from coachbot.store import programmes as store
from coachbot.store.club_tables import CustomProgramme
from coachbot.texts import clubs as texts

SHOWN_PROBLEMS = 10


async def upload(turn: Turn) -> list[Reply]:
    found = turn.command()
    attachment = found.attachment if found is not None else None
    if attachment is None:
        return [say_to_group(turn, texts.UPLOAD_MISSING)]
    if attachment.size > MAX_ATTACHMENT_BYTES or len(attachment.data) > MAX_ATTACHMENT_BYTES:
        return [say_to_group(turn, texts.UPLOAD_TOO_LARGE.format(size=attachment.size // 1024))]
    try:
        text = attachment.data.decode("utf-8")
    except UnicodeDecodeError:
        return [say_to_group(turn, texts.UPLOAD_NOT_TEXT)]
    name = PurePath(attachment.filename).name[:64] or "programme.yaml"
    catalogue = turn.programmes
    try:
        programme = load_upload(text, name, catalogue.shipped)
    except ProgrammeError as error:
        return [say_to_group(turn, _problems(error))]
    sender = turn.address
    stored = await store.versions(turn.repo, programme.id)
    if any((row.platform, row.chat_id) != (sender.platform, sender.chat_id) for row in stored):
        return [say_to_group(turn, texts.UPLOAD_ID_TAKEN.format(id=programme.id))]
    if any(row.version >= programme.version for row in stored):
        return [say_to_group(turn, texts.UPLOAD_VERSION.format(version=programme.version, id=programme.id))]
    shared = any(row.shared for row in stored)
    await store.add(
        turn.repo,
        CustomProgramme(
            programme_id=programme.id,
            version=programme.version,
            platform=sender.platform,
            chat_id=sender.chat_id,
            author_user_id=sender.user_id,
            source=text,
            shared=shared,
            created_at=turn.now,
        ),
    )
    catalogue.add(programme, Owner(sender.platform, sender.chat_id, shared))
    return [
        say_to_group(
            turn, texts.UPLOAD_SAVED.format(title=programme.title, id=programme.id, version=programme.version)
        )
    ]


async def share(turn: Turn, programme_id: str) -> list[Reply]:
    """Let anyone use the group's uploaded programme through its share code."""
    sender, wanted = turn.address, programme_id.strip().lower()
    rows = await store.of_group(turn.repo, wanted, sender.platform, sender.chat_id)
    catalogue = turn.programmes
    if not rows or wanted not in catalogue:
        return [say_to_group(turn, texts.SHARE_UNKNOWN.format(id=wanted))]
    for row in rows:
        row.shared = True
    catalogue.owners[wanted] = Owner(sender.platform, sender.chat_id, True)
    return [say_to_group(turn, texts.SHARED.format(title=catalogue[wanted].title, code=share_code(wanted)))]


def _problems(error: ProgrammeError) -> str:
    lines = [f"- {problem}" for problem in error.problems[:SHOWN_PROBLEMS]]
    if len(error.problems) > SHOWN_PROBLEMS:
        lines.append(texts.UPLOAD_MORE.format(count=len(error.problems) - SHOWN_PROBLEMS))
    return texts.UPLOAD_PROBLEMS.format(problems="\n".join(lines))


def say_to_group(turn: Turn, text: str) -> Reply:
    """What a /club command answers: said in the group, for everyone there."""
    return turn.say(text, private=False)
