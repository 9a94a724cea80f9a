"""Own audience vs trend-wide: peak hours, the consistency rhythm and the score hints."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from creator_posts.hints import own_hints
from creator_posts.models import CreatorPost
from creator_posts.rhythm import rhythm_build
from creator_posts.selectors import MIN_OWN_POSTS
from seo.models import TrendPost
from series.peak_hours import MIN_SAMPLE, peak_hours_compute

pytestmark = pytest.mark.django_db
UTC = dt.UTC
START = dt.datetime(2026, 9, 7, tzinfo=UTC)  # a Monday


def trend_posts(count: int = MIN_SAMPLE + 40) -> None:
    """Trending posts whose best hour is 19:00 UTC (others at 06:00 and 12:00 do worse)."""
    posts = []
    for i in range(count):
        hour, rate = [(19, 0.12), (6, 0.02), (12, 0.05)][i % 3]
        posts.append(TrendPost(video_id=f"t{i}", caption="trend", author=f"a{i % 7}", views=1000 + i,
                               engagement_rate=rate + i * 1e-5, posted_at=START + dt.timedelta(days=i % 20, hours=hour)))  # fmt: skip
    TrendPost.objects.bulk_create(posts)


def own_posts(user, count: int, *, good_hour: int = 7, bad_hour: int = 21) -> None:
    """The creator's own posts: their audience engages at 07:00 UTC, not in the evening."""
    for i in range(count):
        good = i % 2 == 0
        CreatorPost.objects.create(
            owner=user, video_id=f"own{i}", caption=f"post {i}", views=1000, likes=150 if good else 10,
            engagement_rate=0.15 if good else 0.01,
            posted_at=START + dt.timedelta(days=i, hours=good_hour if good else bad_hour),
        )  # fmt: skip


def test_peak_hours_follow_the_creators_own_audience_when_it_says_otherwise(owner):
    trend_posts()
    trend_wide = peak_hours_compute(timezone_name="UTC", user=owner)
    assert trend_wide.best_hours[0] == 19 and not trend_wide.audience.own
    own_posts(owner, 40)
    own = peak_hours_compute(timezone_name="UTC", user=owner)
    assert own.audience.own and own.audience.text == "From your 40 posts"
    assert own.best_hours[0] == 7
    assert own.best_hours[0] != trend_wide.best_hours[0]


def test_too_few_own_posts_fall_back_to_trend_wide_and_say_how_many_are_needed(owner):
    trend_posts()
    own_posts(owner, MIN_OWN_POSTS - 1)
    result = peak_hours_compute(timezone_name="UTC", user=owner)
    assert result.best_hours[0] == 19
    assert result.audience.text == f"From {MIN_SAMPLE + 40} trending posts"
    assert f"{MIN_OWN_POSTS} are needed" in result.audience.upload_hint


def test_the_peak_hours_page_says_which_data_it_used(owner_client, owner):
    trend_posts()
    page = owner_client.get(reverse("series:peak_hours")).content.decode()
    assert f"From {MIN_SAMPLE + 40} trending posts" in page
    assert "Upload your analytics to use your own audience." in page
    own_posts(owner, 24)
    page = owner_client.get(reverse("series:peak_hours")).content.decode()
    assert "From your 24 posts" in page and "trending posts —" not in page


def test_another_creators_posts_never_change_my_peak_hours(owner, other):
    trend_posts()
    own_posts(other, 40)
    result = peak_hours_compute(timezone_name="UTC", user=owner)
    assert not result.audience.own and result.best_hours[0] == 19


def test_the_rhythm_uses_own_posts_when_there_are_enough_and_trend_wide_otherwise(owner):
    trend_posts()
    zone = ZoneInfo("UTC")
    fallback = rhythm_build(user=owner, zone=zone)
    assert not fallback.audience.own and fallback.audience.posts == MIN_SAMPLE + 40
    # 3 weeks of 1 post (10,000 views each) and 3 weeks of 5 posts (500 views each).
    day = START
    for week in range(6):
        count, views = (1, 10_000) if week < 3 else (5, 500)
        for i in range(count):
            CreatorPost.objects.create(
                owner=owner, video_id=f"w{week}-{i}", views=views, posted_at=day + dt.timedelta(days=i)
            )
        day += dt.timedelta(weeks=1)
    assert rhythm_build(user=owner, zone=zone).audience.own is False  # 18 posts: not yet enough
    for i in range(2):
        CreatorPost.objects.create(
            owner=owner, video_id=f"extra{i}", views=10_000, posted_at=day + dt.timedelta(weeks=i)
        )
    rhythm = rhythm_build(user=owner, zone=zone)
    assert rhythm.audience.own and rhythm.audience.text == "From your 20 posts"
    assert rhythm.best.label == "1 a week" and rhythm.best.weeks == 5


def test_the_calendar_panel_says_which_data_the_rhythm_used(owner_client, owner):
    trend_posts()
    page = owner_client.get(reverse("series:calendar")).content.decode()
    assert "Posts a week vs views" in page
    assert f"From {MIN_SAMPLE + 40} trending posts" in page


def _hint_posts(user, count: int) -> None:
    # Half the posts open with a question and got 1,800 views; the others 1,000 or 900.
    for i in range(count):
        question = i % 2 == 0
        CreatorPost.objects.create(
            owner=user, video_id=f"h{i}", views=1800 if question else 1000 - (i % 4) * 50,
            caption="Would you try this?\nrecipe" if question else "Recipe of the day\nmore",
        )  # fmt: skip


def test_a_hint_needs_enough_own_posts(owner):
    _hint_posts(owner, MIN_OWN_POSTS - 2)
    assert own_hints(owner) == []


def test_the_hint_names_the_habit_its_lift_and_its_evidence(owner, other):
    _hint_posts(owner, 24)
    texts = [hint.text for hint in own_hints(owner)]
    assert "Your posts with a question in the first line got 1.3\u00d7 your median views (12 posts)" in texts
    assert own_hints(other) == []


def test_the_score_panel_shows_the_hint_only_to_its_creator(client, owner, other):
    _hint_posts(owner, 24)
    data = {"caption": "Would you try this pasta?", "hashtags": "#pasta"}
    client.force_login(owner)
    page = client.post(reverse("captions:draft_panel"), data, HTTP_HX_REQUEST="true").content.decode()
    assert "What worked for you" in page and "question in the first line" in page
    client.force_login(other)
    page = client.post(reverse("captions:draft_panel"), data, HTTP_HX_REQUEST="true").content.decode()
    assert "What worked for you" not in page


def test_posts_with_only_a_day_do_not_count_for_peak_hours(owner):
    trend_posts()
    own_posts(owner, 40)
    CreatorPost.objects.filter(owner=owner).update(has_time=False)
    result = peak_hours_compute(timezone_name="UTC", user=owner)
    assert not result.audience.own
