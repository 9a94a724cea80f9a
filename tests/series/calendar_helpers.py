"""Small builders for the calendar tests: series and parts straight through the ORM."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from series.models import Part, Series

OSLO = ZoneInfo("Europe/Oslo")


def make_series(owner, *, title: str = "Sourdough basics", color: str = "#2563eb", **fields) -> Series:
    fields.setdefault("start_date", date(2026, 1, 1))
    fields.setdefault("timezone", "Europe/Oslo")
    return Series.objects.create(owner=owner, title=title, color=color, **fields)


def make_part(
    series: Series,
    number: int,
    at: datetime | None,
    *,
    status: str = Part.Status.SCHEDULED,
    posted_at: datetime | None = None,
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


def oslo(year: int, month: int, day: int, hour: int = 18, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=OSLO)
