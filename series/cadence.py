"""What a series asks of the planner (PlanRequest) and the days its cadence posts on: N per
week on evenly spread weekdays, or every N days on a grid, within the allowed weekdays; for an
open-ended series, how many parts fit the horizon. Plain values, no ORM; the planner
(series.planner) places the parts on these days.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

PER_WEEK = "per_week"
EVERY_N_DAYS = "every_n_days"
DEFAULT_HORIZON_WEEKS = 8
# How far the planner searches for a free slot before it gives up on a part.
MAX_SEARCH_DAYS = 3 * 366


@dataclass(frozen=True)
class PlanRequest:
    """A series' schedule as the planner reads it: its cadence, local slot, time zone and limits."""

    start_date: dt.date
    posting_time: dt.time  # local wall-clock time in `timezone`
    timezone: str
    cadence_kind: str = PER_WEEK
    cadence_value: int = 3
    parts_count: int | None = None  # None: open-ended, planned over `horizon_weeks`
    allowed_weekdays: Sequence[int] = ()  # 0 = Monday; empty means every day
    blackout_dates: Sequence[dt.date] = ()
    min_gap: dt.timedelta = dt.timedelta(hours=12)
    window_minutes: int = 60
    horizon_weeks: int = DEFAULT_HORIZON_WEEKS
    end_date: dt.date | None = None  # every part on or before it
    first_number: int = 1
    not_before: dt.datetime | None = None  # aware; usually "now"

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


def posting_weekdays(request: PlanRequest) -> list[int]:
    """The weekdays a per-week cadence posts on: N spread evenly over the allowed days,
    starting from the start date's weekday so the first post can fall on the start date."""
    allowed = sorted(set(request.allowed_weekdays)) or list(range(7))
    start = request.start_date.weekday()
    rotated = sorted(allowed, key=lambda d: (d - start) % 7)
    n = min(request.cadence_value, len(rotated))
    return sorted({rotated[(i * len(rotated)) // n] for i in range(n)})


def ideal_dates(request: PlanRequest, *, after: dt.date | None = None) -> Iterator[dt.date]:
    """The cadence's posting days from the start date (or strictly after `after`), in order."""
    allowed = set(request.allowed_weekdays) or set(range(7))
    limit = request.start_date + dt.timedelta(days=MAX_SEARCH_DAYS)
    if request.cadence_kind == PER_WEEK:
        weekdays = set(posting_weekdays(request))
        day = request.start_date if after is None else max(request.start_date, after + dt.timedelta(days=1))
        while day <= limit:
            if day.weekday() in weekdays:
                yield day
            day += dt.timedelta(days=1)
        return
    step = dt.timedelta(days=max(1, request.cadence_value))
    grid = request.start_date
    if after is not None:
        while grid <= after:
            grid += step
    last: dt.date | None = after
    while grid <= limit:
        day = grid
        # A grid day on a day the creator does not post rolls forward to the next allowed day.
        while day.weekday() not in allowed:
            day += dt.timedelta(days=1)
        if last is None or day > last:
            yield day
            last = day
        grid += step


def parts_in_horizon(request: PlanRequest, *, after: dt.date | None = None) -> int:
    """How many parts an open-ended series gets: its posting days within the horizon
    (counted from the start date, or from the day after `after`), cut at the end date."""
    begin = request.start_date if after is None else max(request.start_date, after + dt.timedelta(days=1))
    end = begin + dt.timedelta(weeks=request.horizon_weeks)
    if request.end_date is not None:
        end = min(end, request.end_date + dt.timedelta(days=1))
    return sum(1 for _ in _until(ideal_dates(request, after=after), end))


def _until(days: Iterator[dt.date], end: dt.date) -> Iterator[dt.date]:
    for day in days:
        if day >= end:
            return
        yield day
