"""The limiter (issue 15): evenly spaced sends with replies first, counted from when they finished, and
chat windows as the platforms count them."""

from __future__ import annotations

import asyncio
import itertools

from coachbot.delivery.limits import Lane, Pacer, PlatformLimits, RateLimiter, SlidingWindow


async def grant_times(
    pacer: Pacer, lanes: list[Lane], took: float = 0.0, held: asyncio.Event | None = None
) -> list[tuple[Lane, float]]:
    """When each send went, in the order they went; each takes `took` seconds (or until `held` is set)."""
    loop = asyncio.get_running_loop()
    granted: list[tuple[Lane, float]] = []

    async def send(lane: Lane) -> None:
        async with pacer.slot(lane):
            granted.append((lane, loop.time()))
            if held is not None:
                await held.wait()
            elif took:
                await asyncio.sleep(took)

    await asyncio.gather(*(send(lane) for lane in lanes))
    return granted


def busiest_second(times: list[float]) -> int:
    return max(sum(1 for at in times[index:] if at - start < 1.0) for index, start in enumerate(times))


async def test_sends_keep_the_pace_and_no_second_holds_more_than_the_rate() -> None:
    """A bucket that starts full would let a second's worth go at once and the next second's right
    after; a pacer that let each late slot push the next one back would fall behind the rate."""
    rate = 50.0
    granted = await grant_times(Pacer(rate), [Lane.BULK] * 80)
    times = [at for _lane, at in granted]
    assert busiest_second(times) <= rate
    assert (len(times) - 1) / (times[-1] - times[0]) >= 0.95 * rate
    gaps = [later - earlier for earlier, later in itertools.pairwise(times)]
    assert sorted(gaps)[len(gaps) // 2] >= 0.9 / rate  # evenly spaced, not in bursts


async def test_a_send_counts_from_when_it_finished() -> None:
    """Sends held up on the way (a busy loop, a slow network) may all arrive together; counting each
    from when its answer came back keeps any second at the platform within the rate all the same."""
    rate = 20.0
    pacer = Pacer(rate)
    held = asyncio.Event()
    loop = asyncio.get_running_loop()
    first = asyncio.create_task(grant_times(pacer, [Lane.BULK] * 20, held=held))
    await asyncio.sleep(1.2)  # twenty sends have started and none has finished
    finished = loop.time()
    held.set()  # ...and now they all arrive at once
    await first
    [(_lane, next_start)] = await grant_times(pacer, [Lane.BULK])
    assert next_start >= finished + 1.0 - 0.01


async def test_a_waiting_reply_goes_before_waiting_prompts() -> None:
    pacer = Pacer(50.0)
    lanes = [Lane.BULK] * 5 + [Lane.REPLY]
    granted = await grant_times(pacer, lanes)
    order = [lane for lane, _at in granted]
    assert order[:2] == [Lane.BULK, Lane.REPLY]  # the first prompt had its slot at once; the reply is next


async def test_a_cancelled_wait_gives_its_turn_to_the_next() -> None:
    pacer = Pacer(20.0)
    await grant_times(pacer, [Lane.BULK])
    waiting = asyncio.create_task(grant_times(pacer, [Lane.BULK]))
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


async def send(limiter: RateLimiter, chat: str) -> None:
    async with limiter.slot("telegram", chat, False):
        pass


async def test_one_chats_wait_does_not_hold_up_another_chat() -> None:
    limiter = RateLimiter({"telegram": PlatformLimits(per_second=1000, per_chat_interval=0.5)})
    loop = asyncio.get_running_loop()
    for _ in range(3):  # chat 1 has used its window
        await send(limiter, "1")
    fourth = asyncio.create_task(send(limiter, "1"))
    start = loop.time()
    await send(limiter, "2")
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
    await send(limiter, "1")
    assert loop.time() - start >= 0.2 - 0.002
    assert not limiter.paused("telegram")
