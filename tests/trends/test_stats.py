"""Stage classification, the velocity floor and windows relative to the newest post (no database)."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from trends import stats


def test_a_steady_climb_is_rising():
    series = [2 + day // 3 for day in range(30)]  # 2 a day rising to 11 a day
    speed, stage = stats.stage_of(series, previous=40)
    assert stage == "rising"
    assert speed > 0.25


def test_a_tag_that_grew_and_has_turned_is_peaking():
    # Far more than the window before, but the second half is clearly quieter than the first.
    series = [
        4,
        6,
        8,
        10,
        12,
        14,
        16,
        18,
        20,
        20,
        18,
        16,
        14,
        12,
        10,
        8,
        6,
        5,
        4,
        3,
        2,
        2,
        1,
        1,
        1,
        1,
        0,
        0,
        0,
        0,
    ]
    speed, stage = stats.stage_of(series, previous=30)
    assert stage == "peaking"
    assert speed > 0.25


def test_a_shrinking_tag_is_declining():
    series = [12 - day // 3 for day in range(30)]
    speed, stage = stats.stage_of(series, previous=500)
    assert stage == "declining"
    assert speed < -0.25


def test_a_tag_without_posts_in_the_previous_window_is_new():
    _, stage = stats.stage_of([0] * 20 + [1, 0, 2, 1, 0, 1, 2, 0, 1, 1], previous=0)
    assert stage == "new"


def test_noise_around_a_steady_level_is_evergreen():
    rng = np.random.default_rng(42)
    draws = [
        stats.stage_of(rng.poisson(5, 30).tolist(), previous=int(rng.poisson(150)))[1] for _ in range(200)
    ]
    # The two-sigma chance guard lets a rare draw through; the great majority must read as steady.
    assert draws.count("evergreen") >= 180


def test_one_post_becoming_three_is_not_a_200_percent_rise():
    speed, stage = stats.stage_of([0] * 27 + [1, 1, 1], previous=1)
    assert speed == pytest.approx(0.2)  # (3 - 1) / the floor of 10 posts, not / 1
    assert stage == "evergreen"


def test_velocity_uses_the_real_base_above_the_floor():
    assert stats.velocity(np.array([150]), np.array([100]))[0] == pytest.approx(0.5)
    assert stats.velocity(np.array([5]), np.array([0]))[0] == pytest.approx(0.5)


def test_day_positions_count_back_from_the_reference_day():
    reference = dt.date(2026, 11, 20)
    days = np.array(
        [
            reference.toordinal(),
            reference.toordinal() - 1,
            reference.toordinal() - stats.HISTORY_DAYS + 1,
            reference.toordinal() - stats.HISTORY_DAYS,  # one day too old
            reference.toordinal() + 1,  # after the reference day
            0,  # no date
        ]
    )
    positions = stats.day_positions(days, reference=reference)
    assert positions.tolist() == [stats.HISTORY_DAYS - 1, stats.HISTORY_DAYS - 2, 0, -1, -1, -1]


def test_windows_end_at_the_reference_day_not_today():
    reference = dt.date(2020, 1, 31)
    days = np.array([reference.toordinal() - offset for offset in (0, 3, 6, 7, 10)])
    cover = stats.coverage(window=7, reference=reference, oldest=dt.date(2019, 1, 1))
    segments = stats.segments_build(
        group=np.zeros(5, dtype=np.int64),
        day=stats.day_positions(days, reference=reference),
        views=np.ones(5),
        rate=np.full(5, np.nan),
        n_groups=1,
        covers=[cover],
    )
    figures = stats.window_figures(segments, cover=cover)
    assert figures.posts.tolist() == [3]  # days 0, 3 and 6 back are inside the 7-day window
    assert figures.prev_posts.tolist() == [2]
    assert np.isnan(figures.engagement[0])  # no known rate: no engagement, not zero


def test_keys_with_too_few_posts_are_dropped_before_aggregating():
    reference = dt.date(2020, 1, 31)
    day = stats.day_positions(np.full(4, reference.toordinal()), reference=reference)
    cover = stats.coverage(window=7, reference=reference, oldest=None)
    segments = stats.segments_build(
        group=np.array([0, 0, 0, 1]), day=day, views=np.zeros(4), rate=np.zeros(4), n_groups=2, covers=[cover]
    )
    assert segments.groups.tolist() == [0]


def test_a_corpus_shorter_than_two_windows_compares_halves():
    cover = stats.coverage(window=120, reference=dt.date(2026, 11, 20), oldest=dt.date(2026, 7, 24))
    assert not cover.compares_previous
    assert cover.data_days == 120
    # Rising inside the window is still visible, but nothing is "new" for lack of a past.
    series = [0] * 60 + [1] * 30 + [2] * 30
    speed, stage = stats.classify(
        current=np.array([sum(series)]),
        previous=np.array([0]),
        first_half=np.array([sum(series[:60])]),
        second_half=np.array([sum(series[60:])]),
        cover=cover,
    )
    assert stats.STAGE_CODES[stage[0]] == "rising"
    assert speed[0] == pytest.approx((90 - 0) / stats.VELOCITY_FLOOR)  # second half vs first half


def test_a_window_longer_than_the_corpus_covers_only_its_days():
    cover = stats.coverage(window=120, reference=dt.date(2026, 11, 20), oldest=dt.date(2026, 11, 1))
    assert cover.data_days == 20
    assert cover.halves() == ((100, 110), (110, 120))


def test_top_per_slice_keeps_the_best_of_every_slice():
    slice_of = np.array([0, 0, 0, 1, 1])
    score = np.array([5.0, 9.0, 1.0, 3.0, 4.0])
    kept = stats.top_per_slice(slice_of, score, np.ones(5, dtype=bool), np.array([2, 1]))
    assert sorted(kept.tolist()) == [0, 1, 4]


def test_series_matrix_lays_out_days_oldest_first():
    reference = dt.date(2026, 1, 10)
    days = np.array([reference.toordinal(), reference.toordinal(), reference.toordinal() - 6])
    matrix = stats.series_matrix(
        group=np.array([0, 0, 1]),
        day=stats.day_positions(days, reference=reference),
        chosen=np.array([0, 1]),
        n_groups=2,
        window=7,
    )
    assert matrix.tolist() == [[0, 0, 0, 0, 0, 0, 2], [1, 0, 0, 0, 0, 0, 0]]
