"""Writes for series and parts: create, (re)schedule, reschedule one part, status, delete.

Every service is atomic: when the plan does not fit, ScheduleError is raised and the
transaction rolls back, so nothing is saved half-way. Reads live in series.selectors.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from accounts.models import Profile, profile_for
from series import content
from series.cadence import PlanRequest
from series.models import Part, Series
from series.planner import BusySlot, Plan, check_slot, plan_series
from series.selectors import busy_slots_for, series_color_unused

RESCHEDULE_ONLY_THIS = "only_this"
RESCHEDULE_SHIFT_REST = "shift_rest"
STATUS_ORDER = [s.value for s in Part.Status]
WORKING_TITLE = re.compile(r"Part \d+(/\d+)?")


class ScheduleError(ValueError):
    """A plan or a move that breaks the creator's rules; `problems` say which and why."""

    def __init__(self, problems: list[str], plan: Plan | None = None) -> None:
        self.problems = problems
        self.plan = plan
        super().__init__("; ".join(problems))


def plan_request_for(series: Series, *, now: dt.datetime | None = None, **overrides: Any) -> PlanRequest:
    """The planner's view of a series (its posting time must be resolved, see series_posting_time)."""
    values: dict[str, Any] = {
        "start_date": series.start_date,
        "posting_time": series.posting_time or dt.time(19, 0),
        "timezone": series.timezone,
        "cadence_kind": series.cadence_kind,
        "cadence_value": series.cadence_value,
        "parts_count": series.parts_count,
        "allowed_weekdays": list(series.allowed_weekdays or []),
        "blackout_dates": [dt.date.fromisoformat(d) for d in series.blackout_dates or []],
        "min_gap": dt.timedelta(hours=series.min_gap_hours),
        "end_date": series.end_date,
        "not_before": now or timezone.now(),
    }
    values.update(overrides)
    return PlanRequest(**values)


def series_posting_time(series: Series) -> dt.time:
    """The local slot: the fixed time, or the best peak hour for the series' audience."""
    if series.posting_time_mode == Series.PostingTimeMode.FIXED and series.posting_time:
        return series.posting_time
    from series.peak_hours import peak_hours_compute  # heavy read; only when auto

    profile = profile_for(series.owner)
    hours = peak_hours_compute(
        timezone_name=series.timezone,
        niche=series.niche,
        language=series.language,
        handle=profile.tiktok_handle,
        user=series.owner,
    )
    return hours.best_time


@transaction.atomic
def series_create(*, owner, fields: dict[str, Any], now: dt.datetime | None = None) -> tuple[Series, Plan]:
    """Create a series with its parts placed on the calendar, or raise ScheduleError and save nothing."""
    series = Series(owner=owner, **fields)
    if not fields.get("color"):
        series.color = series_color_unused(owner=owner)
    series.full_clean()
    series.save()
    plan = series_schedule(series=series, now=now)
    return series, plan


@transaction.atomic
def series_update(*, series: Series, fields: dict[str, Any], now: dt.datetime | None = None) -> Plan:
    """Apply edited settings and re-plan every part not yet posted."""
    for name, value in fields.items():
        setattr(series, name, value)
    series.full_clean()
    series.save()
    return series_schedule(series=series, now=now)


@transaction.atomic
def series_schedule(*, series: Series, now: dt.datetime | None = None) -> Plan:
    """(Re)place every part of the series that is not posted yet, keeping posted parts as they are.

    Creates the missing parts (or the horizon's worth for an open-ended series) and
    removes unposted parts beyond a lowered part count.
    """
    now = now or timezone.now()
    series.posting_time = series_posting_time(series)
    series.save(update_fields=["posting_time", "updated_at"])
    tz = ZoneInfo(series.timezone)
    parts = {p.number: p for p in series.parts.select_for_update()}
    posted = [p for p in parts.values() if p.status == Part.Status.POSTED]
    first_open = max((p.number for p in posted), default=0) + 1
    # The next part goes after the last posted one, whether it went out early or late.
    posted_moments = [m for p in posted for m in (p.posted_at, p.scheduled_at) if m]
    last_posted_day = max((m.astimezone(tz).date() for m in posted_moments), default=None)
    request = plan_request_for(series, now=now, first_number=first_open)
    # Open-ended (None): the planner counts the horizon's posting days.
    count = None if series.parts_count is None else max(0, series.parts_count - first_open + 1)
    # Parts go after the last posted one and from today on (yesterday is the latest "after").
    yesterday = now.astimezone(tz).date() - dt.timedelta(days=1)
    after_day = max(last_posted_day or yesterday, yesterday)
    busy = busy_slots_for(series.owner, exclude_series=series)
    plan = plan_series(request, busy, count=count, after_day=after_day)
    if not plan.fits:
        raise ScheduleError(plan.explanations, plan)
    keep_posted = {p.number for p in posted}
    Part.objects.filter(series=series, number__gte=first_open).exclude(number__in=keep_posted).exclude(
        number__in=[pl.number for pl in plan.placements]
    ).delete()
    fresh = [pl.number for pl in plan.placements if pl.number not in parts]
    texts = content.series_texts(series=series, total=None, numbers=fresh) if fresh else {}
    for placement in plan.placements:
        part = parts.get(placement.number)
        if part is None:
            text = texts[placement.number]
            part = Part(
                series=series,
                number=placement.number,
                title=text.title,
                hook_prompt=text.hook_prompt,
                teaser=text.teaser,
                caption_draft=text.caption_draft,
            )
        elif WORKING_TITLE.fullmatch(part.title):
            # Keep "Part n/N" right when N changed; a title the creator wrote stays.
            part.title = content.part_title(placement.number, series.parts_count)
        if part.scheduled_at != placement.at:
            part.reminder_sent_at = None
        part.scheduled_at = placement.at
        part.save()
    placed = {pl.number for pl in plan.placements}
    for part in series.parts.exclude(number__in=placed):
        title = content.part_title(part.number, series.parts_count)
        if part.number not in placed and WORKING_TITLE.fullmatch(part.title) and part.title != title:
            part.title = title
            part.save(update_fields=["title", "updated_at"])
    return plan


@transaction.atomic
def part_reschedule(
    *, part: Part, when: dt.datetime, mode: str = RESCHEDULE_ONLY_THIS, now: dt.datetime | None = None
) -> Plan:
    """Move one part to `when`; with mode "shift_rest" the later unposted parts move by as many days.

    The moved part must respect blackouts and the minimum gap; the shifted parts are
    re-placed by the planner (a blocked day moves to the nearest free one). Raises
    ScheduleError, leaving everything as it was, when the move or the shift does not fit.
    """
    if mode not in (RESCHEDULE_ONLY_THIS, RESCHEDULE_SHIFT_REST):
        raise ScheduleError([f"Unknown reschedule mode {mode!r}."])
    if timezone.is_naive(when):
        raise ScheduleError(["The new time has no time zone."])
    part = Part.objects.select_for_update().select_related("series").get(pk=part.pk)
    series = part.series
    request = plan_request_for(series, now=now)
    tz = request.tz
    later = list(
        series.parts.select_for_update()
        .filter(number__gt=part.number)
        .exclude(status=Part.Status.POSTED)
        .order_by("number")
    )
    moving_ids = {part.pk} | ({p.pk for p in later} if mode == RESCHEDULE_SHIFT_REST else set())
    busy = busy_slots_for(series.owner, exclude_part_ids=moving_ids)
    problems = check_slot(when, request, busy)
    if problems:
        raise ScheduleError([f"Part {part.number} cannot move there: {p}." for p in problems])
    old_local = part.scheduled_at.astimezone(tz) if part.scheduled_at else None
    new_local = when.astimezone(tz)
    part.scheduled_at = when.astimezone(dt.UTC)
    part.reminder_sent_at = None
    part.save(update_fields=["scheduled_at", "reminder_sent_at", "updated_at"])
    plan = Plan()
    if mode == RESCHEDULE_SHIFT_REST and later:
        shift = (new_local.date() - old_local.date()) if old_local else dt.timedelta(0)
        targets = [_shifted_target(p, shift, request) for p in later]
        busy = [*busy, BusySlot(when, f"part {part.number}")]
        shifted_request = plan_request_for(series, now=now, first_number=later[0].number)
        plan = plan_series(
            shifted_request,
            busy,
            targets=targets,
            after_day=new_local.date(),
            numbers=[p.number for p in later],
        )
        if not plan.fits:
            raise ScheduleError(plan.explanations, plan)
        by_number = {p.number: p for p in later}
        for placement in plan.placements:
            moved = by_number[placement.number]
            moved.scheduled_at = placement.at
            moved.reminder_sent_at = None
            moved.save(update_fields=["scheduled_at", "reminder_sent_at", "updated_at"])
    return plan


def _shifted_target(part: Part, shift: dt.timedelta, request: PlanRequest) -> tuple[dt.date, dt.time]:
    if part.scheduled_at is None:
        return request.start_date, request.posting_time
    local = part.scheduled_at.astimezone(request.tz)
    # Whole local days, and the part keeps its wall-clock time across a DST change.
    return local.date() + shift, local.time().replace(tzinfo=None)


@transaction.atomic
def part_status_set(*, part: Part, status: str, now: dt.datetime | None = None) -> Part:
    """Move a part along idea → scripted → filmed → scheduled → posted (or back)."""
    if status not in STATUS_ORDER:
        raise ScheduleError([f"Unknown status {status!r}."])
    part.status = status
    if status == Part.Status.POSTED:
        part.posted_at = part.posted_at or now or timezone.now()
    else:
        part.posted_at = None
    part.save(update_fields=["status", "posted_at", "updated_at"])
    return part


@transaction.atomic
def part_update(*, part: Part, fields: dict[str, Any], now: dt.datetime | None = None) -> Part:
    """Save edited texts of a part; a status change goes through part_status_set."""
    status = fields.pop("status", None)
    for name, value in fields.items():
        setattr(part, name, value)
    part.save()
    if status is not None and status != part.status:
        part_status_set(part=part, status=status, now=now)
    return part


@transaction.atomic
def part_draft_open(*, part: Part):
    """The caption assistant's draft for this part, created from the part's caption draft on first use."""
    from captions.models import LANGUAGE_NAMES, Draft

    part = Part.objects.select_for_update().select_related("series").get(pk=part.pk)
    if part.draft_id is not None:
        return part.draft
    series = part.series
    draft = Draft.objects.create(
        owner=series.owner,
        title=f"{series.title} · {part.title}"[:200],
        topic=series.topic or series.title,
        hook=part.hook_prompt[:300],
        caption=part.caption_draft,
        language=series.language if series.language in LANGUAGE_NAMES else "",
        niche=series.niche,
        hashtags=list(series.hashtags or []),
    )
    part.draft = draft
    part.save(update_fields=["draft", "updated_at"])
    return draft


@transaction.atomic
def series_delete(*, series: Series) -> None:
    series.delete()


def calendar_token_reset(*, user) -> Profile:
    """A new secret for the iCal feed; the old URL stops working at once."""
    from accounts.models import _new_calendar_token

    profile = profile_for(user)
    profile.calendar_token = _new_calendar_token()
    profile.save(update_fields=["calendar_token"])
    return profile
