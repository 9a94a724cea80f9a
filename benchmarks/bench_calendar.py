"""Time the calendar pages for a busy creator.

    DEBUG=1 .venv/bin/python benchmarks/bench_calendar.py                  # 10 series x 100 parts
    DEBUG=1 .venv/bin/python benchmarks/bench_calendar.py --series 3 --parts 20

What it does: creates a THROWAWAY data directory (a fresh SQLite database, unless
DATABASE_URL points elsewhere — then use a throwaway database), migrates it, gives one
creator --series series of --parts parts each, one a day, half of them before today (those
posted), and times server-side renders (Django test client, median of 9 after one
warm-up) of the month page, the htmx month partial, the week page, and a drag-and-drop
move (htmx POST answered with the re-rendered region). Reports the SQL queries of each.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DEBUG", "1")
os.environ["HOOKLINE_DATA_DIR"] = tempfile.mkdtemp(prefix="hookline-bench-calendar-")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from series.calendar import creator_zone, month_param, week_param  # noqa: E402
from series.models import SERIES_COLORS, Part, Series  # noqa: E402


def _populate(user, *, series_count: int, parts: int) -> Part:
    zone = creator_zone(user)
    today = timezone.now().astimezone(zone).date()
    start = today - dt.timedelta(days=parts // 2)
    rows = []
    for index in range(series_count):
        series = Series.objects.create(
            owner=user,
            title=f"Series {index + 1}",
            color=SERIES_COLORS[index % len(SERIES_COLORS)],
            start_date=start,
            parts_count=parts,
            cadence_kind=Series.CadenceKind.EVERY_N_DAYS,
            cadence_value=1,
        )
        for number in range(1, parts + 1):
            day = start + dt.timedelta(days=number - 1)
            at = dt.datetime.combine(day, dt.time(7 + index % 14, 0), tzinfo=zone)
            posted = day < today
            rows.append(
                Part(
                    series=series,
                    number=number,
                    title=f"Part {number}/{parts}",
                    status=Part.Status.POSTED if posted else Part.Status.SCHEDULED,
                    scheduled_at=at,
                    posted_at=at if posted else None,
                )
            )
    Part.objects.bulk_create(rows, batch_size=1000)
    return (
        Part.objects.filter(series__owner=user, status=Part.Status.SCHEDULED).order_by("scheduled_at").first()
    )


def _time(label: str, request, runs: int = 9) -> None:
    request()  # warm-up
    timings = []
    for _ in range(runs):
        began = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            response = request()
        timings.append(time.perf_counter() - began)
        assert response.status_code == 200, response.status_code
    print(f"{label:<34} {statistics.median(timings) * 1000:7.1f} ms   {len(queries):2d} queries")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--series", type=int, default=10)
    parser.add_argument("--parts", type=int, default=100)
    args = parser.parse_args()

    call_command("migrate", verbosity=0)
    user = get_user_model().objects.create_user("bench", "bench@example.com", "pw-bench-123")
    part = _populate(user, series_count=args.series, parts=args.parts)
    client = Client(SERVER_NAME="localhost")
    client.force_login(user)
    zone = creator_zone(user)
    today = timezone.now().astimezone(zone).date()
    month, week = month_param(today), week_param(today)
    total = Part.objects.filter(series__owner=user).count()
    print(f"{args.series} series x {args.parts} parts = {total} parts; month {month}, week {week}")

    month_url, week_url = reverse("series:calendar"), reverse("series:calendar_week")
    _time("month page", lambda: client.get(month_url, {"month": month}))
    _time(
        "month partial (htmx)",
        lambda: client.get(month_url, {"month": month}, headers={"HX-Request": "true"}),
    )
    _time("week page", lambda: client.get(week_url, {"week": week}))

    # Drag and drop back and forth between two free mornings far ahead (min gap stays clear).
    move_url = reverse("series:part_move", args=[part.pk])
    days = iter([today + dt.timedelta(days=400 + i % 2) for i in range(100)])
    at = {"hour": part.scheduled_at.astimezone(zone).hour}
    _time(
        "move (htmx POST + region)",
        lambda: client.post(
            move_url,
            {"date": next(days).isoformat(), "time": f"{at['hour']:02d}:00", "view": "month", "month": month},
            headers={"HX-Request": "true"},
        ),
    )


if __name__ == "__main__":
    main()
