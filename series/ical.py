"""The creator's iCal feed (RFC 5545): one VEVENT per scheduled part, in the series' time zone.

Served at a secret URL (accounts.Profile.calendar_token) so calendar apps can subscribe
without signing in; resetting the token revokes the old URL. VTIMEZONE blocks are
generated from the IANA database for the years the events span, so every client shows
the same local time the creator planned.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from zoneinfo import ZoneInfo

import icalendar
from django.urls import reverse
from django.utils import timezone

from series.models import Part

EVENT_MINUTES = 15  # posting takes a moment; a short block keeps the calendar readable
PRODID = "-//Hookline//Series planner//EN"


def part_uid(part: Part) -> str:
    # Stable for the part's life, so a moved part updates the same event in subscribed calendars.
    return f"part-{part.pk}@hookline"


def part_summary(part: Part) -> str:
    return f"{part.series.title} · {part.title}"


def part_description(part: Part, link: str) -> str:
    lines = [f"Status: {part.get_status_display()}"]
    if part.hook_prompt:
        lines.append(f"Hook: {part.hook_prompt}")
    if part.teaser:
        lines.append(f"Teaser: {part.teaser}")
    if part.caption_draft:
        lines += ["", "Caption draft:", part.caption_draft]
    lines += ["", link]
    return "\n".join(lines)


def calendar_feed_build(*, parts: Iterable[Part], site_url: str, name: str) -> bytes:
    """The .ics bytes for these parts (only those with a time are included)."""
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    stamp = timezone.now()
    years: list[int] = []
    for part in parts:
        if part.scheduled_at is None:
            continue
        start = part.scheduled_at.astimezone(ZoneInfo(part.series.timezone))
        years.append(start.year)
        link = site_url + reverse("series:part_edit", args=[part.pk])
        event = icalendar.Event()
        event.add("uid", part_uid(part))
        event.add("dtstamp", stamp)
        event.add("last-modified", part.updated_at)
        event.add("dtstart", start)
        event.add("dtend", start + dt.timedelta(minutes=EVENT_MINUTES))
        event.add("summary", part_summary(part))
        event.add("description", part_description(part, link))
        event.add("url", link)
        event.add("categories", [part.series.title])
        event.add("status", "CONFIRMED")
        cal.add_component(event)
    if years:
        cal.add_missing_timezones(
            first_date=dt.date(min(years) - 1, 1, 1), last_date=dt.date(max(years) + 2, 1, 1)
        )
    return cal.to_ical()
