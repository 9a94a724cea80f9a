"""Build small trend corpora with chosen dates, tags, regions and sounds."""

from __future__ import annotations

import datetime as dt
import itertools

from seo.models import Hashtag, PostHashtag, TrendPost

END = dt.datetime(2026, 3, 31, 18, 0, tzinfo=dt.UTC)
_numbers = itertools.count(1)


def tag(name: str, **fields) -> Hashtag:
    hashtag, _ = Hashtag.objects.get_or_create(name=name, defaults=fields)
    return hashtag


def post(
    *,
    days_ago: int,
    tags: list[str] = (),
    caption: str = "",
    region: str = "US",
    language: str = "en",
    sound: str = "",
    views: int = 1000,
    end: dt.datetime = END,
) -> TrendPost:
    number = next(_numbers)
    created = TrendPost.objects.create(
        source="test",
        video_id=f"v{number}",
        caption=caption or f"post {number} " + " ".join(f"#{t}" for t in tags),
        views=views,
        likes=views // 10,
        engagement_rate=0.1,
        posted_at=end - dt.timedelta(days=days_ago),
        region=region,
        language=language,
        sound=sound,
        url=f"https://www.tiktok.com/@someone/video/{number}",
    )
    for name in tags:
        PostHashtag.objects.create(post=created, hashtag=tag(name))
    return created


def rising_and_falling_corpus() -> None:
    """#sourdough rises over the last 30 days, #dalgona fades; #bread is steady; all in niche food."""
    for name in ("sourdough", "dalgona", "bread"):
        tag(name, niche="food")
    for day in range(60):
        recent = day < 30
        for _ in range(4 if recent else 1):
            post(
                days_ago=day,
                tags=["sourdough", "bread"],
                caption="sourdough starter crumb",
                sound="lofi beat",
            )
        if not recent:
            for _ in range(3):
                post(
                    days_ago=day,
                    tags=["dalgona"],
                    caption="whipped coffee dalgona",
                    region="NO",
                    language="nb",
                )
        post(days_ago=day, tags=["bread"], caption="bread loaf bake")
