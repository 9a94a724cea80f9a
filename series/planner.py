"""The series planner: where each part of a series goes on the calendar.

A plain function over plain values (no ORM), so it is tested on its own and the
services, forms and calendar all share one implementation.

Rules, in order:
- every posting day uses the same local wall-clock slot (± a small window), so a
  daylight-saving change never moves the post in the creator's eyes;
- cadence: N posts per week on evenly spread weekdays, or every N days;
- only allowed weekdays, never a blackout date, never in the past;
- at least `min_gap` between any two posts of the creator, across all series;
- a part whose ideal day is blocked moves to the nearest free day before the next
  posting day, else to the next posting day, and the plan says why;
- an open-ended series is planned over a horizon (8 weeks by default).

The request and the days its cadence posts on are series.cadence's.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from series.cadence import PlanRequest, ideal_dates, parts_in_horizon

WINDOW_STEP_MINUTES = 15
WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@dataclass(frozen=True)
class BusySlot:
    """Another scheduled post of the creator."""

    at: dt.datetime  # aware
    label: str = "another post"


@dataclass(frozen=True)
class Placement:
    number: int
    at: dt.datetime  # aware, UTC
    local: dt.datetime  # aware, in the request's time zone
    ideal_date: dt.date
    note: str = ""  # why it is not where the cadence put it; empty when it is


@dataclass(frozen=True)
class Unplaced:
    number: int
    reason: str


@dataclass
class Plan:
    placements: list[Placement] = field(default_factory=list)
    unplaced: list[Unplaced] = field(default_factory=list)

    @property
    def fits(self) -> bool:
        return not self.unplaced

    @property
    def explanations(self) -> list[str]:
        moved = [f"Part {p.number}: {p.note}" for p in self.placements if p.note]
        return moved + [f"Part {u.number}: {u.reason}" for u in self.unplaced]


def fmt_day(day: dt.date) -> str:
    return f"{day:%a} {day.day} {day:%b} {day.year}"


def fmt_local(moment: dt.datetime) -> str:
    return f"{fmt_day(moment.date())} {moment:%H:%M}"


class _Slots:
    """Checks candidate slots against blackouts, the past and the minimum gap."""

    def __init__(self, request: PlanRequest, busy: Sequence[BusySlot]) -> None:
        self.request = request
        self.tz = ZoneInfo(request.timezone)
        self.blackouts = set(request.blackout_dates)
        self.allowed = set(request.allowed_weekdays) or set(range(7))
        # Two posts at the very same minute always collide, even with no gap asked for.
        self.gap = max(request.min_gap, dt.timedelta(minutes=1))
        # Sorted by time, with a parallel list of POSIX seconds for bisecting.
        self.busy = sorted(busy, key=lambda b: b.at)
        self.stamps = [b.at.timestamp() for b in self.busy]

    def candidates(self, day: dt.date, at: dt.time) -> Iterator[dt.datetime]:
        """Local times on `day` near `at`: the slot itself first, then outwards in steps."""
        base = dt.datetime.combine(day, at)
        yield base
        step = WINDOW_STEP_MINUTES
        for minutes in range(step, self.request.window_minutes + 1, step):
            for sign in (1, -1):
                moment = base + dt.timedelta(minutes=sign * minutes)
                if moment.date() == day:
                    yield moment

    def localize(self, naive: dt.datetime) -> dt.datetime | None:
        """Aware local time, or None when the wall-clock time does not exist (spring forward)."""
        aware = naive.replace(tzinfo=self.tz)
        if aware.astimezone(dt.UTC).astimezone(self.tz).replace(tzinfo=None) != naive:
            return None
        return aware

    def day_blocker(self, day: dt.date) -> str | None:
        if day in self.blackouts:
            return f"{fmt_day(day)} is a blackout date"
        return None

    def clash(self, moment: dt.datetime) -> BusySlot | None:
        """The earliest busy slot closer than the gap, found by bisecting the sorted slots."""
        stamp, gap = moment.timestamp(), self.gap.total_seconds()
        index = bisect.bisect_right(self.stamps, stamp - gap)
        if index < len(self.stamps) and abs(self.stamps[index] - stamp) < gap:
            return self.busy[index]
        return None

    def first_free(self, day: dt.date, at: dt.time) -> tuple[dt.datetime | None, str]:
        """The first free slot on `day` near `at`, or None and why there is none.

        Only the first refusal is put into words (it is the one shown); the planner
        tries many candidates, so the rest are not formatted at all.
        """
        blocker = self.day_blocker(day)
        if blocker:
            return None, blocker
        reason = ""
        for naive in self.candidates(day, at):
            local = self.localize(naive)
            if local is None:
                reason = reason or f"{naive:%H:%M} does not exist on {fmt_day(day)} (clocks go forward)"
                continue
            if self.request.not_before and local < self.request.not_before:
                reason = reason or f"{fmt_local(local)} has already passed"
                continue
            other = self.clash(local)
            if other is not None:
                reason = reason or self.clash_reason(other)
                continue
            # Found, perhaps off the exact slot: the first reason says why it moved.
            return local, reason
        return None, reason or f"no slot on {fmt_day(day)}"

    def clash_reason(self, other: BusySlot) -> str:
        hours = self.request.min_gap.total_seconds() / 3600
        return f"it would be within {hours:g} h of {other.label} at {fmt_local(other.at.astimezone(self.tz))}"

    def take(self, moment: dt.datetime, label: str) -> None:
        index = bisect.bisect_right(self.stamps, moment.timestamp())
        self.stamps.insert(index, moment.timestamp())
        self.busy.insert(index, BusySlot(moment, label))


class _Targets:
    """An iterator of (day, time) targets with one item of look-ahead."""

    def __init__(self, items: Iterator[tuple[dt.date, dt.time]]) -> None:
        self._items = items
        self._next = next(items, None)

    def peek(self) -> tuple[dt.date, dt.time] | None:
        return self._next

    def pop(self) -> tuple[dt.date, dt.time] | None:
        item, self._next = self._next, next(self._items, None)
        return item


def _cadence_targets(
    request: PlanRequest, *, after: dt.date | None = None
) -> Iterator[tuple[dt.date, dt.time]]:
    for day in ideal_dates(request, after=after):
        yield day, request.posting_time


def _then_cadence(
    request: PlanRequest, targets: Sequence[tuple[dt.date, dt.time]]
) -> Iterator[tuple[dt.date, dt.time]]:
    yield from targets
    yield from _cadence_targets(request, after=targets[-1][0] if targets else None)


def plan_series(
    request: PlanRequest,
    busy: Sequence[BusySlot] = (),
    *,
    targets: Sequence[tuple[dt.date, dt.time]] | None = None,
    count: int | None = None,
    after_day: dt.date | None = None,
    numbers: Sequence[int] | None = None,
) -> Plan:
    """Place parts `first_number`, `first_number + 1`, … of a series.

    `busy` are the creator's other scheduled posts. Without `targets` the parts follow
    the cadence from the start date; with them (rescheduling, "shift the rest") part i
    aims at targets[i] and, when bumped, at the cadence days after the last target.
    `after_day`: parts go strictly after this day (earlier parts already posted or placed).
    `numbers`: the part numbers to place, when they are not consecutive (posted parts in between).
    """
    if count is None:
        if targets is not None:
            count = len(targets)
        elif request.parts_count is None:
            count = parts_in_horizon(request, after=after_day)
        else:
            count = max(0, request.parts_count - request.first_number + 1)
    stream = _Targets(
        _cadence_targets(request, after=after_day)
        if targets is None
        else _then_cadence(request, list(targets))
    )
    slots = _Slots(request, busy)
    plan = Plan()
    last_day = after_day
    wanted = (
        list(numbers)
        if numbers is not None
        else list(range(request.first_number, request.first_number + count))
    )
    for index, number in enumerate(wanted):
        placement, reason = _place_one(number, stream, slots, request, last_day)
        if placement is None:
            plan.unplaced.append(Unplaced(number, reason))
            plan.unplaced.extend(
                Unplaced(n, f"comes after part {number}, which could not be placed")
                for n in wanted[index + 1 :]
            )
            break
        slots.take(placement.local, f"part {number}")
        plan.placements.append(placement)
        last_day = placement.local.date()
    return plan


def _place_one(
    number: int, stream: _Targets, slots: _Slots, request: PlanRequest, last_day: dt.date | None
) -> tuple[Placement | None, str]:
    """Take targets until one (or a day near it) is free; remember why the ones before were not."""
    first: tuple[dt.date, dt.time] | None = None
    blocked: list[str] = []  # "day: reason" for each target day that was blocked
    while True:
        target = stream.pop()
        if target is None:
            return None, _why_not("no posting day left to try", blocked)
        day, at = target
        if last_day is not None and day <= last_day:
            continue
        if request.end_date is not None and day > request.end_date:
            return None, _why_not(
                f"no free posting day on or before the end date {fmt_day(request.end_date)}", blocked
            )
        if first is None:
            first = target
        local, reason = slots.first_free(day, at)
        if local is None:
            upcoming = stream.peek()
            local = _nearby(slots, day, at, last_day, upcoming[0] if upcoming else None, request.end_date)
        if local is None:
            blocked.append(f"{fmt_day(day)}: {reason}")
            continue
        note = ""
        planned = dt.datetime.combine(first[0], first[1])
        if (local.date(), local.time()) != (first[0], first[1]):
            why = blocked[0].split(": ", 1)[1] if blocked else reason
            note = f"{fmt_local(planned)} was blocked ({why}); placed {fmt_local(local)} instead"
        return Placement(number, local.astimezone(dt.UTC), local, first[0], note), ""


def _why_not(headline: str, blocked: list[str]) -> str:
    """The headline and the first few blocked days with their reasons."""
    if not blocked:
        return headline
    shown = "; ".join(blocked[:3])
    more = f"; and {len(blocked) - 3} more days" if len(blocked) > 3 else ""
    return f"{headline} ({shown}{more})"


def _nearby(
    slots: _Slots,
    day: dt.date,
    at: dt.time,
    last_day: dt.date | None,
    next_target: dt.date | None,
    end_date: dt.date | None,
) -> dt.datetime | None:
    """A free slot on the allowed day nearest to `day`, after the previous part and before the next target."""
    lower = max(last_day + dt.timedelta(days=1), slots.request.start_date) if last_day else day
    upper = next_target - dt.timedelta(days=1) if next_target else day + dt.timedelta(days=6)
    if end_date is not None:
        upper = min(upper, end_date)
    options = []
    probe = lower
    while probe <= upper:
        if probe != day and probe.weekday() in slots.allowed:
            options.append(probe)
        probe += dt.timedelta(days=1)
    # Nearest first; on a tie, later rather than earlier (a post late beats a post early).
    options.sort(key=lambda d: (abs((d - day).days), d < day))
    for option in options:
        local, _ = slots.first_free(option, at)
        if local is not None:
            return local
    return None


def check_slot(moment: dt.datetime, request: PlanRequest, busy: Sequence[BusySlot] = ()) -> list[str]:
    """Why a hand-picked time breaks the creator's own rules (empty list: it is fine)."""
    slots = _Slots(request, busy)
    local = moment.astimezone(slots.tz)
    problems = []
    blocker = slots.day_blocker(local.date())
    if blocker:
        problems.append(blocker)
    if request.not_before and local < request.not_before:
        problems.append(f"{fmt_local(local)} has already passed")
    other = slots.clash(local)
    if other is not None:
        hours = request.min_gap.total_seconds() / 3600
        problems.append(
            f"it is within {hours:g} h of {other.label} at {fmt_local(other.at.astimezone(slots.tz))}"
        )
    return problems
