"""The posting calendar: month and week grids of a creator's parts, in the creator's time zone.

Plain functions the calendar views call. A part sits on the local day (profile time zone) of
the moment it is shown at: when it was posted for posted parts, else when it is scheduled.
Weeks start on Monday (ISO 8601), like the ISO week numbers in `?week=2026-W48`.

The consistency panel (streak, planned vs posted, gaps) lives in series/consistency.py.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings
from django.db.models import Q, QuerySet

from accounts.models import profile_for
from series.models import Part

MIN_YEAR = 1970
MAX_YEAR = 2100
WEEKDAY_NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

_MONTH_RE = re.compile(r"^(\d{4})-(\d{1,2})$")
_WEEK_RE = re.compile(r"^(\d{4})-W(\d{1,2})$", re.IGNORECASE)


class CalendarInputError(ValueError):
    """A ?month= or ?week= value we cannot read; the message is shown to the creator."""


@dataclass
class CalendarDay:
    date: date
    is_today: bool
    is_past: bool
    in_range: bool  # inside the month shown (always True in a week view)
    parts: list[Part] = field(default_factory=list)

    @property
    def iso(self) -> str:
        return self.date.isoformat()


def _series_in(days: list[CalendarDay]) -> list:
    """The series with a part on these days, for the colour legend."""
    seen = {part.series_id: part for day in days for part in day.parts}
    return sorted(
        ({"series": p.series, "bg": p.chip_bg, "fg": p.chip_fg} for p in seen.values()),
        key=lambda item: item["series"].title.lower(),
    )


@dataclass
class MonthGrid:
    month: date  # first day of the month
    today: date
    zone: ZoneInfo
    weeks: list[list[CalendarDay]]

    @property
    def days(self) -> list[CalendarDay]:
        return [day for week in self.weeks for day in week]

    @property
    def parts_count(self) -> int:
        return sum(len(day.parts) for day in self.days if day.in_range)

    @property
    def legend(self) -> list[dict]:
        return _series_in(self.days)

    @property
    def param(self) -> str:
        return month_param(self.month)

    @property
    def prev_param(self) -> str:
        return month_param(_add_months(self.month, -1))

    @property
    def next_param(self) -> str:
        return month_param(_add_months(self.month, 1))

    @property
    def today_param(self) -> str:
        return month_param(self.today)


@dataclass
class WeekGrid:
    monday: date
    today: date
    zone: ZoneInfo
    days: list[CalendarDay]

    @property
    def sunday(self) -> date:
        return self.monday + timedelta(days=6)

    @property
    def parts_count(self) -> int:
        return sum(len(day.parts) for day in self.days)

    @property
    def legend(self) -> list[dict]:
        return _series_in(self.days)

    @property
    def param(self) -> str:
        return week_param(self.monday)

    @property
    def prev_param(self) -> str:
        return week_param(self.monday - timedelta(days=7))

    @property
    def next_param(self) -> str:
        return week_param(self.monday + timedelta(days=7))

    @property
    def today_param(self) -> str:
        return week_param(self.today)

    @property
    def month_param(self) -> str:
        """The month a "Month" link from this week opens: the one holding its Thursday (ISO rule)."""
        return month_param(self.monday + timedelta(days=3))


# --- Time zone and "today" ---------------------------------------------------------------


def creator_zone(user) -> ZoneInfo:
    """The creator's time zone from their profile; the site's zone if the stored name is unknown."""
    try:
        return ZoneInfo(profile_for(user).timezone)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(settings.TIME_ZONE)


def local_today(*, zone: ZoneInfo, now: datetime | None = None) -> date:
    now = now or datetime.now(tz=UTC)
    return now.astimezone(zone).date()


def local_midnight(day: date, zone: ZoneInfo) -> datetime:
    """The aware instant a local day starts (midnight exists in every IANA zone we support)."""
    return datetime.combine(day, time.min, tzinfo=zone)


# --- Query parameters ----------------------------------------------------------------------


def month_param(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def week_param(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def month_parse(value: str | None, *, today: date) -> date:
    """`YYYY-MM` -> the first day of that month; empty -> this month. Raises CalendarInputError."""
    if not value:
        return today.replace(day=1)
    match = _MONTH_RE.match(value.strip())
    if not match:
        raise CalendarInputError(f"“{value}” is not a month. Use the form YYYY-MM, for example 2026-11.")
    year, month = int(match[1]), int(match[2])
    if not 1 <= month <= 12:
        raise CalendarInputError(f"“{value}” has no month {month}: months run from 01 to 12.")
    _check_year(year, value)
    return date(year, month, 1)


def week_parse(value: str | None, *, today: date) -> date:
    """`YYYY-Www` (ISO week) -> that week's Monday; empty -> this week. Raises CalendarInputError."""
    if not value:
        return today - timedelta(days=today.weekday())
    match = _WEEK_RE.match(value.strip())
    if not match:
        raise CalendarInputError(f"“{value}” is not a week. Use the ISO form YYYY-Www, for example 2026-W48.")
    year, week = int(match[1]), int(match[2])
    _check_year(year, value)
    try:
        return date.fromisocalendar(year, week, 1)
    except ValueError:
        weeks_in_year = date(year, 12, 28).isocalendar()[1]
        raise CalendarInputError(
            f"{year} has no week {week}: its ISO weeks run from W01 to W{weeks_in_year}."
        ) from None


def _check_year(year: int, value: str) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise CalendarInputError(f"“{value}” is out of range: the calendar covers {MIN_YEAR} to {MAX_YEAR}.")


def _add_months(first_of_month: date, months: int) -> date:
    index = first_of_month.year * 12 + first_of_month.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, 1)


# --- Parts by local day ------------------------------------------------------------------


def part_shown_at(part: Part) -> datetime | None:
    """When a part appears on the calendar: when it went out if posted, else its slot."""
    if part.status == Part.Status.POSTED and part.posted_at:
        return part.posted_at
    return part.scheduled_at


CHIP_FIELDS = (
    "id",
    "series_id",
    "number",
    "title",
    "status",
    "scheduled_at",
    "posted_at",
    "series__id",
    "series__title",
    "series__color",
)


def calendar_parts(*, user, start: datetime, end: datetime) -> QuerySet[Part]:
    """The creator's parts shown in [start, end): scheduled there, or posted there."""
    scheduled = Q(scheduled_at__gte=start, scheduled_at__lt=end) & ~Q(
        status=Part.Status.POSTED, posted_at__isnull=False
    )
    posted = Q(status=Part.Status.POSTED, posted_at__gte=start, posted_at__lt=end)
    return (
        Part.objects.filter(series__owner=user)
        .filter(scheduled | posted)
        .select_related("series")
        # Only what a chip shows: parts carry long texts (hooks, teasers, caption drafts).
        .only(*CHIP_FIELDS)
        .order_by("scheduled_at", "series_id", "number")
    )


def parts_by_local_day(parts, *, zone: ZoneInfo) -> dict[date, list[Part]]:
    """Group parts by the local date they are shown at, each day's parts in time order.

    Each part gets `local_at` (aware, in `zone`), `time_label` and `chip_bg`/`chip_fg` (series
    colour and a legible text colour) for the templates.
    """
    grouped: dict[date, list[Part]] = defaultdict(list)
    for part in parts:
        shown = part_shown_at(part)
        if shown is None:
            continue
        part.local_at = shown.astimezone(zone)
        part.time_label = f"{part.local_at:%H:%M}"
        part.chip_bg, part.chip_fg = series_colors(part.series.color)
        grouped[part.local_at.date()].append(part)
    for day_parts in grouped.values():
        day_parts.sort(key=lambda p: (p.local_at, p.series_id, p.number))
    return dict(grouped)


def _days_with_parts(*, user, first: date, last: date, zone: ZoneInfo, today: date, month: date | None):
    parts = calendar_parts(
        user=user, start=local_midnight(first, zone), end=local_midnight(last + timedelta(days=1), zone)
    )
    grouped = parts_by_local_day(parts, zone=zone)
    days = []
    day = first
    while day <= last:
        in_range = month is None or (day.year, day.month) == (month.year, month.month)
        days.append(
            CalendarDay(
                date=day,
                is_today=day == today,
                is_past=day < today,
                in_range=in_range,
                parts=grouped.get(day, []),
            )
        )
        day += timedelta(days=1)
    return days


def month_grid_build(*, user, month: date, today: date, zone: ZoneInfo) -> MonthGrid:
    """Whole weeks (Monday to Sunday) covering the month, each day with its parts."""
    first_of_month = month.replace(day=1)
    last_of_month = _add_months(first_of_month, 1) - timedelta(days=1)
    first = first_of_month - timedelta(days=first_of_month.weekday())
    last = last_of_month + timedelta(days=6 - last_of_month.weekday())
    days = _days_with_parts(user=user, first=first, last=last, zone=zone, today=today, month=first_of_month)
    weeks = [days[i : i + 7] for i in range(0, len(days), 7)]
    return MonthGrid(month=first_of_month, today=today, zone=zone, weeks=weeks)


def week_grid_build(*, user, monday: date, today: date, zone: ZoneInfo) -> WeekGrid:
    """Seven days from `monday`, each with its parts."""
    monday = monday - timedelta(days=monday.weekday())
    days = _days_with_parts(
        user=user, first=monday, last=monday + timedelta(days=6), zone=zone, today=today, month=None
    )
    return WeekGrid(monday=monday, today=today, zone=zone, days=days)


# --- Colour ------------------------------------------------------------------------------

_HEX_RE = re.compile(r"^#?([0-9a-fA-F]{6})$")
INK = "#1b1f2a"
WHITE = "#ffffff"
FALLBACK_COLOR = "#4a5163"
AA_CONTRAST = 4.5


def _luminance(hex_color: str) -> float:
    """WCAG 2 relative luminance of a #rrggbb colour."""
    channels = [int(hex_color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(a: str, b: str) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _darken(hex_color: str, factor: float) -> str:
    channels = [round(int(hex_color[i : i + 2], 16) * factor) for i in (1, 3, 5)]
    return "#" + "".join(f"{c:02x}" for c in channels)


@lru_cache(maxsize=512)
def series_colors(color: str) -> tuple[str, str]:
    """(background, text) for a series chip, legible (WCAG AA, 4.5:1) whatever colour the creator picked.

    Text is white or ink, whichever reads better; a mid-tone colour that reaches 4.5:1 with
    neither is darkened, keeping its hue, until white text does.
    """
    match = _HEX_RE.match(color or "")
    background = f"#{match[1].lower()}" if match else FALLBACK_COLOR
    if contrast_ratio(background, INK) >= max(AA_CONTRAST, contrast_ratio(background, WHITE)):
        return background, INK
    factor = 1.0
    darker = background
    while contrast_ratio(darker, WHITE) < AA_CONTRAST:
        factor -= 0.04
        darker = _darken(background, factor)
    return darker, WHITE
