from __future__ import annotations

import datetime as dt

import pytest

from accounts.models import profile_for
from series.models import Part, Series
from series.services import (
    RESCHEDULE_ONLY_THIS,
    RESCHEDULE_SHIFT_REST,
    ScheduleError,
    calendar_token_reset,
    part_reschedule,
    part_status_set,
    series_create,
    series_update,
)
from tests.series.factories import MONDAY, NOW, OSLO, local, make_series, series_fields

pytestmark = pytest.mark.django_db


def test_creating_a_series_places_every_part_with_its_texts(owner):
    series = make_series(owner)
    parts = list(series.parts.order_by("number"))
    assert [p.title for p in parts] == [f"Part {n}/6" for n in range(1, 7)]
    assert [local(p).strftime("%a %H:%M") for p in parts[:3]] == ["Mon 18:00", "Wed 18:00", "Fri 18:00"]
    assert all(p.hook_prompt and p.teaser for p in parts)
    assert "Part 2/6" in parts[0].teaser and "whole series" in parts[-1].teaser
    # No suggestion index in tests: the caption falls back to the series' own keywords and tags.
    assert "Cheap lunch." in parts[0].caption_draft and "#mealprep" in parts[0].caption_draft
    assert all(p.status == Part.Status.IDEA for p in parts)


def test_a_series_that_cannot_fit_saves_nothing(owner):
    blackouts = [(MONDAY + dt.timedelta(days=i)).isoformat() for i in range(1, 7)]
    with pytest.raises(ScheduleError) as error:
        make_series(owner, end_date=MONDAY + dt.timedelta(days=6), blackout_dates=blackouts)
    assert "Part 2: no free posting day on or before the end date" in error.value.problems[0]
    assert not Series.objects.exists() and not Part.objects.exists()


def test_a_second_series_keeps_the_minimum_gap_to_the_first(owner):
    first = make_series(owner, min_gap_hours=4)
    second = make_series(owner, title="Vlog", min_gap_hours=4, cadence_kind="every_n_days", cadence_value=1)
    taken = [p.scheduled_at for p in first.parts.all()]
    for part in second.parts.all():
        assert all(abs(part.scheduled_at - t) >= dt.timedelta(hours=4) for t in taken)
    assert first.color != second.color


def test_only_this_moves_one_part_and_clears_its_reminder(owner):
    series = make_series(owner)
    part = series.parts.get(number=2)
    Part.objects.filter(pk=part.pk).update(reminder_sent_at=NOW)
    before = {p.number: p.scheduled_at for p in series.parts.all()}
    when = dt.datetime(2027, 1, 7, 20, 0, tzinfo=OSLO)
    part_reschedule(part=part, when=when, mode=RESCHEDULE_ONLY_THIS, now=NOW)
    after = {p.number: p.scheduled_at for p in series.parts.all()}
    assert after[2] == when
    assert {n: t for n, t in after.items() if n != 2} == {n: t for n, t in before.items() if n != 2}
    assert series.parts.get(number=2).reminder_sent_at is None


def test_shift_rest_moves_later_parts_by_as_many_days_and_keeps_their_time(owner):
    series = make_series(owner)
    before = {p.number: local(p) for p in series.parts.all()}
    part = series.parts.get(number=2)
    when = before[2] + dt.timedelta(days=1, hours=1)  # Thursday 19:00
    plan = part_reschedule(part=part, when=when, mode=RESCHEDULE_SHIFT_REST, now=NOW)
    after = {p.number: local(p) for p in series.parts.all()}
    assert after[1] == before[1]
    assert after[2] == when
    for n in range(3, 7):
        assert after[n] == before[n] + dt.timedelta(days=1), n
    assert plan.fits and [p.number for p in plan.placements] == [3, 4, 5, 6]


def test_shift_rest_leaves_posted_parts_where_they_are(owner):
    series = make_series(owner)
    posted = series.parts.get(number=4)
    part_status_set(part=posted, status=Part.Status.POSTED, now=NOW)
    before = local(series.parts.get(number=4))
    part_reschedule(
        part=series.parts.get(number=2),
        when=local(series.parts.get(number=2)) + dt.timedelta(days=1),
        mode=RESCHEDULE_SHIFT_REST,
        now=NOW,
    )
    assert local(series.parts.get(number=4)) == before


def test_a_move_too_close_to_another_post_is_refused_and_changes_nothing(owner):
    series = make_series(owner)
    other = make_series(owner, title="Vlog", start_date=MONDAY + dt.timedelta(days=1), parts_count=1)
    before = {p.pk: p.scheduled_at for p in Part.objects.all()}
    clash = other.parts.get().scheduled_at + dt.timedelta(hours=1)
    with pytest.raises(ScheduleError) as error:
        part_reschedule(part=series.parts.get(number=2), when=clash, mode=RESCHEDULE_SHIFT_REST, now=NOW)
    assert "within 12 h of “Vlog” part 1" in str(error.value)
    assert {p.pk: p.scheduled_at for p in Part.objects.all()} == before


def test_a_shift_that_pushes_parts_past_the_end_date_rolls_everything_back(owner):
    series = make_series(owner, end_date=MONDAY + dt.timedelta(days=12))
    before = {p.pk: p.scheduled_at for p in Part.objects.all()}
    with pytest.raises(ScheduleError) as error:
        part_reschedule(
            part=series.parts.get(number=2),
            when=local(series.parts.get(number=2)) + dt.timedelta(days=5),
            mode=RESCHEDULE_SHIFT_REST,
            now=NOW,
        )
    assert "end date" in str(error.value)
    assert {p.pk: p.scheduled_at for p in Part.objects.all()} == before


def test_editing_a_series_replans_the_parts_not_yet_posted(owner):
    series = make_series(owner)
    part_status_set(part=series.parts.get(number=1), status=Part.Status.POSTED, now=NOW)
    first = local(series.parts.get(number=1))
    series_update(series=series, fields={"posting_time": dt.time(20, 0), "parts_count": 4}, now=NOW)
    parts = list(series.parts.order_by("number"))
    assert [p.title for p in parts] == ["Part 1/4", "Part 2/4", "Part 3/4", "Part 4/4"]
    assert local(parts[0]) == first
    assert {local(p).time() for p in parts[1:]} == {dt.time(20, 0)}
    assert all(local(p).date() > first.date() for p in parts[1:])


def test_a_posted_part_records_when_and_unposting_clears_it(owner):
    part = make_series(owner).parts.get(number=1)
    part_status_set(part=part, status=Part.Status.POSTED, now=NOW)
    assert part.posted_at == NOW
    part_status_set(part=part, status=Part.Status.FILMED, now=NOW)
    assert part.posted_at is None
    with pytest.raises(ScheduleError):
        part_status_set(part=part, status="viral", now=NOW)


def test_an_open_ended_series_gets_eight_weeks_of_parts(owner):
    series = make_series(owner, parts_count=None, cadence_value=2)
    assert series.parts.count() == 16
    assert series.parts.get(number=3).title == "Part 3"


def test_auto_posting_time_falls_back_to_the_default_evening_without_data(owner):
    series = make_series(owner, posting_time_mode="auto", posting_time=None)
    assert series.posting_time == dt.time(19, 0)
    assert {local(p).time() for p in series.parts.all()} == {dt.time(19, 0)}


def test_resetting_the_calendar_token_replaces_it(owner):
    old = profile_for(owner).calendar_token
    assert calendar_token_reset(user=owner).calendar_token != old


def test_an_invalid_series_raises_before_anything_is_saved(owner):
    with pytest.raises(Exception):  # noqa: B017 - the model's own validation error
        series_create(owner=owner, fields=series_fields(cadence_value=0), now=NOW)
    assert not Series.objects.exists()
