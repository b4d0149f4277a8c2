"""/start in the private chat: what a group red flag kept for the person first, a waiting confirming
question next; then a club's join code, a programme's share code, a deep link to another command (the
DEEP_LINKS the features export), or the enrolment."""

from __future__ import annotations

from collections.abc import Mapping

from coachbot.core import confirm, flow
from coachbot.core.features import club_join as joining
from coachbot.core.features.club import usable
from coachbot.core.features.club_codes import CLUB_PREFIX, programme_for
from coachbot.core.features.enrol import ENROL
from coachbot.core.turn import Handler, Turn
from coachbot.messages import HELD_PAYLOAD, Reply
from coachbot.store import clubs as club_store
from coachbot.store import held
from coachbot.texts import enrol as enrol_texts


async def start(turn: Turn) -> list[Reply]:
    """/start in the private chat: what was kept for the person comes first, on /start message (the
    group's deep link) or on their very first /start; /start message then stops there."""
    found = turn.command()
    payload = found.args.strip().lower() if found is not None else ""
    kept: list[held.Kept] = []
    first = turn.person is None or turn.person.agreed_at is None  # a referral may have made the person
    if payload == HELD_PAYLOAD or first:
        kept = await held.release(turn.repo, turn.address.platform, turn.address.chat_id, turn.now)
    shown = [turn.say(text, choices) for text, choices in kept]
    if shown and payload == HELD_PAYLOAD:
        return shown
    if turn.conversation is not None and turn.conversation.flow == confirm.FLOW_NAME:
        # a confirming question about a red flag is waiting: it comes before enrolling (A6, A10)
        return shown or await confirm.back_to(turn)
    return [*shown, *await _follow(turn)]


async def _follow(turn: Turn) -> list[Reply]:
    """/start; /start <club join code> or <programme share code>; or a deep link /start <command> from a
    group's "continue privately" button."""
    found = turn.command()
    payload = found.args.strip().lower() if found is not None else ""
    if payload.startswith(CLUB_PREFIX):
        club = await club_store.club_by_code(turn.repo, turn.address.platform, payload)
        if club is not None:
            return await joining.join(turn, club)
    shared = programme_for(turn.programmes, payload) if payload else None
    if shared is not None and turn.enrolment is None and usable(turn, shared.id):
        return await flow.begin(turn, ENROL, {"shared_programme": shared.id})
    deep_links = _deep_links()
    known = payload in (*deep_links, HELD_PAYLOAD) or (shared is not None and usable(turn, shared.id))
    if payload and not known:
        return [unknown_code(turn, found.args.strip() if found is not None else payload)]
    if turn.enrolment is not None:
        follow = deep_links.get(payload)
        if follow is not None:
            return await follow(turn)
        return [turn.say(enrol_texts.ALREADY_ENROLLED.format(title=turn.programme().title))]
    return await flow.begin(turn, ENROL)


def unknown_code(turn: Turn, given: str) -> Reply:
    """A mistyped join or share code: say so and what to do; never begin an enrolment without it."""
    text = enrol_texts.UNKNOWN_CODE.format(code=given[:40])
    if turn.enrolment is None:
        return turn.say(text + enrol_texts.UNKNOWN_CODE_NEW)
    return turn.say(text + enrol_texts.UNKNOWN_CODE_ENROLLED.format(title=turn.programme().title))


def _deep_links() -> Mapping[str, Handler]:
    """The commands a /start payload may open (the registry collects them, and imports this module)."""
    from coachbot.core.registry import DEEP_LINKS

    return DEEP_LINKS


COMMANDS = {"start": start}
