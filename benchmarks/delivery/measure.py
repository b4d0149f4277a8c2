"""From what the fake Bot API recorded to one result row: delivered, ÷ limit, lost, duplicates, 429s,
lateness, reply latencies (the driver adds peak RSS and the scenario's own columns)."""

from __future__ import annotations

import statistics
from collections import Counter
from typing import Any

from benchmarks.delivery.seed import FANOUT_BASE, INTERACTIVE_BASE

Message = tuple[int, str, float, float]  # chat id, text prefix, monotonic, wall time


def steady_rate(times: list[float]) -> float | None:
    """Messages a second between the 10th and the 90th percentile of the fan-out's deliveries (over at
    least a second: a burst of 30 in 50 ms is 30 in that second, not 600 a second)."""
    if len(times) < 20:
        return None
    times = sorted(times)
    low, high = len(times) // 10, len(times) * 9 // 10
    return (high - low) / max(times[high] - times[low], 1.0)


def sending_rate(fanout: list[float], everything: list[float]) -> float | None:
    """Every message the bot delivered a second (prompts and the interactive replies, which share the one
    budget) over the same span as `steady_rate` of the fan-out."""
    if len(fanout) < 20:
        return None
    fanout = sorted(fanout)
    start, end = fanout[len(fanout) // 10], fanout[len(fanout) * 9 // 10]
    return sum(1 for at in everything if start <= at <= end) / max(end - start, 1.0)


def percentile(values: list[float], share: float) -> float | None:
    if not values:
        return None
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[round(share * 100) - 1]


def result(
    bot: str, people: int, limit: float, due_wall: float, messages: list[Message], stats: dict[str, Any]
) -> dict[str, Any]:
    fanout = [m for m in messages if FANOUT_BASE <= m[0] < FANOUT_BASE + people]
    per_chat = Counter(m[0] for m in fanout)
    first: dict[int, float] = {}
    for chat, _text, _mono, wall in fanout:
        first.setdefault(chat, wall)
    rate = steady_rate([m[2] for m in fanout])
    sending = sending_rate([m[2] for m in fanout], [m[2] for m in messages])
    latencies = [1000 * value for value in stats.get("latencies", [])]
    p50, p99 = percentile(latencies, 0.50), percentile(latencies, 0.99)
    return {
        "bot": bot,
        "people": people,
        "limit": limit,
        "delivered": len(per_chat),
        "rate": round(rate, 2) if rate else None,
        "ratio": round(rate / limit, 3) if rate else None,
        "all_rate": round(sending, 2) if sending else None,
        "lost": people - len(per_chat),
        "duplicates": sum(count - 1 for count in per_chat.values()),
        "429": stats.get("breaches_429", 0),
        "429_penalised": stats.get("429_while_penalised", 0),
        "429_by_limit": stats.get("breached", {}),
        "injected": "{}/{}/{} ({} of prompts)".format(
            *(
                stats.get(key, 0)
                for key in ("injected_5xx", "injected_429", "lost_answers", "lost_answers_fanout")
            )
        ),
        "first_late_s": round(min(first.values()) - due_wall, 1) if first else None,
        "last_late_s": round(max(first.values()) - due_wall, 1) if first else None,
        "replies": len(latencies),
        "unanswered": stats.get("waiting_replies", 0),
        "reply_p50_ms": round(p50) if p50 is not None else None,
        "reply_p99_ms": round(p99) if p99 is not None else None,
        # what an interactive person got first, and a prompt (to see the bot answered sensibly)
        "reply_text": next((m[1] for m in messages if m[0] >= INTERACTIVE_BASE), None),
        "prompt_text": fanout[0][1] if fanout else None,
    }


COLUMNS = [
    ("bot", "bot"), ("people", "people"), ("delivered", "delivered"), ("rate", "msg/s"), ("ratio", "÷ limit"),
    ("all_rate", "all msg/s"), ("lost", "lost"), ("duplicates", "dupes"), ("429", "429s"), ("429_penalised", "429 while penalised"),
    ("first_late_s", "first late (s)"), ("last_late_s", "last late (s)"), ("peak_rss_mb", "peak RSS (MB)"),
    ("reply_p50_ms", "reply p50 (ms)"), ("reply_p99_ms", "reply p99 (ms)"),
]  # fmt: skip


def table(rows: list[dict[str, Any]], extra: list[str]) -> str:
    """A markdown table of result rows: the common columns, then the scenario's own."""
    columns = [*COLUMNS, *((key, key) for key in extra)]
    lines = ["| " + " | ".join(title for _key, title in columns) + " |"]
    lines.append("|" + "---|" * len(columns))
    for row in rows:
        cells = ["—" if row.get(key) is None else f"{row[key]:,}" if isinstance(row[key], int) else str(row[key])
                 for key, _title in columns]  # fmt: skip
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)
