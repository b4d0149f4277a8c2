"""An in-process platform for delivery tests: records what was sent and fails when told to.

Failures are scripted per call with platform-neutral errors, the way the real adapters translate HTTP
answers (429 -> RetryAfter, 5xx -> TemporaryFailure, 403 -> Blocked, 400 -> Rejected).
"""

from __future__ import annotations

import asyncio
from collections import Counter
from dataclasses import dataclass, field

from coachbot.delivery.limits import Lane
from coachbot.messages import Reply
from coachbot.ports import Renders


@dataclass
class RecordingPlatform:
    sent: list[Reply] = field(default_factory=list)
    failures: list[BaseException] = field(default_factory=list)  # raised by the next calls, in order
    blocked_chats: set[str] = field(default_factory=set)
    calls: int = 0
    lanes: list[Lane] = field(default_factory=list)
    renders: Renders = field(default_factory=Renders)  # what it shows, as an adapter says (ports.Adapter)
    connected: bool = True  # nothing to connect to

    async def run(self, leading: asyncio.Event) -> None:
        """Nothing to connect to: sends work at once, until cancelled."""
        await asyncio.Event().wait()

    async def send(self, reply: Reply, lane: Lane = Lane.REPLY) -> str:
        self.calls += 1
        self.lanes.append(lane)
        if reply.to.chat_id in self.blocked_chats:
            from coachbot.ports import Blocked

            raise Blocked("403: bot was blocked by the user")
        if self.failures:
            raise self.failures.pop(0)
        self.sent.append(reply)
        return f"m{len(self.sent)}"

    def duplicates(self) -> int:
        counts = Counter((reply.to.chat_id, reply.text) for reply in self.sent)
        return sum(count - 1 for count in counts.values())
