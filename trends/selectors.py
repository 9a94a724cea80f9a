"""Reads of the stored trend statistics: the explorer's tables, a detail page, and stages for suggestions.

The suggestion engine (seo.suggest.stages, which TrendsConfig.ready hands `all_stages`)
multiplies a hashtag's or keyword's score by `STAGE_MULTIPLIERS[stage]`; keys without a
stored row have no stage (multiplier 1). Stages are read over all posts in the STAGE_WINDOW-day window.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings

from seo.index.serving import filler_words
from seo.models import Hashtag, TrendPost
from seo.text.filler import is_filler
from trends.models import TrendDetail, TrendRun, TrendStat

STAGE_MULTIPLIERS = {"rising": 1.15, "new": 1.1, "peaking": 1.0, "evergreen": 1.0, "declining": 0.8}
DEFAULT_WINDOW = 30
FILTER_DIMENSIONS = ("niche", "region", "language")
RISING_STAGES = ("rising", "new")
FILLER_FETCH = 4  # rows read per row shown when filler keywords are left out


def stage_window() -> int:
    return settings.TRENDS_STAGE_WINDOW


def all_stages() -> dict[str, dict[str, str]]:
    """{"hashtag": {tag: stage}, "keyword": {term: stage}} over all posts, in one query.

    The explorer keeps a few thousand keys per kind in the all-posts slice, so the whole
    table is small enough for every process to hold (seo.suggest.stages caches it).
    """
    out: dict[str, dict[str, str]] = {"hashtag": {}, "keyword": {}}
    rows = TrendStat.objects.filter(
        kind__in=tuple(out), window=stage_window(), dimension="", value=""
    ).values_list("kind", "key", "stage")
    for kind, key, stage in rows:
        out[kind][key] = stage
    return out


def latest_run() -> TrendRun | None:
    """The newest finished recompute that produced rows (skipped runs repeat its figures)."""
    return TrendRun.objects.filter(finished_at__isnull=False, error="").first()


@dataclass(frozen=True)
class Slice:
    dimension: str = ""
    value: str = ""

    @property
    def label(self) -> str:
        return f"{self.dimension} {self.value}" if self.dimension else "all posts"


@dataclass
class ExplorerTables:
    tables: dict[str, list[TrendStat]]  # "rising" and "top"
    hidden_filler: list[str]  # filler keywords the tables would have shown, most used first


def explorer_tables(
    *, kind: str, window: int, where: Slice, limit: int = 15, hide_filler: bool = False
) -> ExplorerTables:
    """The rising and the most used keys of one kind in one slice and window (two indexed queries).

    With `hide_filler`, keywords the suggestion index measured as filler ("love", "day")
    are left out: they top every count and say nothing a creator can act on.
    """
    hide_filler = hide_filler and kind == "keyword"
    fetch = limit * FILLER_FETCH if hide_filler else limit
    base = TrendStat.objects.filter(kind=kind, window=window, dimension=where.dimension, value=where.value)
    tables = {
        "rising": list(base.filter(stage__in=RISING_STAGES).order_by("-velocity", "-posts", "key")[:fetch]),
        "top": list(base.filter(posts__gt=0).order_by("-posts", "-views", "key")[:fetch]),
    }
    if not hide_filler:
        return ExplorerTables(tables, [])
    posts = {row.key: row.posts for rows in tables.values() for row in rows}
    # Measured filler, and the words seo.text.filler lists ("day", "step", "bio"): a small corpus
    # cannot measure every template word, and the suggester already never offers these.
    filler = filler_words(posts) | {key for key in posts if is_filler(key)}
    shown = {row.key for rows in tables.values() for row in rows[:limit]}
    hidden = sorted(filler & shown, key=lambda key: (-posts[key], key))
    kept = {name: [row for row in rows if row.key not in filler][:limit] for name, rows in tables.items()}
    return ExplorerTables(kept, hidden)


@dataclass
class TrendDetailView:
    kind: str
    key: str
    stats: dict[int, TrendStat]  # window -> row over all posts
    related: list[dict]
    top_posts: list[TrendPost]
    aliases: list[str]
    hashtag_posts: int | None  # for a hashtag known to the corpus but without figures


def trend_detail(*, kind: str, key: str) -> TrendDetailView:
    stats = {
        row.window: row
        for row in TrendStat.objects.filter(kind=kind, key=key, dimension="", value="").order_by("window")
    }
    detail = TrendDetail.objects.filter(kind=kind, key=key).first()
    related = [
        {"tag": tag, "together": together, "share": share, "percent": round(share * 100)}
        for tag, together, share in (detail.related if detail else [])
    ]
    top_posts: list[TrendPost] = []
    if detail and detail.top_post_ids:
        by_id = TrendPost.objects.in_bulk(detail.top_post_ids)
        top_posts = [by_id[pk] for pk in detail.top_post_ids if pk in by_id]
    aliases: list[str] = []
    hashtag_posts = None
    if kind == "hashtag":
        aliases = list(
            Hashtag.objects.filter(canonical__name=key).order_by("name").values_list("name", flat=True)
        )
        if not stats:
            hashtag_posts = Hashtag.objects.filter(name=key).values_list("post_count", flat=True).first()
    return TrendDetailView(
        kind=kind,
        key=key,
        stats=stats,
        related=related,
        top_posts=top_posts,
        aliases=aliases,
        hashtag_posts=hashtag_posts,
    )


def corpus_is_empty() -> bool:
    return not TrendPost.objects.exists()
