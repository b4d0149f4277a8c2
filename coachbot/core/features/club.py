"""/club in a group chat, for its admins: start a club programme, change its settings, pause, resume, stop.

Settings are typed after the command ("/club start calf-strength-12w time 18:30 zone Europe/London"), the
same way on every platform (Discord fills them from slash-command options). Admin rights come from the
platform (Command.admin); a refused or wrong command changes nothing and says what was expected.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from coachbot.core import tokens
from coachbot.core.features import club_uploads as uploads
from coachbot.core.features.club_codes import new_join_code, programme_for, share_code
from coachbot.core.features.club_uploads import say_to_group
from coachbot.core.question import Invalid
from coachbot.core.schedule_answers import one_day, read_days, read_pairs, read_time, read_zone
from coachbot.core.turn import Turn
from coachbot.messages import Reply
from coachbot.programme.schema import Programme
from coachbot.reporting.present import days as describe_days
from coachbot.schedule import club_times
from coachbot.store import clubs as store
from coachbot.store import schedules
from coachbot.store.club_tables import Club
from coachbot.texts import clubs as texts
from coachbot.texts import common

DEFAULTS = {"time": "18:00", "zone": "UTC", "days": "mon,tue,wed,thu,fri,sat,sun", "digest": "sun"}


def _read_leaderboard(text: str) -> bool:
    answer = text.strip().lower()
    if answer in ("on", "yes", "true", "show"):
        return True
    if answer in ("off", "no", "false", "hide"):
        return False
    raise Invalid(texts.LEADERBOARD_EXPECTED)


SETTINGS: dict[str, Callable[[str], Any]] = {
    "time": read_time,
    "zone": read_zone,
    "days": read_days,
    "digest": one_day(texts.DIGEST_EXPECTED),
    "leaderboard": _read_leaderboard,
}


async def handle(turn: Turn) -> list[Reply]:
    """The /club command: admins only, in a group only."""
    found = turn.command()
    if not turn.in_group:
        return [turn.say(common.CLUB_IN_GROUP)]
    if found is None or not found.admin:
        return [turn.say(common.ADMIN_ONLY, private=False)]
    action, _, rest = found.args.strip().partition(" ")
    sender = turn.address
    club = await store.club_in_chat(turn.repo, sender.platform, sender.chat_id)
    action = action.lower()
    if action == "start":
        return await _start(turn, club, rest)
    if action == "upload":
        return await uploads.upload(turn)
    if action == "share":
        return await uploads.share(turn, rest)
    if club is None:
        return [say_to_group(turn, texts.NO_CLUB.format(usage=_usage(turn)))]
    if action == "settings" and rest.strip():
        return await _change(turn, club, rest)
    if action in ("pause", "resume", "stop"):
        return await _set_status(turn, club, action)
    return [say_to_group(turn, _summary(turn, club) + "\n" + _usage(turn))]


async def _start(turn: Turn, club: Club | None, args: str) -> list[Reply]:
    if club is not None:
        return [say_to_group(turn, texts.ALREADY.format(title=_programme(turn, club).title))]
    name, _, rest = args.strip().partition(" ")
    programme = programme_for(turn.programmes, name) if name else None
    if programme is not None and not usable(turn, programme.id):
        programme = None  # another group's programme, not shared
    if programme is None:
        given = texts.UNKNOWN_PROGRAMME.format(given=name, programmes=_names(turn)) if name else None
        return [say_to_group(turn, given or common.EXPECTED_PREFIX.format(expected=texts.START_EXPECTED))]
    try:
        settings = {key: SETTINGS[key](value) for key, value in DEFAULTS.items()}
        settings |= read_pairs(rest, SETTINGS, texts.START_EXPECTED) if rest.strip() else {}
    except Invalid as problem:
        return [say_to_group(turn, common.EXPECTED_PREFIX.format(expected=str(problem)))]
    sender = turn.address
    club = Club(
        platform=sender.platform, chat_id=sender.chat_id, programme_id=programme.id, join_code=new_join_code(),
        post_time=settings["time"], tz=settings["zone"], days=settings["days"], digest_day=settings["digest"],
        leaderboard=bool(settings.get("leaderboard", False)), status="active", admin_user_id=sender.user_id,
        created_at=turn.now, updated_at=turn.now,
    )  # fmt: skip
    await store.add_club(turn.repo, club)
    await schedules.reschedule_club(turn.repo, club, programme, turn.now)
    started = texts.STARTED.format(**_fields(club, programme)) + _no_posts(club, programme)
    return [join_message(turn, club, programme, started)]


def join_message(turn: Turn, club: Club, programme: Programme, text: str) -> Reply:
    """A message for the whole group with the Join button; the first one is pinned where allowed."""
    invite = texts.JOIN_INVITE.format(title=programme.title)
    return Reply(
        turn.address,
        f"{text}\n{invite}",
        (((texts.JOIN, tokens.make(tokens.JOIN, club.join_code)),),),
        broadcast=True,
        pin=True,
    )


async def _change(turn: Turn, club: Club, args: str) -> list[Reply]:
    try:
        given = read_pairs(args, SETTINGS, texts.SETTINGS_EXPECTED)
    except Invalid as problem:
        return [say_to_group(turn, common.EXPECTED_PREFIX.format(expected=str(problem)))]
    fields = {
        "time": "post_time",
        "zone": "tz",
        "days": "days",
        "digest": "digest_day",
        "leaderboard": "leaderboard",
    }
    for key, value in given.items():
        setattr(club, fields[key], value)
    club.updated_at = turn.now
    await schedules.reschedule_club(turn.repo, club, _programme(turn, club), turn.now)
    return [say_to_group(turn, _summary(turn, club))]


async def _set_status(turn: Turn, club: Club, action: str) -> list[Reply]:
    club.status = {"pause": "paused", "resume": "active", "stop": "stopped"}[action]
    club.updated_at = turn.now
    await schedules.reschedule_club(turn.repo, club, _programme(turn, club), turn.now)
    if action == "stop":
        await store.leave(turn.repo, club.id, turn.now)
    text = {"pause": texts.PAUSED, "resume": texts.RESUMED, "stop": texts.STOPPED}[action]
    return [Reply(turn.address, text, broadcast=True)]


async def stop_removed(turn: Turn) -> None:
    """The bot was removed from the group: its club stops, members keep their own plans."""
    club = await store.club_in_chat(turn.repo, turn.address.platform, turn.address.chat_id)
    if club is not None:
        club.status, club.updated_at = "stopped", turn.now
        await schedules.reschedule_club(turn.repo, club, _programme(turn, club), turn.now)
        await store.leave(turn.repo, club.id, turn.now)


def usable(turn: Turn, programme_id: str) -> bool:
    return turn.programmes.usable_by(programme_id, turn.address.platform, turn.address.chat_id)


def _programme(turn: Turn, club: Club) -> Programme:
    return turn.programmes[club.programme_id]


def _names(turn: Turn) -> str:
    return ", ".join(f"{p.id} ({share_code(p.id)})" for p in turn.programmes.values())


def _usage(turn: Turn) -> str:
    return texts.USAGE.format(programmes=_names(turn))


def _fields(club: Club, programme: Programme) -> dict[str, str]:
    return {
        "title": programme.title, "time": club.post_time, "zone": club.tz,
        "days": describe_days(",".join(club_times.post_days(club, programme))) or describe_days(club.days),
        "digest": club.digest_day.capitalize(), "leaderboard": texts.ON if club.leaderboard else texts.OFF,
        "code": club.join_code, "state": texts.STATE_LABELS.get(club.status, club.status),
    }  # fmt: skip


def _summary(turn: Turn, club: Club) -> str:
    programme = _programme(turn, club)
    return texts.SUMMARY.format(**_fields(club, programme)) + _no_posts(club, programme)


def _no_posts(club: Club, programme: Programme) -> str:
    """Say so when the club's days miss every session day of the programme: no post would ever come."""
    if club_times.post_days(club, programme):
        return ""
    sessions = ",".join(day for day in programme.phases[0].week)
    return "\n" + texts.NO_POST_DAYS.format(days=describe_days(sessions))


COMMANDS = {"club": handle}
