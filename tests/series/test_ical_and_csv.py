"""The iCal feed parsed back with icalendar, event by event; the CSV export read back with csv."""

from __future__ import annotations

import csv
import datetime as dt
import io
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.urls import reverse

from accounts.models import profile_for
from series.models import Part
from series.services import calendar_token_reset, part_reschedule
from tests.series.factories import NOW, make_series

pytestmark = pytest.mark.django_db
NEW_YORK = ZoneInfo("America/New_York")


def feed(client, user) -> icalendar.Calendar:
    token = profile_for(user).calendar_token
    response = client.get(reverse("series:ical_feed", args=[token]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def test_the_feed_has_one_event_per_scheduled_part_in_the_series_time_zone(client, owner, settings):
    settings.SITE_URL = "https://hookline.example"
    oslo = make_series(owner, parts_count=3)
    # Across the New York DST change (7 Nov 2027): the local time must stay 09:00.
    ny = make_series(
        owner,
        title="NYC food",
        timezone="America/New_York",
        start_date=dt.date(2027, 11, 5),
        cadence_kind="every_n_days",
        cadence_value=1,
        parts_count=4,
        posting_time=dt.time(9, 0),
        min_gap_hours=1,
    )
    Part.objects.filter(series=oslo, number=3).update(scheduled_at=None)  # unscheduled: no event
    cal = feed(client, owner)
    events = cal.walk("VEVENT")
    scheduled = Part.objects.filter(series__owner=owner, scheduled_at__isnull=False)
    assert len(events) == scheduled.count() == 6
    by_uid = {str(e["UID"]): e for e in events}
    assert len(by_uid) == 6
    for part in scheduled.select_related("series"):
        event = by_uid[f"part-{part.pk}@hookline"]
        start = event.decoded("DTSTART")
        assert event["DTSTART"].params["TZID"] == part.series.timezone
        assert start == part.scheduled_at
        assert start.astimezone(ZoneInfo(part.series.timezone)).time() == part.series.posting_time
        assert event.decoded("DTEND") - start == dt.timedelta(minutes=15)
        assert str(event["SUMMARY"]) == f"{part.series.title} · {part.title}"
        assert part.caption_draft.splitlines()[0] in str(event["DESCRIPTION"])
        assert str(event["URL"]) == f"https://hookline.example/series/parts/{part.pk}/"
    ny_starts = sorted(e.decoded("DTSTART") for e in events if str(e["SUMMARY"]).startswith("NYC"))
    assert [s.utcoffset() for s in ny_starts] == [dt.timedelta(hours=h) for h in (-4, -4, -5, -5)]
    assert ny.parts.count() == 4


def test_the_feed_carries_the_timezone_definitions(client, owner):
    make_series(owner, parts_count=1)
    make_series(owner, title="NY", timezone="America/New_York", parts_count=1, posting_time=dt.time(9, 0))
    cal = feed(client, owner)
    assert {str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")} == {"Europe/Oslo", "America/New_York"}
    assert str(cal["VERSION"]) == "2.0" and "Hookline" in str(cal["PRODID"])
    oslo = next(tz for tz in cal.walk("VTIMEZONE") if str(tz["TZID"]) == "Europe/Oslo")
    assert {c.name for c in oslo.subcomponents} == {"STANDARD", "DAYLIGHT"}


def test_a_moved_part_keeps_its_uid_and_shows_the_new_time(client, owner):
    series = make_series(owner, parts_count=2)
    part = series.parts.get(number=2)
    when = dt.datetime(2027, 1, 9, 11, 0, tzinfo=ZoneInfo("Europe/Oslo"))
    part_reschedule(part=part, when=when, now=NOW)
    event = next(e for e in feed(client, owner).walk("VEVENT") if str(e["UID"]) == f"part-{part.pk}@hookline")
    assert event.decoded("DTSTART") == when


def test_the_feed_shows_only_its_owners_parts(client, owner, other):
    make_series(owner, parts_count=2)
    make_series(other, title="Theirs", parts_count=3)
    events = feed(client, other).walk("VEVENT")
    assert len(events) == 3 and all(str(e["SUMMARY"]).startswith("Theirs") for e in events)


def test_a_reset_token_revokes_the_old_feed_url(client, owner):
    make_series(owner, parts_count=1)
    old = profile_for(owner).calendar_token
    calendar_token_reset(user=owner)
    assert client.get(reverse("series:ical_feed", args=[old])).status_code == 404
    assert client.get(reverse("series:ical_feed", args=["not-a-token"])).status_code == 404
    assert len(feed(client, owner).walk("VEVENT")) == 1


def test_the_csv_export_has_one_row_per_part_with_local_and_utc_times(owner_client, owner):
    series = make_series(owner, parts_count=3, title="=HYPERLINK(evil)")
    make_series(owner, title="Other", parts_count=2, start_date=dt.date(2027, 2, 1))
    response = owner_client.get(reverse("series:export_csv"), {"series": series.pk})
    assert response["Content-Disposition"] == f'attachment; filename="hookline-series-{series.pk}.csv"'
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [r["part"] for r in rows] == ["1", "2", "3"]
    assert rows[0]["series"] == "'=HYPERLINK(evil)"  # never a formula in a spreadsheet
    assert (rows[0]["local_date"], rows[0]["local_time"], rows[0]["timezone"]) == (
        "2027-01-04",
        "18:00",
        "Europe/Oslo",
    )
    assert rows[0]["scheduled_at_utc"] == "2027-01-04T17:00:00+00:00"
    everything = list(
        csv.DictReader(io.StringIO(owner_client.get(reverse("series:export_csv")).content.decode()))
    )
    assert len(everything) == 5


def test_the_feed_of_a_deactivated_creator_is_gone(client, owner):
    make_series(owner, parts_count=1)
    token = profile_for(owner).calendar_token
    owner.is_active = False
    owner.save(update_fields=["is_active"])
    assert client.get(reverse("series:ical_feed", args=[token])).status_code == 404
