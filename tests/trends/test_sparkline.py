"""A 'Rising now' sparkline shows what the stage compares: the window before (shaded, behind a
tick) and the current window, so a rising tag never looks like it is falling."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from tests.corpus_factory import hashtag, trend_post
from trends import charts
from trends.models import TrendStat
from trends.services import trend_stats_recompute
from trends.stats import coverage

pytestmark = pytest.mark.django_db


def _burst_then_fade() -> None:
    """#ferment: 10 posts in the 30 days before, 44 in the last 30, but none in the last five
    days: rising against the window before, while the window's own curve ends on a fall."""
    hashtag("ferment")
    for day in range(60, 90):
        trend_post(days_old=day, tags=["filler"])  # the corpus reaches back past both windows
    for day in range(30, 60, 3):
        trend_post(days_old=day, tags=["ferment"])
    for day in range(5, 30):
        for _ in range(0 if day >= 15 and day % 5 == 0 else 2):
            trend_post(days_old=day, tags=["ferment"])
    trend_post(days_old=0, tags=["filler"])


def _spark_of(page: str, key: str) -> str:
    row = re.search(rf"<tr>(?:(?!</tr>).)*?>#?{key}<(?:(?!</tr>).)*</tr>", page, re.S)
    return re.search(r"<svg class=\"spark[^\"]*\".*?</svg>", row[0], re.S)[0]


def test_a_rising_tag_whose_window_slopes_down_shows_the_window_before_it(owner_client):
    _burst_then_fade()
    trend_stats_recompute()
    row = TrendStat.objects.get(kind="hashtag", key="ferment", window=30, dimension="")
    assert row.stage == "rising"
    assert len(row.series) == 60 and row.window_series == row.series[30:]

    page = owner_client.get(reverse("trends:explorer") + "?window=30").content.decode()
    spark = _spark_of(page, "ferment")
    assert 'class="spark-before"' in spark and 'class="spark-split"' in spark
    assert f"Shaded: the window before, {row.prev_posts} posts; then {row.posts} posts." in spark


def test_compared_days_leave_out_days_before_the_corpus_began():
    import datetime as dt

    reference = dt.date(2026, 3, 31)
    series = list(range(60))
    partly = coverage(window=30, reference=reference, oldest=reference - dt.timedelta(days=44))
    shown = charts.compared_days(series, window=30, cover=partly)
    assert shown.split == 15 and shown.days == series[15:]  # 15 days of the window before exist

    young = coverage(window=30, reference=reference, oldest=reference - dt.timedelta(days=19))
    shown = charts.compared_days(series, window=30, cover=young)
    assert shown.before == "the first half" and shown.days == series[40:] and shown.split == 10


def test_figures_from_before_the_window_before_was_kept_draw_the_window_alone():
    import datetime as dt

    cover = coverage(window=7, reference=dt.date(2026, 3, 31), oldest=dt.date(2025, 1, 1))
    shown = charts.compared_days([1, 2, 3, 4, 5, 6, 7], window=7, cover=cover)
    assert shown.split is None and shown.days == [1, 2, 3, 4, 5, 6, 7]
    assert "spark-split" not in charts.sparkline(shown, label="#old")
