"""Recomputing the stored figures: stages on real rows, slices, incremental runs and selectors."""

from __future__ import annotations

import datetime as dt

import pytest

from seo.models import Hashtag, TrendPost
from tests.corpus_factory import TRENDS_END, hashtag, rising_and_falling_corpus, trend_post
from trends.models import TrendDetail, TrendRun, TrendStat
from trends.selectors import STAGE_MULTIPLIERS, all_stages
from trends.services import trend_stats_recompute

pytestmark = pytest.mark.django_db


def _row(kind: str, key: str, window: int = 30, dimension: str = "", value: str = "") -> TrendStat:
    return TrendStat.objects.get(kind=kind, key=key, window=window, dimension=dimension, value=value)


def _snapshot() -> list[tuple]:
    stats = TrendStat.objects.order_by("kind", "window", "dimension", "value", "key").values_list(
        "kind",
        "key",
        "window",
        "dimension",
        "value",
        "posts",
        "views",
        "prev_posts",
        "velocity",
        "stage",
        "series",
    )
    details = TrendDetail.objects.order_by("kind", "key").values_list(
        "kind", "key", "related", "top_post_ids"
    )
    return [*stats, *details]


def test_it_finds_the_rising_and_the_declining_tags():
    rising_and_falling_corpus()
    run = trend_stats_recompute()
    assert run.reference_date == TRENDS_END.date()
    assert _row("hashtag", "sourdough").stage == "rising"
    assert _row("hashtag", "sourdough").posts == 120
    assert _row("hashtag", "sourdough").prev_posts == 30
    assert _row("hashtag", "dalgona").stage == "declining"
    assert _row("hashtag", "bread").stage in ("rising", "evergreen")
    assert len(_row("hashtag", "sourdough").series) == 60  # the window before, then the window
    assert _row("hashtag", "sourdough", window=7).window_series == [4] * 7


def test_it_keeps_figures_per_niche_region_and_language():
    rising_and_falling_corpus()
    run = trend_stats_recompute()
    assert run.slices == {"niche": ["food"], "region": ["NO", "US"], "language": ["en", "nb"]}
    assert _row("hashtag", "sourdough", dimension="niche", value="food").posts == 120
    assert _row("hashtag", "dalgona", dimension="region", value="NO").prev_posts == 90
    assert not TrendStat.objects.filter(key="sourdough", dimension="region", value="NO").exists()
    assert _row("sound", "lofi beat").stage == "rising"
    assert _row("keyword", "sourdough").stage == "rising"


def test_it_records_related_tags_and_top_posts():
    rising_and_falling_corpus()
    trend_stats_recompute()
    detail = TrendDetail.objects.get(kind="hashtag", key="sourdough")
    assert detail.related[0][0] == "bread"
    assert detail.related[0][2] == pytest.approx(1.0)  # every sourdough post carries #bread
    assert len(detail.top_post_ids) == 6


def test_windows_end_at_the_newest_post_even_when_it_is_old():
    far_past = dt.datetime(2019, 6, 1, 12, tzinfo=dt.UTC)
    for day in range(5):
        trend_post(days_old=day, tags=["retro"], end=far_past)
    run = trend_stats_recompute()
    assert run.reference_date == far_past.date()
    assert _row("hashtag", "retro", window=7).posts == 5


def test_the_reference_date_setting_overrides_the_newest_post(settings):
    rising_and_falling_corpus()
    settings.TRENDS_REFERENCE_DATE = (TRENDS_END - dt.timedelta(days=30)).date().isoformat()
    run = trend_stats_recompute()
    assert run.reference_date == (TRENDS_END - dt.timedelta(days=30)).date()
    assert _row("hashtag", "dalgona").posts == 90  # its last 30 days, seen from a month ago


def test_an_incremental_run_skips_an_unchanged_corpus():
    rising_and_falling_corpus()
    first = trend_stats_recompute(full=True)
    again = trend_stats_recompute(full=False)
    assert again.skipped
    assert again.rows == first.rows
    assert TrendRun.objects.count() == 2


def test_an_incremental_run_matches_a_full_recompute():
    rising_and_falling_corpus()
    trend_stats_recompute(full=True)
    # New posts arrive, one post is re-imported with a new caption, one is deleted.
    for day in range(3):
        trend_post(days_old=day, tags=["focaccia", "bread"], caption="focaccia dimples", region="GB")
    changed = TrendPost.objects.filter(caption__contains="crumb").first()
    changed.caption = "levain crumb shot"
    changed.save()
    TrendPost.objects.filter(caption__contains="whipped").first().delete()
    incremental = trend_stats_recompute(full=False)
    assert not incremental.skipped
    assert 0 < incremental.tokenised < 10  # only the new and the changed captions
    after_incremental = _snapshot()
    full = trend_stats_recompute(full=True)
    assert full.tokenised == full.posts
    assert _snapshot() == after_incremental


def test_function_words_of_other_scripts_are_not_trend_keywords():
    for day in range(10):
        trend_post(days_old=day, tags=["борщ"], caption="как же приготовить борщ")
    trend_stats_recompute(full=True)
    keys = set(TrendStat.objects.filter(kind="keyword").values_list("key", flat=True))
    assert {"борщ", "приготовить"} <= keys
    assert not keys & {"как", "же"}


def test_a_keyword_cache_made_by_other_tokeniser_rules_is_not_reused(monkeypatch):
    rising_and_falling_corpus()
    trend_stats_recompute(full=True)
    trend_post(days_old=0, tags=["bread"], caption="one new post")
    monkeypatch.setattr("trends.corpus.KEYWORD_RULES", "other rules")
    run = trend_stats_recompute(full=False)
    assert run.tokenised == run.posts, "every caption tokenised again, not only the new one"


def test_generic_and_blocked_tags_get_no_figures():
    hashtag("fyp", is_generic=True)
    hashtag("spam", is_blocked=True)
    for day in range(10):
        trend_post(days_old=day, tags=["fyp", "spam", "knitting"])
    trend_stats_recompute()
    keys = set(TrendStat.objects.filter(kind="hashtag").values_list("key", flat=True))
    assert keys == {"knitting"}


def test_an_alias_counts_for_its_canonical_tag():
    canonical = hashtag("sourdough")
    hashtag("sourdoughbread", canonical=canonical)
    for day in range(4):
        trend_post(days_old=day, tags=["sourdoughbread"])
        trend_post(days_old=day, tags=["sourdough"])
    trend_stats_recompute()
    assert _row("hashtag", "sourdough", window=7).posts == 8
    assert not TrendStat.objects.filter(key="sourdoughbread").exists()


def test_an_empty_corpus_clears_the_figures():
    rising_and_falling_corpus()
    trend_stats_recompute()
    TrendPost.objects.all().delete()
    Hashtag.objects.all().delete()
    run = trend_stats_recompute()
    assert run.posts == 0
    assert not TrendStat.objects.exists()


def test_all_stages_reads_the_30_day_stages_of_all_posts_in_one_query(django_assert_num_queries):
    rising_and_falling_corpus()
    trend_stats_recompute()
    with django_assert_num_queries(1):
        stages = all_stages()
    assert stages["hashtag"]["sourdough"] == "rising"
    assert stages["hashtag"]["dalgona"] == "declining"
    assert stages["keyword"]["sourdough"] == "rising"
    assert "unknown" not in stages["hashtag"]
    assert set(STAGE_MULTIPLIERS) == {"rising", "new", "peaking", "evergreen", "declining"}
    assert STAGE_MULTIPLIERS["rising"] > 1 > STAGE_MULTIPLIERS["declining"]


def test_all_stages_of_an_empty_corpus_is_empty():
    assert all_stages() == {"hashtag": {}, "keyword": {}}
