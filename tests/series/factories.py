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
