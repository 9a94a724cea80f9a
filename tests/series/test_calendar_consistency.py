"""The consistency panel: streaks, planned vs posted per week, gaps longer than the cadence."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from series.consistency import allowed_gap_days, consistency_build
from series.models import Part, Series
from tests.series.factories import OSLO, make_bare_series, make_part, oslo

pytestmark = pytest.mark.django_db

NOW = oslo(2026, 11, 26, 12, 0)  # Thursday of ISO week 48; its Monday is 23 Nov
POSTED = Part.Status.POSTED


def post(series, number, at, **kwargs):
    """A part planned and posted at the same moment."""
    return make_part(series, number, at, status=POSTED, posted_at=at, **kwargs)


def build(user):
    return consistency_build(user=user, zone=OSLO, now=NOW)


def test_the_streak_counts_met_weeks_back_from_last_week(owner):
    series = make_bare_series(owner)
    for number, day in enumerate([date(2026, 11, 2), date(2026, 11, 9), date(2026, 11, 16)], start=1):
        post(series, number, oslo(day.year, day.month, day.day))
    # Planned this week and not yet posted: the week is under way, so the streak holds.
    make_part(series, 4, oslo(2026, 11, 27))

    stats = build(owner)

    assert stats.streak_weeks == 3
    assert stats.best_streak_weeks == 3


def test_this_week_joins_the_streak_once_it_is_met(owner):
    series = make_bare_series(owner)
    post(series, 1, oslo(2026, 11, 16))
    post(series, 2, oslo(2026, 11, 24))

    assert build(owner).streak_weeks == 2


def test_a_week_with_fewer_posts_than_planned_breaks_the_streak(owner):
    series = make_bare_series(owner)
    post(series, 1, oslo(2026, 11, 9))
    make_part(series, 2, oslo(2026, 11, 11))  # planned, never posted
    post(series, 3, oslo(2026, 11, 16))

    stats = build(owner)

    assert stats.streak_weeks == 1
    assert stats.missed == 1


def test_a_week_without_any_post_breaks_the_streak(owner):
    series = make_bare_series(owner)
    post(series, 1, oslo(2026, 11, 2))
    post(series, 2, oslo(2026, 11, 16))

    assert build(owner).streak_weeks == 1


def test_the_best_run_is_remembered_after_a_break(owner):
    series = make_bare_series(owner)
    first_run = [date(2026, 9, 7) + timedelta(weeks=i) for i in range(5)]
    for number, day in enumerate([*first_run, date(2026, 11, 9), date(2026, 11, 16)], start=1):
        post(series, number, oslo(day.year, day.month, day.day))

    stats = build(owner)

    assert (stats.streak_weeks, stats.best_streak_weeks) == (2, 5)


def test_it_counts_planned_and_posted_for_each_of_the_last_8_weeks(owner):
    series = make_bare_series(owner)
    other_series = make_bare_series(owner, title="Gym")
    post(series, 1, oslo(2026, 10, 5))  # first shown week
    post(series, 2, oslo(2026, 11, 17))
    make_part(series, 3, oslo(2026, 11, 19))  # missed
    post(other_series, 1, oslo(2026, 11, 18))
    make_part(series, 4, oslo(2026, 11, 28))  # this week, upcoming
    post(series, 5, oslo(2026, 9, 28))  # before the window

    stats = build(owner)

    assert [w.monday for w in stats.weeks] == [date(2026, 10, 5) + timedelta(weeks=i) for i in range(8)]
    assert [(w.planned, w.posted) for w in stats.weeks] == [
        (1, 1),
        (0, 0),
        (0, 0),
        (0, 0),
        (0, 0),
        (0, 0),
        (3, 2),
        (1, 0),
    ]
    assert stats.weeks[-1].is_current
    assert not stats.weeks[-2].met
    assert (stats.planned_total, stats.posted_total, stats.missed) == (5, 3, 1)


def test_weeks_are_cut_at_local_midnight_on_monday(owner):
    series = make_bare_series(owner)
    # 00:30 Monday in Oslo is 23:30 Sunday in UTC: it belongs to the Monday's week.
    post(series, 1, oslo(2026, 11, 16, 0, 30))

    weeks = {w.monday: w.posted for w in build(owner).weeks}

    assert weeks[date(2026, 11, 16)] == 1
    assert weeks[date(2026, 11, 9)] == 0


def test_a_part_posted_later_than_planned_counts_in_the_week_it_went_out(owner):
    series = make_bare_series(owner)
    make_part(series, 1, oslo(2026, 11, 13), status=POSTED, posted_at=oslo(2026, 11, 17))

    weeks = {w.monday: (w.planned, w.posted) for w in build(owner).weeks}

    assert weeks[date(2026, 11, 9)] == (1, 0)
    assert weeks[date(2026, 11, 16)] == (0, 1)


@pytest.mark.parametrize(
    ("kind", "value", "allowed"),
    [
        (Series.CadenceKind.EVERY_N_DAYS, 2, 2),
        (Series.CadenceKind.EVERY_N_DAYS, 7, 7),
        (Series.CadenceKind.PER_WEEK, 1, 8),
        (Series.CadenceKind.PER_WEEK, 3, 4),
        (Series.CadenceKind.PER_WEEK, 5, 3),
        (Series.CadenceKind.PER_WEEK, 7, 2),
    ],
)
def test_the_cadence_sets_the_longest_allowed_gap(kind, value, allowed):
    assert allowed_gap_days(Series(cadence_kind=kind, cadence_value=value)) == allowed


def test_it_flags_a_past_gap_longer_than_every_n_days(owner):
    series = make_bare_series(owner, cadence_kind=Series.CadenceKind.EVERY_N_DAYS, cadence_value=2)
    post(series, 1, oslo(2026, 11, 1))
    post(series, 2, oslo(2026, 11, 3))
    post(series, 3, oslo(2026, 11, 8))
    make_part(series, 4, oslo(2026, 11, 27))

    gaps = build(owner).gaps

    past = [(g.start, g.end, g.days, g.allowed_days, g.kind) for g in gaps if g.kind == "past"]
    assert past == [(date(2026, 11, 3), date(2026, 11, 8), 5, 2, "past")]


def test_mon_wed_fri_at_three_a_week_is_not_a_gap(owner):
    series = make_bare_series(owner, cadence_kind=Series.CadenceKind.PER_WEEK, cadence_value=3)
    for number, day in enumerate([16, 18, 20, 23, 25], start=1):
        post(series, number, oslo(2026, 11, day))
    make_part(series, 6, oslo(2026, 11, 27))

    assert build(owner).gaps == []


def test_it_flags_a_gap_in_the_upcoming_plan(owner):
    series = make_bare_series(owner, cadence_kind=Series.CadenceKind.PER_WEEK, cadence_value=3)
    make_part(series, 1, oslo(2026, 11, 27))
    make_part(series, 2, oslo(2026, 12, 5))

    (gap,) = build(owner).gaps

    assert (gap.start, gap.end, gap.days, gap.kind) == (date(2026, 11, 27), date(2026, 12, 5), 8, "planned")


def test_a_missed_slot_does_not_close_a_gap(owner):
    series = make_bare_series(owner, cadence_kind=Series.CadenceKind.EVERY_N_DAYS, cadence_value=2)
    post(series, 1, oslo(2026, 11, 20))
    make_part(series, 2, oslo(2026, 11, 22))  # passed without a post
    post(series, 3, oslo(2026, 11, 24))
    make_part(series, 4, oslo(2026, 11, 26, 20))

    (gap,) = build(owner).gaps

    assert (gap.start, gap.end, gap.days) == (date(2026, 11, 20), date(2026, 11, 24), 4)


def test_a_running_series_with_nothing_since_its_last_post_has_an_open_gap(owner):
    series = make_bare_series(owner, parts_count=6, cadence_kind=Series.CadenceKind.PER_WEEK, cadence_value=2)
    post(series, 1, oslo(2026, 11, 10))

    (gap,) = build(owner).gaps

    assert (gap.start, gap.end, gap.days, gap.kind) == (date(2026, 11, 10), date(2026, 11, 26), 16, "open")


def test_a_finished_series_has_no_open_gap(owner):
    series = make_bare_series(owner, parts_count=2, cadence_kind=Series.CadenceKind.PER_WEEK, cadence_value=2)
    post(series, 1, oslo(2026, 11, 7))
    post(series, 2, oslo(2026, 11, 10))

    assert build(owner).gaps == []


def test_another_creators_posts_do_not_count(owner, other):
    post(make_bare_series(other), 1, oslo(2026, 11, 16))

    stats = build(owner)

    assert (stats.streak_weeks, stats.posted_total, stats.gaps) == (0, 0, [])
