"""Build small trend corpora straight into the database for index and suggestion tests."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from django.conf import settings as django_settings

from seo.models import Hashtag, PostHashtag, TrendPost
from seo.text import normalize_hashtag

NEWEST = datetime(2024, 3, 1, 12, 0, tzinfo=UTC)  # a corpus from "last year": recency must not use the clock
_ids = itertools.count(1)


def hashtag(name: str, **fields) -> Hashtag:
    tag, _ = Hashtag.objects.get_or_create(name=normalize_hashtag(name))
    if fields:
        for key, value in fields.items():
            setattr(tag, key, value)
        tag.save()
    return tag


def post(
    caption: str,
    tags: list[str] = (),
    *,
    views: int | None = 10_000,
    likes: int | None = 500,
    days_old: float = 0.0,
    language: str = "",
    video_id: str | None = None,
) -> TrendPost:
    rate = None if not views or likes is None else likes / views
    row = TrendPost.objects.create(
        video_id=video_id or f"v{next(_ids)}",
        caption=caption,
        author="creator",
        views=views,
        likes=likes,
        engagement_rate=rate,
        posted_at=NEWEST - timedelta(days=days_old),
        language=language,
        url="https://www.tiktok.com/@creator/video/1",
    )
    for name in tags:
        tag = hashtag(name)
        PostHashtag.objects.get_or_create(post=row, hashtag=tag.canonical or tag)
    return row


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


def data_dir() -> Path:
    return Path(django_settings.DATA_DIR)


@pytest.fixture
def index_env(settings, tmp_path):
    """A private data directory and a fresh process-level index state for each test."""
    from seo.index import reset_loaded_index

    settings.DATA_DIR = tmp_path
    reset_loaded_index()
    yield tmp_path
    reset_loaded_index()
