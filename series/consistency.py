"""The calendar's consistency panel: streak, planned vs posted per week, gaps in the cadence.

Definitions (the panel and docs/calendar.md say the same):

- Weeks run Monday to Sunday in the creator's time zone.
- *Planned* in a week: the creator's parts scheduled in that week, whatever their status.
  *Posted*: parts with status "posted" that went out that week (`posted_at`, else their slot).
- A week is *met* when at least one part was posted and no fewer than were planned.
- *Current streak*: met weeks in a row, counting back from last week. This week joins the
  streak once it is met; while it is still under way it does not break it.
- *Gap*: within one series, the local days between two consecutive posts (past posts, then
  upcoming slots) longer than the cadence allows: every N days -> N days; k posts a week ->
  ceil(7 / k) + 1 days (one day of slack, since posts a week need not be evenly spaced: Mon-Fri
  posting leaves a 3-day weekend at 5 a week). A series still running with nothing posted or
  planned since its last post shows an open gap up to today. Missed slots (in the past, never
  posted) are not posts: they open gaps rather than close them.
- *Rhythm*: views per post in weeks with 1, 2, 3-4 or 5+ posts, from the creator's own
  uploaded posts when they have enough, else trend-wide (creator_posts.rhythm).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from itertools import pairwise
from typing import Protocol
from zoneinfo import ZoneInfo

from creator_posts.rhythm import Rhythm, rhythm_build
from series.calendar import series_colors
from series.models import Part, Series

WEEKS_SHOWN = 8


class PartLike(Protocol):
    """What the panel reads of a part: a Part or a values_list(named=True) row."""

    series_id: int
    status: str
    scheduled_at: datetime | None
    posted_at: datetime | None


@dataclass(frozen=True)
class WeekStat:
    monday: date
    planned: int
    posted: int
    is_current: bool

    @property
    def met(self) -> bool:
        return self.posted > 0 and self.posted >= self.planned

    @property
    def sunday(self) -> date:
        return self.monday + timedelta(days=6)


@dataclass(frozen=True)
class Gap:
    series: Series
    start: date
    end: date
    days: int
    allowed_days: int
    kind: str  # "past" (between two posts), "planned" (runs into an upcoming slot), "open" (until today)

    @property
    def color(self) -> str:
        return series_colors(self.series.color)[0]


@dataclass(frozen=True)
class Consistency:
    streak_weeks: int
    best_streak_weeks: int
    weeks: list[WeekStat]  # oldest first, the current week last
    gaps: list[Gap]
    missed: int  # slots in the shown weeks that passed without a post
    rhythm: Rhythm | None = None  # views by posts a week: own audience, else trend-wide

    @property
    def max_count(self) -> int:
        return max([1, *(w.planned for w in self.weeks), *(w.posted for w in self.weeks)])

    @property
    def planned_total(self) -> int:
        return sum(w.planned for w in self.weeks)

    @property
    def posted_total(self) -> int:
        return sum(w.posted for w in self.weeks)


def allowed_gap_days(series: Series) -> int:
    """The longest stretch between two posts of `series` that still keeps its cadence."""
    value = max(series.cadence_value, 1)
    if series.cadence_kind == Series.CadenceKind.EVERY_N_DAYS:
        return value
    return math.ceil(7 / value) + 1


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _posted_day(part: PartLike, zone: ZoneInfo) -> date | None:
    when = part.posted_at or part.scheduled_at
    return when.astimezone(zone).date() if when else None


def consistency_build(*, user, zone: ZoneInfo, now: datetime | None = None) -> Consistency:
    """The panel's figures for `user` as of `now` (default: now)."""
    now = now or datetime.now(tz=UTC)
    today = now.astimezone(zone).date()
    this_monday = _monday(today)
    first_monday = this_monday - timedelta(weeks=WEEKS_SHOWN - 1)

    # Light rows, not model instances: a busy creator has hundreds of parts with long texts.
    parts = list(
        Part.objects.filter(series__owner=user).values_list(
            "series_id", "status", "scheduled_at", "posted_at", named=True
        )
    )
    series_by_id = {
        s.pk: s
        for s in Series.objects.filter(owner=user).only(
            "id", "title", "color", "cadence_kind", "cadence_value", "parts_count"
        )
    }
    planned: Counter[date] = Counter()
    posted: Counter[date] = Counter()
    missed = 0
    for part in parts:
        if part.scheduled_at:
            slot_day = part.scheduled_at.astimezone(zone).date()
            planned[_monday(slot_day)] += 1
            if part.status != Part.Status.POSTED and first_monday <= slot_day < today:
                missed += 1
        if part.status == Part.Status.POSTED and (day := _posted_day(part, zone)):
            posted[_monday(day)] += 1

    weeks = [
        WeekStat(
            monday=monday,
            planned=planned[monday],
            posted=posted[monday],
            is_current=monday == this_monday,
        )
        for monday in (first_monday + timedelta(weeks=i) for i in range(WEEKS_SHOWN))
    ]
    streak, best = _streaks(planned=planned, posted=posted, this_monday=this_monday)
    return Consistency(
        streak_weeks=streak,
        best_streak_weeks=best,
        weeks=weeks,
        gaps=gaps_find(parts=parts, series_by_id=series_by_id, zone=zone, today=today, since=first_monday),
        missed=missed,
        rhythm=rhythm_build(user=user, zone=zone),
    )


def _streaks(*, planned: Counter, posted: Counter, this_monday: date) -> tuple[int, int]:
    """(current, best) runs of met weeks; the week under way counts only once it is met."""

    def met(monday: date) -> bool:
        return posted[monday] > 0 and posted[monday] >= planned[monday]

    current = 1 if met(this_monday) else 0
    monday = this_monday - timedelta(weeks=1)
    while met(monday):
        current += 1
        monday -= timedelta(weeks=1)

    best = run = 0
    mondays = sorted(m for m in posted if m <= this_monday)
    previous: date | None = None
    for monday in mondays:
        if not met(monday):
            run = 0
        elif previous is not None and monday - previous == timedelta(weeks=1) and run:
            run += 1
        else:
            run = 1
        best = max(best, run)
        previous = monday
    return current, max(best, current)


def gaps_find(
    *, parts: Iterable[PartLike], series_by_id: dict[int, Series], zone: ZoneInfo, today: date, since: date
) -> list[Gap]:
    """Stretches between consecutive posts of a series, from `since` on, longer than its cadence."""
    by_series: dict[int, list[PartLike]] = defaultdict(list)
    for part in parts:
        by_series[part.series_id].append(part)

    gaps: list[Gap] = []
    for series_id, series_parts in by_series.items():
        series = series_by_id[series_id]
        allowed = allowed_gap_days(series)
        days: list[tuple[date, bool]] = []  # (local day, is an upcoming slot)
        for part in series_parts:
            if part.status == Part.Status.POSTED:
                day = _posted_day(part, zone)
                if day and day >= since:
                    days.append((day, False))
            elif part.scheduled_at:
                day = part.scheduled_at.astimezone(zone).date()
                if day >= today:
                    days.append((day, True))
        days.sort()
        for (start, _), (end, upcoming) in pairwise(days):
            if (end - start).days > allowed:
                kind = "planned" if upcoming else "past"
                gaps.append(Gap(series, start, end, (end - start).days, allowed, kind))
        if days and not days[-1][1] and not _finished(series, series_parts):
            last = days[-1][0]
            if (today - last).days > allowed:
                gaps.append(Gap(series, last, today, (today - last).days, allowed, "open"))
    gaps.sort(key=lambda g: (g.start, g.series.title))
    return gaps


def _finished(series: Series, series_parts: list[PartLike]) -> bool:
    if series.parts_count is None:
        return False
    posted = sum(1 for p in series_parts if p.status == Part.Status.POSTED)
    return posted >= series.parts_count
