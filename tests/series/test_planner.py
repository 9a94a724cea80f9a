"""The planner on its own: plain values in, placements and explanations out (no database)."""

from __future__ import annotations

import datetime as dt
import itertools
from zoneinfo import ZoneInfo

from series.cadence import EVERY_N_DAYS, PER_WEEK, PlanRequest, parts_in_horizon, posting_weekdays
from series.planner import BusySlot, check_slot, plan_series

OSLO = ZoneInfo("Europe/Oslo")
NEW_YORK = ZoneInfo("America/New_York")
MONDAY = dt.date(2027, 1, 4)  # a Monday with no DST change nearby


def request(**overrides) -> PlanRequest:
    values = {
        "start_date": MONDAY,
        "posting_time": dt.time(18, 0),
        "timezone": "Europe/Oslo",
        "cadence_kind": PER_WEEK,
        "cadence_value": 3,
        "parts_count": 6,
        "min_gap": dt.timedelta(hours=12),
    }
    values.update(overrides)
    return PlanRequest(**values)


def local_days(plan) -> list[dt.date]:
    return [p.local.date() for p in plan.placements]


def local_times(plan) -> set[dt.time]:
    return {p.local.time() for p in plan.placements}


def test_three_posts_a_week_go_on_evenly_spread_days_at_the_same_local_time():
    plan = plan_series(request())
    assert plan.fits
    assert [d.strftime("%a %d") for d in local_days(plan)] == [
        "Mon 04",
        "Wed 06",
        "Fri 08",
        "Mon 11",
        "Wed 13",
        "Fri 15",
    ]
    assert local_times(plan) == {dt.time(18, 0)}
    assert [p.number for p in plan.placements] == [1, 2, 3, 4, 5, 6]
    assert all(p.note == "" for p in plan.placements)


def test_placements_are_stored_in_utc_and_mean_the_local_time():
    plan = plan_series(request(parts_count=1))
    placement = plan.placements[0]
    assert placement.at.utcoffset() == dt.timedelta(0)
    assert placement.at == dt.datetime(2027, 1, 4, 17, 0, tzinfo=dt.UTC)
    assert placement.local.tzinfo.key == "Europe/Oslo"


def test_the_weekly_pattern_starts_on_the_start_date():
    plan = plan_series(request(start_date=MONDAY + dt.timedelta(days=3), parts_count=3))  # a Thursday
    assert [d.strftime("%a") for d in local_days(plan)] == ["Thu", "Sat", "Mon"]


def test_every_n_days_keeps_the_interval():
    plan = plan_series(request(cadence_kind=EVERY_N_DAYS, cadence_value=3, parts_count=4))
    days = local_days(plan)
    assert [(b - a).days for a, b in itertools.pairwise(days)] == [3, 3, 3]
    assert days[0] == MONDAY


def test_only_allowed_weekdays_are_used():
    plan = plan_series(request(cadence_value=2, allowed_weekdays=[1, 3], parts_count=4))  # Tue, Thu
    assert {d.weekday() for d in local_days(plan)} == {1, 3}
    assert posting_weekdays(request(cadence_value=2, allowed_weekdays=[1, 3])) == [1, 3]


def test_every_n_days_rolls_a_day_off_forward_to_the_next_allowed_day():
    plan = plan_series(
        request(cadence_kind=EVERY_N_DAYS, cadence_value=1, allowed_weekdays=[0, 1, 2, 3, 4], parts_count=7)
    )
    assert all(d.weekday() < 5 for d in local_days(plan))
    assert len(set(local_days(plan))) == 7


def test_a_blackout_date_moves_the_part_and_says_why():
    wednesday = MONDAY + dt.timedelta(days=2)
    plan = plan_series(request(blackout_dates=[wednesday]))
    assert wednesday not in local_days(plan)
    moved = plan.placements[1]
    assert moved.local.date() == MONDAY + dt.timedelta(days=3)  # Thursday, the nearest free day
    assert "blackout date" in moved.note and "Wed 6 Jan 2027" in moved.note
    assert plan.fits and "Part 2:" in plan.explanations[0]


def test_the_minimum_gap_is_kept_against_the_creators_other_series():
    other_post = BusySlot(dt.datetime(2027, 1, 6, 17, 0, tzinfo=OSLO), "“Vlog” part 1")
    plan = plan_series(request(min_gap=dt.timedelta(hours=3)), [other_post])
    part2 = next(p for p in plan.placements if p.number == 2)
    # Wednesday 18:00 ± 1 h is never 3 h from 17:00, so the part goes to Thursday, and says why.
    assert part2.local == dt.datetime(2027, 1, 7, 18, 0, tzinfo=OSLO)
    assert "within 3 h of “Vlog” part 1 at Wed 6 Jan 2027 17:00" in part2.note
    assert all(abs(p.at - other_post.at) >= dt.timedelta(hours=3) for p in plan.placements)


def test_a_small_clash_is_solved_within_the_time_window_on_the_same_day():
    other_post = BusySlot(dt.datetime(2027, 1, 6, 17, 30, tzinfo=OSLO))
    plan = plan_series(request(min_gap=dt.timedelta(hours=1)), [other_post])
    part2 = plan.placements[1]
    assert part2.local.date() == dt.date(2027, 1, 6)
    assert part2.local.time() == dt.time(18, 30)
    assert abs(part2.local - other_post.at) >= dt.timedelta(hours=1)


def test_parts_never_collide_with_each_other_or_with_two_other_series():
    busy = [
        BusySlot(dt.datetime(2027, 1, d, 18, 0, tzinfo=OSLO), f"other {d}") for d in range(4, 20)
    ]  # another series posts every day at 18:00
    plan = plan_series(request(min_gap=dt.timedelta(hours=4), window_minutes=60), busy)
    # Every 18:00 is taken and the window (±1 h) cannot reach 4 h away: parts go elsewhere.
    assert plan.fits
    for placement in plan.placements:
        assert all(abs(placement.local - b.at) >= dt.timedelta(hours=4) for b in busy)
    times = sorted(p.at for p in plan.placements)
    assert all(b - a >= dt.timedelta(hours=4) for a, b in itertools.pairwise(times))
    assert plan.placements[0].local.date() > dt.date(2027, 1, 19)
    assert "within 4 h of other 4" in plan.placements[0].note


def test_spring_forward_in_oslo_keeps_the_local_posting_time():
    start = dt.date(2027, 3, 25)  # DST starts Sunday 28 March 2027 in Europe
    plan = plan_series(request(start_date=start, cadence_kind=EVERY_N_DAYS, cadence_value=1, parts_count=6))
    assert local_times(plan) == {dt.time(18, 0)}
    offsets = {p.local.date(): p.local.utcoffset() for p in plan.placements}
    assert offsets[dt.date(2027, 3, 27)] == dt.timedelta(hours=1)
    assert offsets[dt.date(2027, 3, 29)] == dt.timedelta(hours=2)
    utc_hours = {p.at.hour for p in plan.placements}
    assert utc_hours == {16, 17}


def test_fall_back_in_oslo_keeps_the_local_posting_time():
    plan = plan_series(
        request(start_date=dt.date(2027, 10, 29), cadence_kind=EVERY_N_DAYS, cadence_value=1, parts_count=4)
    )
    assert local_times(plan) == {dt.time(18, 0)}
    assert [p.at.hour for p in plan.placements] == [16, 16, 17, 17]  # clocks go back on 31 Oct


def test_dst_both_ways_in_new_york_keeps_the_local_posting_time():
    spring = plan_series(
        request(
            timezone="America/New_York",
            start_date=dt.date(2027, 3, 12),
            cadence_kind=EVERY_N_DAYS,
            cadence_value=1,
            parts_count=4,
            posting_time=dt.time(9, 0),
        )
    )
    autumn = plan_series(
        request(
            timezone="America/New_York",
            start_date=dt.date(2027, 11, 5),
            cadence_kind=EVERY_N_DAYS,
            cadence_value=1,
            parts_count=4,
            posting_time=dt.time(9, 0),
        )
    )
    assert local_times(spring) == local_times(autumn) == {dt.time(9, 0)}
    assert [p.at.hour for p in spring.placements] == [14, 14, 13, 13]  # 14 March 2027
    assert [p.at.hour for p in autumn.placements] == [13, 13, 14, 14]  # 7 November 2027


def test_a_slot_that_does_not_exist_on_the_spring_forward_night_moves_within_the_window():
    plan = plan_series(
        request(
            start_date=dt.date(2027, 3, 27),
            cadence_kind=EVERY_N_DAYS,
            cadence_value=1,
            parts_count=3,
            posting_time=dt.time(2, 30),
        )
    )
    assert plan.fits
    sunday = plan.placements[1]
    assert sunday.local.date() == dt.date(2027, 3, 28)
    assert sunday.local.time() == dt.time(3, 0)
    assert "does not exist" in sunday.note
    assert plan.placements[2].local.time() == dt.time(2, 30)


def test_an_open_ended_series_is_planned_over_the_horizon():
    plan = plan_series(request(parts_count=None, cadence_value=2, horizon_weeks=8))
    assert len(plan.placements) == 16
    assert parts_in_horizon(request(parts_count=None, cadence_kind=EVERY_N_DAYS, cadence_value=7)) == 8
    last = plan.placements[-1].local.date()
    assert last < MONDAY + dt.timedelta(weeks=8)


def test_an_open_ended_series_stops_at_its_end_date():
    plan = plan_series(request(parts_count=None, end_date=MONDAY + dt.timedelta(days=13)))
    assert len(plan.placements) == 6


def test_a_schedule_that_cannot_fit_before_the_end_date_explains_every_unplaced_part():
    blackouts = [MONDAY + dt.timedelta(days=i) for i in range(1, 7)]
    plan = plan_series(
        request(parts_count=3, end_date=MONDAY + dt.timedelta(days=6), blackout_dates=blackouts)
    )
    assert not plan.fits
    assert [p.number for p in plan.placements] == [1]
    assert [u.number for u in plan.unplaced] == [2, 3]
    assert "end date Sun 10 Jan 2027" in plan.unplaced[0].reason
    assert "blackout date" in plan.unplaced[0].reason
    assert "after part 2" in plan.unplaced[1].reason


def test_parts_in_the_past_are_not_planned():
    now = dt.datetime(2027, 1, 6, 12, 0, tzinfo=OSLO)
    plan = plan_series(request(not_before=now))
    assert all(p.at >= now for p in plan.placements)
    assert local_days(plan)[0] == dt.date(2027, 1, 6)


def test_planning_from_a_later_part_numbers_and_spaces_it_after_the_given_day():
    plan = plan_series(request(first_number=4), after_day=MONDAY + dt.timedelta(days=4))
    assert [p.number for p in plan.placements] == [4, 5, 6]
    assert local_days(plan)[0] == MONDAY + dt.timedelta(days=7)


def test_shifted_targets_keep_their_time_and_bumped_parts_take_the_next_cadence_day():
    targets = [(dt.date(2027, 1, 8), dt.time(20, 0)), (dt.date(2027, 1, 11), dt.time(20, 0))]
    plan = plan_series(
        request(
            first_number=2, blackout_dates=[dt.date(2027, 1, 8), dt.date(2027, 1, 9), dt.date(2027, 1, 10)]
        ),
        targets=targets,
        after_day=dt.date(2027, 1, 7),
    )
    assert [(p.number, p.local.date(), p.local.time()) for p in plan.placements] == [
        (2, dt.date(2027, 1, 11), dt.time(20, 0)),
        (3, dt.date(2027, 1, 13), dt.time(18, 0)),
    ]


def test_check_slot_lists_each_broken_rule():
    busy = [BusySlot(dt.datetime(2027, 1, 6, 17, 0, tzinfo=OSLO), "“Vlog” part 2")]
    moment = dt.datetime(2027, 1, 6, 18, 0, tzinfo=OSLO)
    problems = check_slot(
        moment, request(blackout_dates=[dt.date(2027, 1, 6)], not_before=moment + dt.timedelta(days=1)), busy
    )
    assert len(problems) == 3
    assert "blackout" in problems[0] and "passed" in problems[1] and "“Vlog” part 2" in problems[2]
    assert check_slot(moment + dt.timedelta(days=1), request(), busy) == []


def test_a_blocked_first_day_never_moves_a_part_before_the_start_date():
    busy = [
        BusySlot(dt.datetime(2027, 1, 4, 18, 0, tzinfo=OSLO)),
        BusySlot(dt.datetime(2027, 1, 5, 18, 0, tzinfo=OSLO)),
    ]
    plan = plan_series(
        request(cadence_kind=EVERY_N_DAYS, cadence_value=2, parts_count=1, min_gap=dt.timedelta(hours=6)),
        busy,
        after_day=MONDAY - dt.timedelta(days=3),
    )
    assert plan.placements[0].local.date() == dt.date(2027, 1, 6)
