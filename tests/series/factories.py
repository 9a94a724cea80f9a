"""Helpers to build series through the real services, at a fixed "now"."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from series.models import Series
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


def make_series(owner, *, now: dt.datetime = NOW, **overrides) -> Series:
    """A series planned as of `now` (fixed by default, so dates in tests never drift)."""
    series, _ = series_create(owner=owner, fields=series_fields(**overrides), now=now)
    return series


def local(part, tz=OSLO) -> dt.datetime:
    return part.scheduled_at.astimezone(tz)
