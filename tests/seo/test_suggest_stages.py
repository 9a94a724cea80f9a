"""Trend stages in the suggestions: rising tags and keywords up, declining ones down, shown in the evidence."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from seo.index.lifecycle import index_build
from seo.index.serving import serving_expire
from seo.suggest import stages as suggest_stages
from seo.suggest.engine import suggest
from tests.conftest import corpus_snapshot, corpus_snapshot_restore
from tests.corpus_factory import rising_and_falling_corpus, trend_post
from trends.models import TrendStat
from trends.selectors import STAGE_MULTIPLIERS
from trends.services import trend_stats_recompute

# One worker runs the module under `pytest -n`, so its corpus (_staged_snapshot) is built once, not per worker.
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("index_env"),
    pytest.mark.xdist_group("suggest-stages"),
]

QUERY = "sourdough bread dalgona coffee"


def _unrelated_posts(count: int = 700) -> None:
    """Other topics, so that "sourdough" stays under the index's common-term cut (a fifth of posts)."""
    for number in range(count):
        trend_post(
            days_old=number % 60, tags=[f"topic{number % 40}"], caption=f"topic{number % 40} word{number}"
        )


@pytest.fixture(scope="module")
def _staged_snapshot(django_db_setup, django_db_blocker, tmp_path_factory):
    def build() -> None:
        rising_and_falling_corpus()
        _unrelated_posts()
        index_build()
        trend_stats_recompute()

    yield from corpus_snapshot(
        "staged", build, django_db_blocker=django_db_blocker, data_dir=tmp_path_factory.mktemp("staged")
    )


@pytest.fixture
def staged_corpus(settings, _staged_snapshot):
    """#sourdough rising, #dalgona declining, #bread steady; index and trend figures computed
    (once for the module: the tests only read them, and their changes are rolled back)."""
    corpus_snapshot_restore(settings, _staged_snapshot)
    serving_expire()


def _tags(result):
    return {row.tag: row for row in result.hashtags}


def _keywords(result):
    return {row.term: row for row in result.keywords}


def test_without_trend_figures_every_factor_is_one():
    rising_and_falling_corpus()
    index_build()
    result = suggest(text=QUERY)
    assert result.hashtags and result.keywords
    assert all(row.stage is None and row.parts["stage_factor"] == 1.0 for row in result.hashtags)
    assert all(row.stage is None and row.parts["stage_factor"] == 1.0 for row in result.keywords)


def test_rising_tags_are_boosted_and_declining_ones_penalised(staged_corpus):
    rows = _tags(suggest(text=QUERY))
    assert rows["sourdough"].stage == "rising"
    assert rows["sourdough"].parts["stage_factor"] == STAGE_MULTIPLIERS["rising"]
    assert rows["dalgona"].stage == "declining"
    assert rows["dalgona"].parts["stage_factor"] == STAGE_MULTIPLIERS["declining"]


def test_the_stage_factor_moves_the_score(staged_corpus, settings):
    with_stages = _tags(suggest(text=QUERY))
    settings.SUGGEST_TREND_STAGES = False
    without = _tags(suggest(text=QUERY))
    assert without["sourdough"].stage is None and without["sourdough"].parts["stage_factor"] == 1.0
    ratio = with_stages["sourdough"].score / without["sourdough"].score
    assert ratio == pytest.approx(STAGE_MULTIPLIERS["rising"], rel=1e-4)
    ratio = with_stages["dalgona"].score / without["dalgona"].score
    assert ratio == pytest.approx(STAGE_MULTIPLIERS["declining"], rel=1e-4)


def test_keywords_carry_their_stage_and_factor(staged_corpus, settings):
    rising = _keywords(suggest(text="sourdough starter"))
    fading = _keywords(suggest(text="whipped dalgona"))
    assert rising["sourdough"].stage == "rising"
    assert rising["sourdough"].parts["stage_factor"] == STAGE_MULTIPLIERS["rising"]
    assert fading["dalgona"].stage == "declining"
    assert fading["dalgona"].parts["stage_factor"] == STAGE_MULTIPLIERS["declining"]
    settings.SUGGEST_TREND_STAGES = False
    plain_rising = _keywords(suggest(text="sourdough starter"))
    plain_fading = _keywords(suggest(text="whipped dalgona"))
    assert plain_rising["sourdough"].stage is None
    assert rising["sourdough"].score / plain_rising["sourdough"].score == pytest.approx(
        STAGE_MULTIPLIERS["rising"], rel=1e-4
    )
    assert fading["dalgona"].score / plain_fading["dalgona"].score == pytest.approx(
        STAGE_MULTIPLIERS["declining"], rel=1e-4
    )


def test_stages_are_read_once_not_per_suggestion(staged_corpus):
    suggest(text=QUERY)
    with CaptureQueriesContext(connection) as queries:
        suggest(text="sourdough starter")
    assert not [q for q in queries.captured_queries if "trends_trendstat" in q["sql"]]


def test_a_new_recompute_is_seen_after_the_cache_expires(staged_corpus):
    assert _tags(suggest(text=QUERY))["sourdough"].stage == "rising"
    TrendStat.objects.filter(kind="hashtag", key="sourdough").update(stage="declining")
    assert _tags(suggest(text=QUERY))["sourdough"].stage == "rising", "cached for a while"
    serving_expire()  # what HOOKLINE_INDEX_RELOAD_SECONDS passing does
    assert _tags(suggest(text=QUERY))["sourdough"].stage == "declining"


def test_unreadable_trend_figures_never_break_suggestions(staged_corpus, monkeypatch):
    def broken():
        raise RuntimeError("trend tables missing")

    monkeypatch.setattr(suggest_stages, "all_stages", broken)
    serving_expire()
    result = suggest(text=QUERY)
    assert result.hashtags and all(row.stage is None for row in result.hashtags)


def test_the_editor_shows_the_stage_of_keywords_and_hashtags(staged_corpus, owner_client):
    response = owner_client.post(
        reverse("captions:draft_panel"),
        {"title": "Bake day", "topic": "sourdough starter", "caption": "", "hashtags": ""},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    keywords = response.text.split('id="keywords-title"')[1].split("</section>")[0]
    assert re.search(
        r"sourdough</span>\s*<span class=\"keyword-posts[^>]*>[^<]*<span class=\"badge badge-rising\"",
        keywords,
    )
    assert re.search(r"#sourdough .*?badge-rising", response.text)
