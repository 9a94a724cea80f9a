"""Month and week grids: boundaries, Monday-first weeks, local days across time zones and DST."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from accounts.models import profile_for
from series.calendar import (
    CalendarInputError,
    contrast_ratio,
    creator_zone,
    month_grid_build,
    month_parse,
    parts_by_local_day,
    series_colors,
    week_grid_build,
    week_param,
    week_parse,
)
from series.models import SERIES_COLORS, Part
from tests.series.factories import OSLO, make_bare_series, make_part, oslo

pytestmark = pytest.mark.django_db

UTC = ZoneInfo("UTC")


def test_the_month_grid_runs_from_the_monday_before_the_first_to_the_sunday_after_the_last(owner):
    grid = month_grid_build(user=owner, month=date(2026, 11, 1), today=date(2026, 11, 28), zone=OSLO)

    assert grid.days[0].date == date(2026, 10, 26)  # 1 Nov 2026 is a Sunday
    assert grid.days[-1].date == date(2026, 12, 6)
    assert len(grid.weeks) == 6
    assert all(len(week) == 7 for week in grid.weeks)
    assert all(week[0].date.weekday() == 0 for week in grid.weeks)
    in_month = [d.date for d in grid.days if d.in_range]
    assert (in_month[0], in_month[-1], len(in_month)) == (date(2026, 11, 1), date(2026, 11, 30), 30)


def test_a_month_starting_on_monday_has_no_leading_days(owner):
    grid = month_grid_build(user=owner, month=date(2027, 2, 1), today=date(2027, 2, 10), zone=OSLO)

    assert grid.days[0].date == date(2027, 2, 1)
    assert len(grid.weeks) == 4  # February 2027: Monday 1st to Sunday 28th
    assert grid.prev_param == "2027-01"
    assert grid.next_param == "2027-03"


def test_december_links_to_january_of_the_next_year(owner):
    grid = month_grid_build(user=owner, month=date(2026, 12, 1), today=date(2026, 12, 1), zone=OSLO)

    assert grid.next_param == "2027-01"
    assert grid.days[-1].date == date(2027, 1, 3)


def test_today_is_marked_once(owner):
    grid = month_grid_build(user=owner, month=date(2026, 11, 1), today=date(2026, 11, 28), zone=OSLO)

    assert [d.date for d in grid.days if d.is_today] == [date(2026, 11, 28)]
    assert all(d.is_past for d in grid.days if d.date < date(2026, 11, 28))


def test_a_part_at_23_30_in_oslo_lands_on_its_oslo_day_not_its_utc_day(owner):
    series = make_bare_series(owner)
    late = make_part(series, 1, oslo(2026, 11, 30, 23, 30))  # 22:30 UTC the same day
    summer_late = make_part(series, 2, oslo(2026, 7, 14, 23, 30))  # 21:30 UTC
    early = make_part(series, 3, datetime(2026, 11, 30, 23, 30, tzinfo=UTC))  # 00:30 on 1 Dec in Oslo

    grid = month_grid_build(user=owner, month=date(2026, 11, 1), today=date(2026, 11, 1), zone=OSLO)
    by_day = {d.date: [p.pk for p in d.parts] for d in grid.days}

    assert by_day[date(2026, 11, 30)] == [late.pk]
    assert by_day[date(2026, 12, 1)] == [early.pk]  # shown in the trailing days of the grid
    july = month_grid_build(user=owner, month=date(2026, 7, 1), today=date(2026, 7, 1), zone=OSLO)
    assert [p.pk for p in next(d for d in july.days if d.date == date(2026, 7, 14)).parts] == [summer_late.pk]


def test_parts_keep_their_wall_clock_time_on_both_sides_of_a_dst_change(owner):
    series = make_bare_series(owner)
    before = make_part(series, 1, oslo(2026, 10, 24, 18, 0))  # CEST, UTC+2
    after = make_part(series, 2, oslo(2026, 10, 26, 18, 0))  # CET, UTC+1

    grouped = parts_by_local_day(Part.objects.filter(pk__in=[before.pk, after.pk]), zone=OSLO)

    assert grouped[date(2026, 10, 24)][0].local_at.strftime("%H:%M") == "18:00"
    assert grouped[date(2026, 10, 26)][0].local_at.strftime("%H:%M") == "18:00"


def test_the_calendar_uses_the_creators_time_zone(owner):
    profile = profile_for(owner)
    profile.timezone = "America/New_York"
    profile.save()
    series = make_bare_series(owner)
    # 23:30 in Oslo is 17:30 in New York, the same date.
    part = make_part(series, 1, oslo(2026, 11, 30, 23, 30))
    # 03:00 in Oslo on 1 Dec is still 30 Nov in New York.
    night = make_part(series, 2, oslo(2026, 12, 1, 3, 0))

    zone = creator_zone(owner)
    grid = month_grid_build(user=owner, month=date(2026, 11, 1), today=date(2026, 11, 1), zone=zone)
    nov30 = next(d for d in grid.days if d.date == date(2026, 11, 30))

    assert zone.key == "America/New_York"
    assert [p.pk for p in nov30.parts] == [part.pk, night.pk]
    assert nov30.parts[0].local_at.strftime("%H:%M") == "17:30"


def test_an_unknown_profile_time_zone_falls_back_to_the_sites(owner, settings):
    profile = profile_for(owner)
    profile.timezone = "Mars/Olympus_Mons"
    profile.save()

    assert creator_zone(owner).key == settings.TIME_ZONE


def test_the_grid_shows_only_the_creators_parts_and_skips_unscheduled_ones(owner, other):
    mine = make_part(make_bare_series(owner), 1, oslo(2026, 11, 10))
    make_part(make_bare_series(owner, title="Ideas"), 1, None, status=Part.Status.IDEA)
    make_part(make_bare_series(other, title="Not yours"), 1, oslo(2026, 11, 10))

    grid = month_grid_build(user=owner, month=date(2026, 11, 1), today=date(2026, 11, 1), zone=OSLO)

    assert [p.pk for d in grid.days for p in d.parts] == [mine.pk]
    assert grid.parts_count == 1


def test_a_posted_part_shows_on_the_day_it_went_out(owner):
    series = make_bare_series(owner)
    part = make_part(
        series, 1, oslo(2026, 11, 10), status=Part.Status.POSTED, posted_at=oslo(2026, 11, 12, 9, 15)
    )

    grid = month_grid_build(user=owner, month=date(2026, 11, 1), today=date(2026, 11, 20), zone=OSLO)
    days = {d.date: [p.pk for p in d.parts] for d in grid.days}

    assert days[date(2026, 11, 12)] == [part.pk]
    assert days[date(2026, 11, 10)] == []


def test_a_day_lists_its_parts_in_time_order(owner):
    series = make_bare_series(owner)
    evening = make_part(series, 1, oslo(2026, 11, 10, 20))
    morning = make_part(make_bare_series(owner, title="Gym"), 1, oslo(2026, 11, 10, 7))

    grid = week_grid_build(user=owner, monday=date(2026, 11, 9), today=date(2026, 11, 9), zone=OSLO)

    assert [p.pk for p in grid.days[1].parts] == [morning.pk, evening.pk]
    assert [item["series"].title for item in grid.legend] == ["Gym", "Sourdough basics"]


def test_the_week_grid_starts_on_monday_even_from_a_midweek_day(owner):
    grid = week_grid_build(user=owner, monday=date(2026, 11, 26), today=date(2026, 11, 26), zone=OSLO)

    assert grid.monday == date(2026, 11, 23)
    assert [d.date.weekday() for d in grid.days] == [0, 1, 2, 3, 4, 5, 6]
    assert grid.param == "2026-W48"
    assert grid.prev_param == "2026-W47"
    assert grid.month_param == "2026-11"


def test_iso_weeks_cross_the_year_boundary():
    assert week_param(date(2027, 1, 1)) == "2026-W53"
    assert week_parse("2026-W53", today=date(2026, 1, 1)) == date(2026, 12, 28)
    assert week_parse("2027-w01", today=date(2026, 1, 1)) == date(2027, 1, 4)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, date(2026, 11, 1)),
        ("", date(2026, 11, 1)),
        ("2027-03", date(2027, 3, 1)),
        ("2027-3", date(2027, 3, 1)),
    ],
)
def test_it_reads_month_parameters(value, expected):
    assert month_parse(value, today=date(2026, 11, 28)) == expected


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("november", "not a month"),
        ("2026-13", "no month 13"),
        ("2026-00", "no month 0"),
        ("0001-01", "out of range"),
        ("2026-11-01", "not a month"),
    ],
)
def test_it_explains_bad_month_parameters(value, message):
    with pytest.raises(CalendarInputError, match=message):
        month_parse(value, today=date(2026, 11, 28))


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2026-48", "not a week"),
        ("2026-W54", "no week 54"),
        ("2027-W53", "W01 to W52"),
        ("9999-W01", "out of range"),
    ],
)
def test_it_explains_bad_week_parameters(value, message):
    with pytest.raises(CalendarInputError, match=message):
        week_parse(value, today=date(2026, 11, 28))


@pytest.mark.parametrize("color", [*SERIES_COLORS, "#fde047", "#111111", "#ffffff", "#777777", "#00ff00"])
def test_chip_text_reads_on_any_series_colour(color):
    background, text = series_colors(color)

    # AA for normal text, whichever of white or ink the colour needs.
    assert contrast_ratio(background, text) >= 4.5


def test_a_light_series_colour_gets_dark_text_and_a_bad_colour_a_fallback():
    assert series_colors("#fde047") == ("#fde047", "#1b1f2a")
    assert series_colors("#2563eb") == ("#2563eb", "#ffffff")
    assert series_colors("blue") == ("#4a5163", "#ffffff")


def test_a_mid_tone_colour_is_darkened_in_its_own_hue_rather_than_left_illegible():
    background, text = series_colors("#0891b2")  # cyan: under 4.5:1 with both white and ink

    assert text == "#ffffff"
    red, green, blue = (int(background[i : i + 2], 16) for i in (1, 3, 5))
    assert blue > green > red  # still cyan
    assert contrast_ratio(background, text) >= 4.5
