"""Helpers to build series: planned through the real services at a fixed "now" (make_series),
or bare with parts placed by hand (make_bare_series, make_part) for the calendar tests."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from series.models import Part, Series
from series.services import series_create

OSLO = ZoneInfo("Europe/Oslo")
NOW = dt.datetime(2027, 1, 3, 12, 0, tzinfo=OSLO)  # a Sunday
MONDAY = dt.date(2027, 1, 4)


def series_fields(**overrides) -> dict:
    fields = {
        "title": "Meal prep",
        "topic": "budget meal prep",
        "niche": "food",
        "language": "en",
        "parts_count": 6,
        "cadence_kind": Series.CadenceKind.PER_WEEK,
        "cadence_value": 3,
        "allowed_weekdays": [],
        "posting_time_mode": Series.PostingTimeMode.FIXED,
        "posting_time": dt.time(18, 0),
        "timezone": "Europe/Oslo",
        "start_date": MONDAY,
        "blackout_dates": [],
        "min_gap_hours": 12,
        "hashtags": ["mealprep"],
        "keywords": ["meal prep", "cheap lunch"],
    }
    fields.update(overrides)
    return fields


def series_form_data(*, start: dt.date, **overrides) -> dict:
    """What the series form posts for a four-part plan every other day at 07:30 New York time."""
    data = {
        "title": "Garden in 4",
        "topic": "balcony garden",
        "niche": "",
        "language": "en",
        "parts_count": "4",
        "cadence_kind": "every_n_days",
        "cadence_value": "2",
        "posting_time_mode": "fixed",
        "posting_time": "07:30",
        "timezone": "America/New_York",
        "start_date": start.isoformat(),
        "min_gap_hours": "6",
        "allowed_weekdays": [],
    }
    data.update(overrides)
    return data


def make_series(owner, *, now: dt.datetime = NOW, **overrides) -> Series:
    """A series planned as of `now` (fixed by default, so dates in tests never drift)."""
    series, _ = series_create(owner=owner, fields=series_fields(**overrides), now=now)
    return series


def local(part, tz=OSLO) -> dt.datetime:
    return part.scheduled_at.astimezone(tz)


def make_bare_series(owner, *, title: str = "Sourdough basics", color: str = "#2563eb", **fields) -> Series:
    """A series row without a plan: the test places each part itself (make_part)."""
    fields.setdefault("start_date", dt.date(2026, 1, 1))
    fields.setdefault("timezone", "Europe/Oslo")
    return Series.objects.create(owner=owner, title=title, color=color, **fields)


def make_part(
    series: Series,
    number: int,
    at: dt.datetime | None,
    *,
    status: str = Part.Status.SCHEDULED,
    posted_at: dt.datetime | None = None,
    title: str | None = None,
) -> Part:
    return Part.objects.create(
        series=series,
        number=number,
        title=title or f"Part {number}: {series.title}",
        status=status,
        scheduled_at=at,
        posted_at=posted_at,
    )


def oslo(year: int, month: int, day: int, hour: int = 18, minute: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=OSLO)
