"""Build small trend corpora straight into the database: the one factory of the test suite.

`post` writes one TrendPost with its hashtags (linked as named: an alias stays an alias, as
the trend statistics must fold it). Suggestion and index tests use it as it is, against a
corpus whose newest post is NEWEST ("last year": recency must not use the clock); trend
tests use `trend_post`, the same factory set for a US/English corpus ending TRENDS_END.
The fixtures that go with it (index_env, demo_index) live in tests/conftest.py.
"""

from __future__ import annotations

import functools
import itertools
from datetime import UTC, datetime, timedelta
from pathlib import Path

from django.conf import settings as django_settings

from seo.models import Hashtag, PostHashtag, TrendPost
from seo.text.hashtags import normalize_hashtag

NEWEST = datetime(2024, 3, 1, 12, 0, tzinfo=UTC)
TRENDS_END = datetime(2026, 3, 31, 18, 0, tzinfo=UTC)
_ids = itertools.count(1)


def hashtag(name: str, **fields) -> Hashtag:
    tag, _ = Hashtag.objects.get_or_create(name=normalize_hashtag(name))
    if fields:
        for key, value in fields.items():
            setattr(tag, key, value)
        tag.save()
    return tag


def post(
    caption: str = "",
    tags: list[str] = (),
    *,
    views: int | None = 10_000,
    likes: int | None = 500,
    days_old: float = 0.0,
    end: datetime = NEWEST,
    language: str = "",
    region: str = "",
    sound: str = "",
    source: str = "import",
    video_id: str | None = None,
    author: str | None = None,
) -> TrendPost:
    number = next(_ids)
    rate = None if not views or likes is None else likes / views
    row = TrendPost.objects.create(
        source=source,
        video_id=video_id or f"v{number}",
        caption=caption or f"post {number} " + " ".join(f"#{t}" for t in tags),
        author=author or f"creator{number}",  # one creator per post unless a test says otherwise
        views=views,
        likes=likes,
        engagement_rate=rate,
        posted_at=end - timedelta(days=days_old),
        language=language,
        region=region,
        sound=sound,
        url=f"https://www.tiktok.com/@creator/video/{number}",
    )
    for name in tags:
        PostHashtag.objects.get_or_create(post=row, hashtag=hashtag(name))
    return row


# Trend tests: posts in the US, in English, 1,000 views at a 10 % engagement rate.
trend_post = functools.partial(
    post, end=TRENDS_END, region="US", language="en", views=1000, likes=100, source="test"
)


TOPICS = {
    "cooking": (
        [
            "creamy garlic pasta recipe for dinner",
            "easy pasta sauce with fresh tomato and basil",
            "homemade pasta dough recipe step by step",
            "one pot pasta dinner recipe for busy nights",
        ],
        ["pasta", "recipe", "dinner"],
    ),
    "football": (
        [
            "incredible football goal from midfield",
            "best football skills and goal of the season",
            "football training drills for young players",
            "last minute football goal wins the match",
        ],
        ["football", "goal", "soccer"],
    ),
    "makeup": (
        [
            "everyday makeup tutorial for beginners",
            "glowy makeup look with drugstore products",
            "makeup routine for oily skin that lasts",
            "soft glam makeup tutorial step by step",
        ],
        ["makeup", "beauty", "tutorial"],
    ),
    "travel": (
        [
            "hidden beaches in portugal you must visit",
            "travel guide to lisbon on a budget",
            "best travel tips for long flights",
            "road trip through the mountains of norway",
        ],
        ["travel", "portugal", "wanderlust"],
    ),
}


def topic_corpus(*, copies: int = 3, generic: tuple[str, ...] = ("fyp", "viral")) -> list[TrendPost]:
    """Four unrelated topics, every post also carrying the generic tags (as on TikTok)."""
    rows = []
    for _ in range(copies):
        for captions, tags in TOPICS.values():
            for number, caption in enumerate(captions):
                rows.append(post(caption, [*tags[: 1 + number % 3], *generic], days_old=number))
    return rows


def rising_and_falling_corpus() -> None:
    """#sourdough rises over the last 30 days, #dalgona fades; #bread is steady; all in niche food."""
    for name in ("sourdough", "dalgona", "bread"):
        hashtag(name, niche="food")
    for day in range(60):
        recent = day < 30
        for _ in range(4 if recent else 1):
            trend_post(
                days_old=day,
                tags=["sourdough", "bread"],
                caption="sourdough starter crumb",
                sound="lofi beat",
            )
        if not recent:
            for _ in range(3):
                trend_post(
                    days_old=day,
                    tags=["dalgona"],
                    caption="whipped coffee dalgona",
                    region="NO",
                    language="nb",
                )
        trend_post(days_old=day, tags=["bread"], caption="bread loaf bake")


def data_dir() -> Path:
    return Path(django_settings.DATA_DIR)
