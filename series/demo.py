"""Two planned series for the demo creator, so the calendar has something to show (idempotent)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from django.utils import timezone

from accounts.models import profile_for
from series.models import Series
from series.services import series_create

DEMO_SERIES = [
    {
        "title": "Meal prep for a week in 6 parts",
        "topic": "budget meal prep: five lunches from one shop",
        "niche": "food",
        "parts_count": 6,
        "cadence_kind": Series.CadenceKind.PER_WEEK,
        "cadence_value": 3,
        "allowed_weekdays": [0, 2, 4, 6],
        "posting_time_mode": Series.PostingTimeMode.FIXED,
        "posting_time": dt.time(12, 0),  # lunchtime, for a lunch series
        "hashtags": ["mealprep", "budgetfood"],
        "keywords": ["meal prep", "budget lunch"],
    },
    {
        "title": "30-day home workout",
        "topic": "a beginner home workout that builds every other day",
        "niche": "fitness",
        "parts_count": None,
        "cadence_kind": Series.CadenceKind.EVERY_N_DAYS,
        "cadence_value": 2,
        "allowed_weekdays": [],
        "posting_time_mode": Series.PostingTimeMode.AUTO,
        "posting_time": None,
        "hashtags": ["homeworkout"],
        "keywords": ["home workout", "no equipment"],
    },
]


def demo_series_create(*, user) -> list[Series]:
    """Create the demo series the user does not have yet (matched by title); returns all of them."""
    profile = profile_for(user)
    today = timezone.now().astimezone(ZoneInfo(profile.timezone)).date()
    out = []
    for spec in DEMO_SERIES:
        existing = Series.objects.filter(owner=user, title=spec["title"]).first()
        if existing is not None:
            out.append(existing)
            continue
        fields = {
            **spec,
            "language": profile.default_language or "en",
            "timezone": profile.timezone,
            "start_date": today + dt.timedelta(days=1),
            "min_gap_hours": 6,
            "blackout_dates": [],
        }
        series, _ = series_create(owner=user, fields=fields)
        out.append(series)
    return out
