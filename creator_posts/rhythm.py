"""Posting rhythm vs views, for the calendar's consistency panel: in weeks with 1, 2, 3-4 or
5+ posts, how did each post do against the account's median views?

From the creator's own uploaded posts when they have MIN_OWN_POSTS with views and a post
time; else trend-wide, from the trend corpus' authors with at least MIN_AUTHOR_POSTS posts
(each post against its own author's median, so big and small accounts weigh alike). Medians
throughout, so one viral post cannot decide. The trend-wide figure is the same for everyone
and costs a scan of up to TREND_ROWS posts, so it is cached for TREND_CACHE_SECONDS.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.core.cache import cache

from creator_posts.selectors import MIN_OWN_POSTS, Audience, own_posts_with_views

BUCKETS = (("1 a week", 1, 1), ("2 a week", 2, 2), ("3\u20134 a week", 3, 4), ("5+ a week", 5, 10**6))
MIN_BUCKET_WEEKS = 3  # weeks a rhythm needs before it can be called the best one
MIN_AUTHOR_POSTS = 5
TREND_ROWS = 200_000
TREND_CACHE_SECONDS = 3600
_TREND_CACHE_KEY = "creator_posts:trend_rhythm:v1"


@dataclass(frozen=True)
class RhythmBucket:
    label: str
    weeks: int
    posts: int
    ratio: float | None  # median views per post in such weeks / the account's median

    @property
    def percent(self) -> int:
        return round((self.ratio or 0) * 100)


@dataclass(frozen=True)
class Rhythm:
    audience: Audience
    buckets: list[RhythmBucket]

    @property
    def best(self) -> RhythmBucket | None:
        usable = [b for b in self.buckets if b.weeks >= MIN_BUCKET_WEEKS and b.ratio is not None]
        return max(usable, key=lambda b: b.ratio) if usable else None


def rhythm_build(*, user, zone: ZoneInfo) -> Rhythm:
    """The rhythm from `user`'s own posts when there are enough, else trend-wide."""
    own = list(own_posts_with_views(user).filter(posted_at__isnull=False).values_list("posted_at", "views"))
    if len(own) >= MIN_OWN_POSTS:
        buckets = rhythm_buckets({"you": own}, zone=zone)
        return Rhythm(Audience(own=True, posts=len(own), own_posts=len(own)), buckets)
    posts, buckets = cache.get(_TREND_CACHE_KEY) or _trend_rhythm()
    return Rhythm(Audience(own=False, posts=posts, own_posts=len(own)), buckets)


def _trend_rhythm() -> tuple[int, list[RhythmBucket]]:
    from seo.models import TrendPost  # the shared corpus, read only

    by_author: dict[str, list[tuple[dt.datetime, int]]] = defaultdict(list)
    rows = (
        TrendPost.objects.exclude(author="")
        .filter(views__gt=0, posted_at__isnull=False)
        .order_by()
        .values_list("author", "posted_at", "views")[:TREND_ROWS]
    )
    for author, posted_at, views in rows.iterator(chunk_size=5000):
        by_author[author].append((posted_at, views))
    used = {a: p for a, p in by_author.items() if len(p) >= MIN_AUTHOR_POSTS}
    result = (sum(len(p) for p in used.values()), rhythm_buckets(used, zone=ZoneInfo("UTC")))
    cache.set(_TREND_CACHE_KEY, result, TREND_CACHE_SECONDS)
    return result


def rhythm_buckets(
    accounts: dict[str, Iterable[tuple[dt.datetime, int]]], *, zone: ZoneInfo
) -> list[RhythmBucket]:
    """Per posts-a-week bucket: weeks, posts and the median of views / the account's median."""
    ratios: dict[str, list[float]] = defaultdict(list)
    weeks: dict[str, int] = defaultdict(int)
    for posts in accounts.values():
        posts = list(posts)
        median = statistics.median(views for _, views in posts)
        if median <= 0:
            continue
        by_week: dict[tuple[int, int], list[int]] = defaultdict(list)
        for posted_at, views in posts:
            year, week, _ = posted_at.astimezone(zone).isocalendar()
            by_week[(year, week)].append(views)
        for week_views in by_week.values():
            label = _bucket(len(week_views))
            weeks[label] += 1
            ratios[label].extend(views / median for views in week_views)
    return [
        RhythmBucket(
            label,
            weeks[label],
            len(ratios[label]),
            statistics.median(ratios[label]) if ratios[label] else None,
        )
        for label, _, _ in BUCKETS
    ]


def _bucket(count: int) -> str:
    return next(label for label, low, high in BUCKETS if low <= count <= high)
