from __future__ import annotations

import datetime as dt
import random

import pytest
from django.urls import reverse

from accounts.models import profile_for
from seo.models import Hashtag, PostHashtag, TrendPost
from series.peak_hours import (
    DEFAULT_TIME,
    MIN_SAMPLE,
    confidence_label,
    peak_hours_compute,
    peak_hours_from,
)

UTC = dt.UTC
MONDAY = dt.datetime(2026, 6, 1, tzinfo=UTC)  # summer: Oslo is UTC+2, New York UTC-4


def samples_at(hour_rates: dict[int, list[float]], *, start=MONDAY) -> list[tuple[dt.datetime, float]]:
    out = []
    for hour, rates in hour_rates.items():
        for i, rate in enumerate(rates):
            out.append((start + dt.timedelta(days=i % 7, hours=hour, minutes=i % 60), rate))
    return out


def test_a_few_huge_posts_do_not_decide_the_best_hour():
    # 17:00 UTC: steady good posts. 09:00 UTC: mostly weak posts plus three enormous outliers.
    samples = samples_at({17: [0.09] * 30, 9: [0.01] * 27 + [5.0, 8.0, 12.0], 3: [0.05] * 20})
    result = peak_hours_from(samples, timezone_name="UTC", minimum=10)
    assert result.best_hours[0] == 17
    mean_09 = sum(r for _, r in samples if _.hour == 9) / 30
    mean_17 = 0.09
    assert mean_09 > mean_17  # a plain average would have picked 09:00
    assert result.hours[9].score < result.hours[17].score


def test_every_hour_carries_its_sample_size_and_a_confidence_label():
    samples = samples_at({18: [0.1] * 31, 12: [0.05] * 12, 7: [0.02] * 4, 3: [0.01] * 2})
    result = peak_hours_from(samples, timezone_name="UTC", minimum=10)
    assert [(result.hours[h].sample, result.hours[h].confidence) for h in (18, 12, 7, 3, 5)] == [
        (31, "high"),
        (12, "medium"),
        (4, "low"),
        (2, "too little data"),
        (0, "too little data"),
    ]
    assert confidence_label(30) == "high" and confidence_label(3) == "too little data"


def test_a_lucky_hour_with_one_post_is_pulled_towards_typical():
    samples = samples_at({18: [0.08] * 20 + [0.02] * 20, 4: [0.5]})
    result = peak_hours_from(samples, timezone_name="UTC", minimum=10)
    assert result.hours[4].score < 0.65  # one top post alone is not a peak
    assert 4 not in result.best_hours  # and "too little data" hours are never recommended


def test_too_little_data_falls_back_to_a_default_evening_and_says_so():
    result = peak_hours_from(samples_at({12: [0.1] * (MIN_SAMPLE - 1)}), timezone_name="Europe/Oslo")
    assert result.is_default
    assert result.best_time == DEFAULT_TIME
    assert result.best_hours == [18, 19, 20]
    assert f"at least {MIN_SAMPLE} are needed" in result.notes[0]
    assert "default posting window" in result.notes[1]


def test_hours_are_counted_in_the_creators_time_zone():
    samples = samples_at({17: [0.1] * 30, 2: [0.01] * 30})
    assert peak_hours_from(samples, timezone_name="Europe/Oslo", minimum=10).best_hours[0] == 19
    assert peak_hours_from(samples, timezone_name="America/New_York", minimum=10).best_hours[0] == 13
    assert peak_hours_from(samples, timezone_name="Europe/Oslo", minimum=10).hours[19].sample == 30


def test_the_weekday_is_a_weaker_signal_than_the_hour():
    rng = random.Random(1)
    samples = []
    for day in range(70):
        moment = MONDAY + dt.timedelta(days=day)
        # Saturdays (day 5) get a boost, but 18:00 beats 08:00 by much more.
        boost = 0.02 if moment.weekday() == 5 else 0.0
        samples.append((moment + dt.timedelta(hours=18), 0.08 + boost + rng.random() * 0.01))
        samples.append((moment + dt.timedelta(hours=8), 0.02 + boost + rng.random() * 0.01))
    result = peak_hours_from(samples, timezone_name="UTC", minimum=10)
    assert result.weekdays[5].score > result.weekdays[1].score
    # Every 18:00 cell, any weekday, beats every 08:00 cell.
    assert min(result.cells[d][18].score for d in range(7)) > max(result.cells[d][8].score for d in range(7))


def make_post(i: int, *, hour: int, rate: float, author: str = "someone", language: str = "en", tag=None):
    post = TrendPost.objects.create(
        source="test",
        video_id=str(i),
        caption="x",
        author=author,
        views=1000,
        engagement_rate=rate,
        posted_at=MONDAY + dt.timedelta(days=i % 14, hours=hour),
        language=language,
    )
    if tag is not None:
        PostHashtag.objects.create(post=post, hashtag=tag)
    return post


@pytest.mark.django_db
def test_the_creators_own_posts_win_when_there_are_enough():
    for i in range(60):
        make_post(i, hour=17, rate=0.1)
        make_post(1000 + i, hour=10, rate=0.01)
    for i in range(25):
        make_post(2000 + i, hour=6, rate=0.05, author="mychannel")
        make_post(3000 + i, hour=20, rate=0.01, author="mychannel")
    result = peak_hours_compute(timezone_name="UTC", handle="@MyChannel")
    assert result.scope.startswith("your own 50 posts")
    assert result.best_hours[0] == 6
    fallback = peak_hours_compute(timezone_name="UTC", handle="nobody")
    assert fallback.best_hours[0] == 17
    assert "Only 0 of your posts (@nobody)" in fallback.notes[0]


@pytest.mark.django_db
def test_the_niche_and_language_narrow_the_data_when_there_is_enough():
    food = Hashtag.objects.create(name="mealprep", niche="food")
    for i in range(130):
        make_post(i, hour=7, rate=0.2, tag=food)
        make_post(1000 + i, hour=7, rate=0.001, language="nb")
        make_post(2000 + i, hour=21, rate=0.1, language="nb")
    assert peak_hours_compute(timezone_name="UTC", niche="food").best_hours[0] == 7
    norwegian = peak_hours_compute(timezone_name="UTC", language="nb")
    assert norwegian.best_hours[0] == 21 and "“nb”" in norwegian.scope
    # Too few food posts in Norwegian: it says so and widens to the niche.
    mixed = peak_hours_compute(timezone_name="UTC", niche="food", language="nb")
    assert mixed.scope == "food posts"
    assert "Not enough data for food posts in “nb” (0)" in mixed.notes[0]


@pytest.mark.django_db
def test_an_empty_corpus_gives_the_labelled_default():
    result = peak_hours_compute(timezone_name="Europe/Oslo", niche="food", language="en")
    assert result.is_default and result.best_time == DEFAULT_TIME
    assert any("Not enough trending posts" in n for n in result.notes)


@pytest.mark.django_db
def test_the_heatmap_page_is_a_table_with_values_and_marks_the_default(owner_client, owner):
    page = owner_client.get(reverse("series:peak_hours")).content.decode()
    assert '<table class="heatmap">' in page and "<caption>" in page
    assert page.count('<th scope="row">') >= 24
    assert "default, not measured" in page


@pytest.mark.django_db
def test_the_heatmap_page_uses_the_profiles_time_zone(owner_client, owner):
    profile = profile_for(owner)
    profile.timezone = "America/New_York"
    profile.save()
    for i in range(MIN_SAMPLE):
        make_post(i, hour=22 if i % 2 else 8, rate=0.1 if i % 2 else 0.01)  # 22:00 UTC = 18:00 in New York
    response = owner_client.get(reverse("series:peak_hours"), {"niche": "", "language": ""})
    assert response.context["best_hours"][0] == 18
    assert "America/New_York" in response.content.decode()
