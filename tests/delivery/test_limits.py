"""The limiter (issue 15): evenly spaced sends with replies first, chat windows as the platforms count them."""

from __future__ import annotations

import asyncio
import itertools

from coachbot.delivery.limits import Lane, Pacer, PlatformLimits, RateLimiter, SlidingWindow


async def grant_times(pacer: Pacer, lanes: list[Lane]) -> list[tuple[Lane, float]]:
    loop = asyncio.get_running_loop()
    granted: list[tuple[Lane, float]] = []

    async def take(lane: Lane) -> None:
        await pacer.acquire(lane)
        granted.append((lane, loop.time()))

    await asyncio.gather(*(take(lane) for lane in lanes))
    return granted


async def test_sends_keep_the_pace_and_no_second_holds_more_than_the_rate() -> None:
    """A bucket that starts full would let a second's worth go at once and the next second's right
    after; a pacer that let each late slot push the next one back would fall behind the rate."""
    rate = 50.0
    granted = await grant_times(Pacer(rate), [Lane.BULK] * 80)
    times = [at for _lane, at in granted]
    for index, start in enumerate(times):
        assert sum(1 for at in times[index:] if at - start < 1.0) <= rate
    assert (len(times) - 1) / (times[-1] - times[0]) >= 0.95 * rate
    gaps = [later - earlier for earlier, later in itertools.pairwise(times)]
    assert sorted(gaps)[len(gaps) // 2] >= 0.9 / rate  # evenly spaced, not in bursts


async def test_a_waiting_reply_goes_before_waiting_prompts() -> None:
    pacer = Pacer(50.0)
    lanes = [Lane.BULK] * 5 + [Lane.REPLY]
    granted = await grant_times(pacer, lanes)
    order = [lane for lane, _at in granted]
    assert order[:2] == [Lane.BULK, Lane.REPLY]  # the first prompt had its slot at once; the reply is next


async def test_a_cancelled_wait_gives_its_turn_to_the_next() -> None:
    pacer = Pacer(20.0)
    await pacer.acquire(Lane.BULK)
    waiting = asyncio.create_task(pacer.acquire(Lane.BULK))
    await asyncio.sleep(0)  # let it queue
    waiting.cancel()
    granted = await grant_times(pacer, [Lane.REPLY])
    assert [lane for lane, _ in granted] == [Lane.REPLY]


async def test_a_chat_window_holds_at_most_its_count() -> None:
    window = SlidingWindow(3, 0.3)
    loop = asyncio.get_running_loop()
    times = []
    for _ in range(7):
        async with window.turn():
            times.append(loop.time())
    for index in range(3, 7):
        assert times[index] - times[index - 3] >= 0.3 - 0.002


async def test_one_chats_wait_does_not_hold_up_another_chat() -> None:
    limiter = RateLimiter({"telegram": PlatformLimits(per_second=1000, per_chat_interval=0.5)})
    loop = asyncio.get_running_loop()
    for _ in range(3):  # chat 1 has used its window
        await limiter.acquire("telegram", "1", False)
    fourth = asyncio.create_task(limiter.acquire("telegram", "1", False))
    start = loop.time()
    await limiter.acquire("telegram", "2", False)
    assert loop.time() - start < 0.1
    assert not fourth.done()
    await fourth
    assert loop.time() - start >= 1.0  # 3 in any 3 × 0.5 s


async def test_a_pause_holds_every_send_until_it_ends() -> None:
    limiter = RateLimiter({"telegram": PlatformLimits(per_second=1000)})
    loop = asyncio.get_running_loop()
    limiter.pause("telegram", 0.2)
    assert limiter.paused("telegram")
    start = loop.time()
    await limiter.acquire("telegram", "1", False, Lane.REPLY)
    assert loop.time() - start >= 0.2 - 0.002
    assert not limiter.paused("telegram")
