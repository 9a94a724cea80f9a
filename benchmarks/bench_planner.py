"""Time the series planner (a plain function: no database) for a long series.

    .venv/bin/python benchmarks/bench_planner.py
    .venv/bin/python benchmarks/bench_planner.py --parts 50 --runs 50

Plans --parts parts at 3 a week, 18:00 Europe/Oslo, 4 h minimum gap, against 0, 60
(one a day at 12:00: no clashes) and 600 (one every 13 h: they drift through the day and
clash with many slots, the worst case) other scheduled posts of the same creator, and
prints the median time per plan and how many parts had to move.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from series.cadence import PlanRequest
from series.planner import BusySlot, plan_series

OSLO = ZoneInfo("Europe/Oslo")
CASES = [(0, 24), (60, 24), (600, 13)]  # (other posts, hours between them)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--parts", type=int, default=100)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    request = PlanRequest(
        start_date=dt.date(2027, 1, 4),
        posting_time=dt.time(18, 0),
        timezone="Europe/Oslo",
        cadence_value=3,
        parts_count=args.parts,
        min_gap=dt.timedelta(hours=4),
    )
    for count, every in CASES:
        start = dt.datetime(2027, 1, 4, 12, 0, tzinfo=OSLO)
        busy = [BusySlot(start + dt.timedelta(hours=every * i)) for i in range(count)]
        plan_series(request, busy)  # warm-up: time zone data and caches
        timings = []
        for _ in range(args.runs):
            began = time.perf_counter()
            plan = plan_series(request, busy)
            timings.append(time.perf_counter() - began)
        moved = sum(1 for p in plan.placements if p.note)
        print(
            f"{args.parts} parts vs {count:>3} other posts (every {every} h): "
            f"median {statistics.median(timings) * 1000:6.1f} ms, {moved} moved, fits={plan.fits}"
        )


if __name__ == "__main__":
    main()
