"""Chart benchmark: render the /progress PNG for 12 weeks of daily data and compare with the 1 s target.

Reports the first render (fonts and matplotlib loading included) and the median of the next ones, each as
a ratio to the target.
    python -m benchmarks.chart --runs 20
Not part of the test suite; results and the command are in docs/performance.md.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from datetime import date, timedelta

from coachbot.coaching.day_pain import DayPain
from coachbot.reporting.chart import HeelRaises, ProgressSeries, render

TARGET_SECONDS = 1.0


def twelve_weeks() -> ProgressSeries:
    start = date(2026, 3, 2)
    days = [start + timedelta(days=n) for n in range(84)]
    return ProgressSeries(
        title="12-week calf strain rehab", start=start, today=days[-1], green_max=2, amber_max=4, worse_delta=1.0,
        pain=tuple(DayPain(d, n % 5, n % 4, max(0, 4 - n // 20)) for n, d in enumerate(days)),
        done=tuple(d for n, d in enumerate(days) if n % 7 in (0, 2, 4)),
        missed=tuple(d for n, d in enumerate(days) if n % 28 == 25),
        phases=((days[0], days[27], 1), (days[28], days[55], 2), (days[56], days[83], 3)),
        advanced=(days[9], days[40]), regressed=(days[50],),
        tests=tuple(HeelRaises(d, 10 + n // 7, 25) for n, d in enumerate(days) if n % 7 == 6),
    )  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=20)
    runs = parser.parse_args().runs
    series = twelve_weeks()
    began = time.perf_counter()  # the first render loads matplotlib and its fonts
    size = len(render(series))
    first = time.perf_counter() - began
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        render(series)
        times.append(time.perf_counter() - began)
    median = statistics.median(times)
    print(json.dumps({
        "png_bytes": size, "first_s": round(first, 3), "first_ratio": round(first / TARGET_SECONDS, 2),
        "median_s": round(median, 3), "median_ratio": round(median / TARGET_SECONDS, 2),
        "max_s": round(max(times), 3), "runs": runs,
    }))  # fmt: skip


if __name__ == "__main__":
    main()
