from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from seo.demo import DEMO_END, demo_corpus_load, demo_posts
from seo.models import Hashtag, TrendPost

pytestmark = pytest.mark.django_db


def test_the_demo_corpus_is_large_bilingual_and_spread_over_niches():
    posts = list(demo_posts())
    assert len(posts) >= 400
    assert len({p["niche"] for p in posts}) >= 8
    assert set(Counter(p["language"] for p in posts)) == {"en", "nb"}
    views = [p["views"] for p in posts]
    assert max(views) / min(views) > 1000  # engagement over orders of magnitude


def test_the_demo_corpus_is_deterministic():
    assert list(demo_posts()) == list(demo_posts())


def test_demo_posting_hours_peak_in_the_evening():
    hours = Counter(dt.datetime.fromisoformat(p["posted_at"]).hour for p in demo_posts())
    assert sum(hours[h] for h in range(17, 22)) > 3 * sum(hours[h] for h in range(1, 6))


def test_rising_tags_gain_and_declining_tags_fade_towards_the_end():
    middle = DEMO_END - dt.timedelta(days=60)
    early, late = Counter(), Counter()
    for post in demo_posts():
        bucket = late if dt.datetime.fromisoformat(post["posted_at"]) > middle else early
        bucket.update(post["hashtags"].replace("#", "").split())
    assert late["cottagecheese"] > 2 * early["cottagecheese"]
    assert early["dalgona"] > 2 * late["dalgona"]


def test_loading_the_demo_corpus_twice_does_not_duplicate():
    first = demo_corpus_load()
    second = demo_corpus_load()
    assert first.imported and first.created == TrendPost.objects.filter(source="demo").count() >= 400
    assert (second.created, second.updated) == (0, first.created)
    assert TrendPost.objects.count() == first.created
    assert Hashtag.objects.get(name="fyp").is_generic
    assert Hashtag.objects.get(name="airfryer").niche == "food"
