"""The delivery benchmark's fake Bot API (benchmarks/delivery): its limits count as Telegram's do, a breach
penalises, faults are injected as asked, and the real python-telegram-bot can talk to it."""

from __future__ import annotations

import aiohttp
import pytest
from telegram import Bot
from telegram.error import RetryAfter

from benchmarks.delivery.fake_bot_api import FakeBotApi, application
from benchmarks.delivery.limits import Limits
from benchmarks.delivery.measure import result, steady_rate
from tests.fakes.loopback import serve

TOKEN = "42:bench"


def test_the_bot_wide_window_slides_and_a_breach_penalises_every_send() -> None:
    limits = Limits(rate=3, penalty=5)
    for chat, at in ((1, 0.0), (2, 0.1), (3, 0.2)):
        assert limits.check(chat, at) is None
        limits.record(chat, at)
    assert limits.check(4, 0.5) == 5  # a fourth within the second: 429 for the penalty
    assert limits.check(5, 3.0) == 3  # still penalised, though the window has room again
    assert (limits.breaches, limits.while_penalised, limits.breached["bot"]) == (1, 1, 1)
    assert limits.check(5, 5.6) is None


def test_a_private_chat_takes_three_in_three_seconds_and_a_group_twenty_a_minute() -> None:
    limits = Limits(rate=1000)
    for at in (0.0, 0.5, 1.0):
        limits.record(7, at)
    assert limits.check(7, 2.0) == 1  # the oldest leaves the window at 3.0
    assert limits.check(8, 2.0) is None  # other chats are not held up
    for index in range(20):
        limits.record(-100, index)
    assert limits.check(-100, 30.0) == 30
    assert limits.breached == {"bot": 0, "chat": 1, "group": 1}


def test_paid_broadcasts_have_their_own_higher_limit() -> None:
    limits = Limits(rate=2, paid_rate=4)
    for chat in (1, 2):
        limits.record(chat, 0.0)
    assert limits.check(3, 0.1) is not None
    limits = Limits(rate=2, paid_rate=4)
    for chat in (1, 2, 3):
        assert limits.check(chat, 0.0, paid=True) is None
        limits.record(chat, 0.0, paid=True)


def test_the_steady_rate_leaves_out_the_ramp_and_the_tail() -> None:
    times = [index / 10 for index in range(100)] + [100.0]  # 10/s, then one straggler
    rate = steady_rate(times)
    assert rate is not None
    assert rate == pytest.approx(10, rel=0.05)
    assert steady_rate([0.001 * index for index in range(30)]) == 24  # a burst counts over a whole second


def test_a_result_counts_lost_and_duplicate_prompts() -> None:
    messages = [(1_000_000, "a", 1.0, 101.0), (1_000_000, "a", 2.0, 102.0), (1_000_002, "b", 3.0, 103.0)]
    row = result("bot", 3, 30, 100.0, messages, {"latencies": [0.01, 0.03]})
    assert (row["delivered"], row["lost"], row["duplicates"]) == (2, 1, 1)
    assert (row["first_late_s"], row["last_late_s"]) == (1.0, 3.0)
    assert row["replies"] == 2


async def test_python_telegram_bot_sends_through_it_until_the_limit_and_a_lost_answer_is_still_delivered() -> (
    None
):
    api = FakeBotApi(TOKEN, Limits(rate=2, penalty=1), (0.0, 0.0, 0.0), seed=1, fanout_below=9_000_000)
    runner, url = await serve(application(api))
    try:
        async with Bot(TOKEN, base_url=f"{url}/bot") as bot:
            await bot.send_message(1_000_001, "one")
            await bot.send_message(1_000_002, "two")
            with pytest.raises(RetryAfter):
                await bot.send_message(1_000_003, "three")
            api.lost = 1.0  # every answer from now on is lost: delivered, but answered 504
            api.limits = Limits(rate=100)
            with pytest.raises(Exception, match="Gateway"):
                await bot.send_message(1_000_004, "four")
        async with aiohttp.ClientSession() as session, session.get(url + "/stats") as response:
            stats = await response.json()
        assert (stats["delivered"], stats["fanout_distinct"], stats["lost_answers"]) == (3, 3, 1)
    finally:
        await runner.cleanup()
