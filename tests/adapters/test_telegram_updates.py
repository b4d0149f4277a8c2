"""The update processor on its own, with real python-telegram-bot Update objects: how many run at once,
and a chat that floods the bot cannot take every running place."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from telegram import Chat, Message, Update, User

from coachbot.adapters.telegram.updates import ChatOrderedProcessor, update_keys

SENT = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def text_update(update_id: int, chat_id: int, user_id: int) -> Update:
    kind = Chat.PRIVATE if chat_id == user_id else Chat.SUPERGROUP
    person = User(user_id, "Ana", is_bot=False)
    return Update(
        update_id, message=Message(update_id, SENT, Chat(chat_id, kind), from_user=person, text="hi")
    )


def test_an_update_keeps_its_order_with_its_chat_and_its_person() -> None:
    assert update_keys(text_update(1, -100, 7)) == (("chat", -100), ("user", 7))
    assert update_keys(object()) == ()


async def test_at_most_running_updates_run_and_a_flooding_chat_leaves_room_for_others() -> None:
    processor = ChatOrderedProcessor(running=2, admitted=64)
    release = asyncio.Event()
    running: set[int] = set()
    peak = 0
    done: list[int] = []
    other_ran = asyncio.Event()

    async def handle(update: Update) -> None:
        nonlocal peak
        running.add(update.update_id)
        peak = max(peak, len(running))
        assert update.effective_chat is not None
        if update.effective_chat.id == 1:
            await release.wait()
        else:
            other_ran.set()
        running.discard(update.update_id)
        done.append(update.update_id)

    async with processor:
        flood = [text_update(n, 1, 1) for n in range(1, 21)]  # twenty from one chat, the first one stuck
        other = text_update(99, 2, 2)
        tasks = [asyncio.create_task(processor.process_update(u, handle(u))) for u in [*flood, other]]
        async with asyncio.timeout(5):
            await other_ran.wait()  # the stuck chat's queue does not hold the other chat up
        release.set()
        await asyncio.gather(*tasks)
    assert done == [99, *range(1, 21)]
    assert peak <= 2
    assert len(processor.turns) == 0


async def test_no_more_than_the_running_limit_are_handled_at_once() -> None:
    processor = ChatOrderedProcessor(running=2, admitted=64)
    release, two_running = asyncio.Event(), asyncio.Event()
    running: set[int] = set()
    peak = 0

    async def handle(update: Update) -> None:
        nonlocal peak
        running.add(update.update_id)
        peak = max(peak, len(running))
        if len(running) == 2:
            two_running.set()
        await release.wait()
        running.discard(update.update_id)

    async with processor:
        updates = [text_update(n, n, n) for n in range(1, 6)]  # five chats
        tasks = [asyncio.create_task(processor.process_update(u, handle(u))) for u in updates]
        async with asyncio.timeout(5):
            await two_running.wait()
        assert running == {1, 2}  # the other three wait for a place
        release.set()
        await asyncio.gather(*tasks)
    assert peak == 2
    assert not running
