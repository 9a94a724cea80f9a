"""Hookline's demo trend corpus: ~600 posts generated from seo/demo_corpus, loaded through
the real importer (source "demo"), so a fresh install has trends to show.

The generator is deterministic (fixed seed, fixed end date): loading twice upserts the
same posts. Tags listed as rising in a niche get more frequent towards the end date,
declining ones fade, and posting hours follow an evening-heavy daily rhythm.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.conf import settings

from seo.demo_corpus.niches import (
    AUTHORS,
    BODIES_EN,
    BODIES_NB,
    GENERIC_TAGS,
    GENERIC_TAGS_NB,
    HOOKS_EN,
    HOOKS_NB,
    NICHES,
    REGIONS_EN,
    REGIONS_NB,
)  # fmt: skip
from seo.importing import ImportReport, trend_import
from seo.models import Hashtag

DEMO_SOURCE = "demo"
DEMO_SEED = 20261120
DEMO_END = dt.datetime(2026, 11, 20, 22, 0, tzinfo=dt.UTC)
DEMO_DAYS = 120
POSTS_PER_NICHE = 75
NORWEGIAN_SHARE = 0.4
# Relative chance of posting in each UTC hour: quiet nights, a lunch bump, evening peak.
HOUR_WEIGHTS = [2, 1, 1, 1, 1, 1, 2, 3, 4, 4, 5, 6, 7, 6, 6, 7, 8, 10, 13, 15, 15, 12, 8, 4]


def _posted_at(rng: random.Random) -> tuple[dt.datetime, float]:
    """A posting time and its recency (0 = oldest day, 1 = the end date)."""
    recency = rng.random() ** 0.8  # a little more activity recently, as trending data has
    day = DEMO_END.date() - dt.timedelta(days=round((1 - recency) * (DEMO_DAYS - 1)))
    hour = rng.choices(range(24), weights=HOUR_WEIGHTS)[0]
    moment = dt.datetime.combine(day, dt.time(hour, rng.randrange(60), rng.randrange(60)), tzinfo=dt.UTC)
    return min(moment, DEMO_END), recency


def _counts(rng: random.Random) -> dict[str, int | None]:
    views = int(10 ** rng.uniform(2.7, 7.2))  # from a few hundred to ~15 million
    likes = int(views * rng.uniform(0.02, 0.16))
    return {
        "views": views,
        "likes": likes,
        "comments": int(likes * rng.uniform(0.005, 0.06)),
        "shares": int(likes * rng.uniform(0.01, 0.12)),
        "saves": int(likes * rng.uniform(0.02, 0.2)) if rng.random() > 0.15 else None,
    }


def _tags(rng: random.Random, niche: dict[str, Any], *, norwegian: bool, recency: float) -> list[str]:
    pool = list(niche["tags"]) + (list(niche["tags_nb"]) * 2 if norwegian else [])
    tags = rng.sample(pool, k=min(len(pool), rng.randint(2, 4)))
    for tag in niche["rising"]:
        if rng.random() < 0.03 + 0.9 * recency**3:
            tags.append(tag)
    for tag in niche["declining"]:
        if rng.random() < 0.03 + 0.9 * (1 - recency) ** 3:
            tags.append(tag)
    generic = GENERIC_TAGS_NB if norwegian else GENERIC_TAGS
    tags += rng.sample(generic, k=rng.choice([0, 1, 1, 2, 3]))
    return list(dict.fromkeys(tags))


def demo_posts(*, seed: int = DEMO_SEED) -> Iterator[dict[str, Any]]:
    """The demo posts as import rows (canonical column names)."""
    rng = random.Random(seed)
    number = 0
    for niche_index, (niche_name, niche) in enumerate(NICHES.items()):
        # Each niche has its own few creators, as real niches do.
        authors = AUTHORS[niche_index :: len(NICHES)]
        for _ in range(POSTS_PER_NICHE):
            number += 1
            norwegian = rng.random() < NORWEGIAN_SHARE
            topic = rng.choice(niche["topics_nb" if norwegian else "topics_en"])
            hook = rng.choice(HOOKS_NB if norwegian else HOOKS_EN).format(topic=topic)
            body = rng.choice(BODIES_NB if norwegian else BODIES_EN)
            posted_at, recency = _posted_at(rng)
            tags = _tags(rng, niche, norwegian=norwegian, recency=recency)
            # Some creators type tags inline, others only in the tag field; the importer unites both.
            inline = tags[: rng.randint(0, len(tags))]
            caption = " ".join(part for part in (hook, body, " ".join(f"#{t}" for t in inline)) if part)
            author = rng.choice(authors)
            video_id = f"demo{number:05d}"
            yield {
                "video_id": video_id,
                "caption": caption,
                "hashtags": " ".join(f"#{t}" for t in tags),
                "author": author,
                **_counts(rng),
                "posted_at": posted_at.isoformat(),
                "region": rng.choice(REGIONS_NB if norwegian else REGIONS_EN),
                "language": "nb" if norwegian else "en",
                "sound": rng.choice(niche["sounds"]),
                "duration_s": rng.choice([9, 12, 15, 21, 28, 34, 45, 58, 75, 110]),
                "url": f"https://www.tiktok.com/@{author}/video/{video_id}",
                "niche": niche_name,  # not an import column: ignored by the importer, kept for readers
            }


def demo_corpus_write(*, path: Path | None = None) -> Path:
    path = path or Path(settings.DATA_DIR) / "demo" / "demo_trends.jsonl"
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        for post in demo_posts():
            handle.write(json.dumps(post, ensure_ascii=False) + "\n")
    return path


def demo_corpus_load() -> ImportReport:
    """Write the demo file and import it (upsert: safe to run on every start)."""
    report = trend_import(paths=[demo_corpus_write()], source=DEMO_SOURCE)
    if report.imported:
        generic = set(GENERIC_TAGS) | set(GENERIC_TAGS_NB) - {"norge"}
        Hashtag.objects.filter(name__in=generic, canonical__isnull=True).update(is_generic=True)
        for niche_name, niche in NICHES.items():
            names = [*niche["tags"], *niche["tags_nb"], *niche["rising"], *niche["declining"]]
            Hashtag.objects.filter(name__in=names, niche="").update(niche=niche_name)
    return report
