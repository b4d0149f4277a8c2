"""The end-to-end delivery benchmark of issue 15: the real `coachbot run` (and python-telegram-bot's
JobQueue + AIORateLimiter, what a Python developer writes by default) against a strict fake Bot API in its
own process. Results go to stdout as JSON lines, then a markdown table per scenario.

    python -m benchmarks.delivery --scenario fanout                  # 20,000 people at 30/s, both bots
    python -m benchmarks.delivery --scenario fanout --people 500     # a quick run
    python -m benchmarks.delivery --scenario memory                  # RSS at 1,000 vs 100,000 (paid, 1000/s)
    python -m benchmarks.delivery --scenario memory --bot-rate 29 --sizes 200,1000   # without paid broadcast
    python -m benchmarks.delivery --scenario instances               # 2 and 3 instances on PostgreSQL
    python -m benchmarks.delivery --scenario kill                    # kill -9 mid-fan-out, restart
    python -m benchmarks.delivery --scenario faults                  # 5% 502, 2% 429, 1% lost answers
    python -m benchmarks.delivery --scenario sigterm                 # SIGTERM mid-fan-out, restart

Run from the repository root with the package installed (`pip install -e '.[dev,bench]'`). See
docs/performance.md, "Delivery (issue 15)".
"""

from __future__ import annotations

import argparse
import asyncio
import json
import signal
import sys
from typing import Any

from benchmarks.delivery import scenarios
from benchmarks.delivery.measure import table
from benchmarks.delivery.run import Options

DEFAULT_PEOPLE = {"fanout": 20_000, "instances": 5_000, "kill": 5_000, "faults": 2_000, "sigterm": 5_000}
PAID_RATE = 1000
FAULTS = ["--fail-5xx", "5", "--fail-429", "2", "--lost", "1"]
EXTRA = {
    "memory": ["rss_ratio"],
    "instances": ["instances"],
    "kill": ["stopped_after", "delivered_unrecorded", "sent_last_half_second"],
    "sigterm": ["stopped_after", "exit_code", "exit_s", "delivered_unrecorded"],
    "faults": ["injected"],  # 502 / 429 / lost answers (of them, to fan-out prompts)
}


async def scenario(args: argparse.Namespace) -> list[dict[str, Any]]:
    people = args.people or DEFAULT_PEOPLE.get(args.scenario, 1_000)
    paid = args.paid or (args.scenario == "memory" and args.bot_rate is None)  # memory: 1000/s by default
    bot_rate = args.bot_rate or (PAID_RATE if paid else 29)
    options = Options(
        people=people, rate=args.rate, bot_rate=bot_rate, paid=paid, tick_seconds=args.tick_seconds,
        checkins_per_second=args.checkins, lead=args.lead, stall=args.stall, postgres=args.postgres,
        at_least=args.at_least,
    )  # fmt: skip
    if args.scenario == "fanout":
        return await scenarios.side_by_side(options, args.keep)
    if args.scenario == "faults":
        return await scenarios.side_by_side(Options(**{**vars(options), "faults": FAULTS}), args.keep)
    if args.scenario == "memory":
        sizes = [int(size) for size in args.sizes.split(",")]
        return await scenarios.memory(options, sizes, args.keep)
    if args.scenario == "instances":
        counts = [int(count) for count in args.instances.split(",")]
        return await scenarios.instances(options, counts, args.keep)
    how = signal.SIGKILL if args.scenario == "kill" else signal.SIGTERM
    return await scenarios.interrupt(options, how, args.stop_at, args.keep)


def _interrupted(_signal: int, _frame: object) -> None:
    raise KeyboardInterrupt  # a SIGTERM to the driver cleans up as Ctrl-C does


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--scenario", required=True, choices=["fanout", "memory", "instances", "kill", "faults", "sigterm"]
    )
    parser.add_argument("--people", type=int, help="people due at once (default: per scenario)")
    parser.add_argument("--rate", type=int, default=30, help="the fake's bot-wide limit a second")
    parser.add_argument(
        "--bot-rate", type=float, help="COACHBOT_TELEGRAM_RATE (default 29; memory: 1000 with --paid)"
    )
    parser.add_argument(
        "--paid",
        action="store_true",
        help="COACHBOT_TELEGRAM_PAID_BROADCAST=1 (memory: on unless --bot-rate)",
    )
    parser.add_argument("--tick-seconds", type=int, default=5, help="COACHBOT_TICK_SECONDS")
    parser.add_argument("--checkins", type=float, default=2.0, help="/checkin a second during the fan-out")
    parser.add_argument(
        "--lead", type=float, default=8.0, help="seconds from starting the bots to the due time"
    )
    parser.add_argument(
        "--at-least", type=float, default=0.0,
        help="keep the run and its /checkin traffic going this many seconds after the due time "
        "(replies without a fan-out: --people 20 --checkins 20 --at-least 30)",
    )  # fmt: skip
    parser.add_argument("--stall", type=float, default=180.0, help="stop after this long without a delivery")
    parser.add_argument("--sizes", default="1000,100000", help="memory: people per run")
    parser.add_argument("--instances", default="2,3", help="instances: processes per run")
    parser.add_argument("--stop-at", type=float, default=0.3, help="kill/sigterm: share reached first")
    parser.add_argument("--postgres", default="postgresql://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--keep", action="store_true", help="keep the run's folder (logs) for a look")
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, _interrupted)
    try:
        rows = asyncio.run(scenario(args))
    except KeyboardInterrupt:
        print("interrupted: processes stopped, databases dropped", file=sys.stderr)
        raise SystemExit(130) from None
    for row in rows:
        print(json.dumps({"scenario": args.scenario, **row}), flush=True)
    print()
    print(table(rows, EXTRA.get(args.scenario, [])))


if __name__ == "__main__":
    main()
