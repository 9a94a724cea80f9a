"""Peak hours: when posts get the most engagement, by hour of day and weekday, in the creator's time zone.

Engagement is normalised to a percentile rank (0..1) within the sample, so a few huge
posts cannot decide the answer. Each hour's figure is the mean rank of the posts
published in it, shrunk towards the middle (0.5) in proportion to how few posts it has;
each weekday-by-hour cell is shrunk towards its hour, which makes the hour the strong
signal and the weekday a weak one. Every figure carries its sample size and a
confidence label. With too little data the answer is a default evening window, shown
as such.

Where the data comes from, in order: the posts the creator uploaded themselves
(creator_posts, at least creator_posts.selectors.MIN_OWN_POSTS with views and a post time);
else their posts in the trend corpus (their TikTok handle as the author); else the niche
and language; else the niche; else the language; else the whole corpus. `audience` says
which, for the page's "From your 48 posts" / "From 5,780 trending posts" line.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.db.models import Q

from creator_posts.selectors import MIN_OWN_POSTS as MIN_UPLOADED_POSTS
from creator_posts.selectors import Audience, own_engagement_samples

MIN_SAMPLE = 120  # posts needed before a scope is used at all (5 an hour on average)
MIN_OWN_POSTS = 20  # the creator's own posts needed to prefer them
HOUR_PRIOR_WEIGHT = 5.0  # pseudo-posts pulling an hour towards 0.5
CELL_PRIOR_WEIGHT = 8.0  # pseudo-posts pulling a weekday-by-hour cell towards its hour
DEFAULT_HOURS = (18, 19, 20, 21)  # local evening: when most audiences scroll
DEFAULT_TIME = dt.time(19, 0)
CONFIDENCE_LEVELS = [(30, "high"), (12, "medium"), (4, "low")]


def confidence_label(sample: int) -> str:
    for threshold, label in CONFIDENCE_LEVELS:
        if sample >= threshold:
            return label
    return "too little data"


@dataclass(frozen=True)
class HourStat:
    hour: int
    score: float  # 0..1, 0.5 = typical engagement
    sample: int
    confidence: str


@dataclass(frozen=True)
class CellStat:
    weekday: int
    hour: int
    score: float
    sample: int


@dataclass
class PeakHours:
    timezone: str
    hours: list[HourStat]  # 24, by hour
    weekdays: list[HourStat]  # 7, by weekday (the `hour` field holds the weekday)
    cells: list[list[CellStat]]  # [weekday][hour]
    sample: int
    scope: str  # which posts were used, in words
    is_default: bool = False
    notes: list[str] = field(default_factory=list)
    audience: Audience | None = None  # own uploaded posts or trending posts (None: default window)

    @property
    def best_hours(self) -> list[int]:
        """The three best hours with at least low confidence, best first (the default when none)."""
        if self.is_default:
            return list(DEFAULT_HOURS[:3])
        # Prefer hours we are fairly sure of; fall back to the merely "low" ones.
        usable = [h for h in self.hours if h.confidence in ("high", "medium")]
        if len(usable) < 3:
            usable = [h for h in self.hours if h.confidence != "too little data"]
        return [h.hour for h in sorted(usable, key=lambda h: (-h.score, -h.sample, h.hour))[:3]]

    @property
    def best_time(self) -> dt.time:
        best = self.best_hours
        return dt.time(best[0], 0) if best and not self.is_default else DEFAULT_TIME


def _ranks(values: Sequence[float]) -> list[float]:
    """Percentile rank of each value in 0..1; ties share their average rank."""
    n = len(values)
    if n == 1:
        return [0.5]
    order = sorted(range(n), key=lambda i: values[i])
    ranks = [0.0] * n
    i = 0
    while i < n:
        j = i
        while j + 1 < n and values[order[j + 1]] == values[order[i]]:
            j += 1
        shared = (i + j) / 2 / (n - 1)
        for k in range(i, j + 1):
            ranks[order[k]] = shared
        i = j + 1
    return ranks


def _shrunk(total: float, count: int, prior: float, weight: float) -> float:
    return (total + weight * prior) / (count + weight)


def peak_hours_from(
    samples: Iterable[tuple[dt.datetime, float]],
    *,
    timezone_name: str,
    scope: str = "trending posts",
    minimum: int = MIN_SAMPLE,
) -> PeakHours:
    """Peak hours from (posted_at aware, engagement_rate) pairs. Plain values in, no ORM."""
    tz = ZoneInfo(timezone_name)
    rows = [
        (moment.astimezone(tz), rate) for moment, rate in samples if moment is not None and rate is not None
    ]
    if len(rows) < minimum:
        return default_peak_hours(
            timezone_name,
            note=f"Only {len(rows)} posts with engagement figures in {scope}; at least {minimum} are needed.",
            sample=len(rows),
        )
    ranks = _ranks([rate for _, rate in rows])
    hour_sum, hour_n = [0.0] * 24, [0] * 24
    day_sum, day_n = [0.0] * 7, [0] * 7
    cell_sum = [[0.0] * 24 for _ in range(7)]
    cell_n = [[0] * 24 for _ in range(7)]
    for (local, _), rank in zip(rows, ranks, strict=True):
        h, d = local.hour, local.weekday()
        hour_sum[h] += rank
        hour_n[h] += 1
        day_sum[d] += rank
        day_n[d] += 1
        cell_sum[d][h] += rank
        cell_n[d][h] += 1
    hours = [
        HourStat(
            h, _shrunk(hour_sum[h], hour_n[h], 0.5, HOUR_PRIOR_WEIGHT), hour_n[h], confidence_label(hour_n[h])
        )
        for h in range(24)
    ]
    weekdays = [
        HourStat(
            d, _shrunk(day_sum[d], day_n[d], 0.5, HOUR_PRIOR_WEIGHT), day_n[d], confidence_label(day_n[d])
        )
        for d in range(7)
    ]
    cells = [
        [
            CellStat(
                d, h, _shrunk(cell_sum[d][h], cell_n[d][h], hours[h].score, CELL_PRIOR_WEIGHT), cell_n[d][h]
            )
            for h in range(24)
        ]
        for d in range(7)
    ]
    return PeakHours(timezone_name, hours, weekdays, cells, len(rows), scope)


def default_peak_hours(timezone_name: str, *, note: str, sample: int = 0) -> PeakHours:
    """The fallback: evenings (18-21 local) marked as a default, not as a finding."""
    hours = [
        HourStat(
            h, 0.6 if h in DEFAULT_HOURS else 0.5, 0, "default" if h in DEFAULT_HOURS else "too little data"
        )
        for h in range(24)
    ]
    weekdays = [HourStat(d, 0.5, 0, "too little data") for d in range(7)]
    cells = [[CellStat(d, h, hours[h].score, 0) for h in range(24)] for d in range(7)]
    notes = [note, "Showing the default posting window, 18:00 to 21:00 local time, until there is more data."]
    return PeakHours(timezone_name, hours, weekdays, cells, sample, "default", is_default=True, notes=notes)


# --- reading the corpus ------------------------------------------------------------------


def _samples(queryset) -> list[tuple[dt.datetime, float]]:
    return list(
        queryset.filter(posted_at__isnull=False, engagement_rate__isnull=False).values_list(
            "posted_at", "engagement_rate"
        )
    )


def peak_hours_compute(
    *,
    timezone_name: str,
    niche: str = "",
    language: str = "",
    region: str = "",
    handle: str = "",
    user=None,
) -> PeakHours:
    """Peak hours for a creator: from their uploaded posts when there are enough, else from the
    trend corpus, the most specific scope with enough posts."""
    from seo.models import TrendPost

    notes: list[str] = []
    uploaded = own_engagement_samples(user) if user is not None else []
    if len(uploaded) >= MIN_UPLOADED_POSTS:
        result = peak_hours_from(
            uploaded,
            timezone_name=timezone_name,
            scope=f"your {len(uploaded)} uploaded posts",
            minimum=MIN_UPLOADED_POSTS,
        )
        result.audience = Audience(own=True, posts=len(uploaded), own_posts=len(uploaded))
        return result
    handle = handle.strip().lstrip("@")
    if handle:
        own = _samples(TrendPost.objects.filter(author__iexact=handle))
        if len(own) >= MIN_OWN_POSTS:
            result = _from_scope(own, timezone_name, f"your own {len(own)} posts (@{handle})", MIN_OWN_POSTS)
            if result is not None:
                result.audience = Audience(own=True, posts=len(own), own_posts=len(uploaded))
                return result
        notes.append(
            f"Only {len(own)} of your posts (@{handle}) are in the corpus; {MIN_OWN_POSTS} are needed to use them."
        )
    base = TrendPost.objects.all()
    if region:
        base = base.filter(region__iexact=region)
    niche = niche.strip().lower()
    language = language.strip().lower()
    scopes = []
    if niche and language:
        scopes.append((_by_niche(base, niche).filter(language=language), f"{niche} posts in “{language}”"))
    if niche:
        scopes.append((_by_niche(base, niche), f"{niche} posts"))
    if language:
        scopes.append((base.filter(language=language), f"posts in “{language}”"))
    scopes.append((base, "all trending posts"))
    where = f" in region {region.upper()}" if region else ""
    tried = []
    for queryset, label in scopes:
        samples = _samples(queryset)
        result = _from_scope(samples, timezone_name, label + where, MIN_SAMPLE)
        if result is not None:
            result.audience = Audience(own=False, posts=len(samples), own_posts=len(uploaded))
            if tried:
                notes.append("Not enough data for " + ", ".join(tried) + f"; using {label}{where}.")
            result.notes = notes + result.notes
            return result
        tried.append(f"{label} ({len(samples)})")
    fallback = default_peak_hours(
        timezone_name, note=f"Not enough trending posts with engagement figures ({', '.join(tried)})."
    )
    fallback.notes = notes + fallback.notes
    return fallback


def _by_niche(queryset, niche: str):
    """Posts carrying a hashtag of the niche (Hashtag.niche), or the niche's own tag."""
    from seo.models import PostHashtag

    tagged = PostHashtag.objects.filter(Q(hashtag__niche__iexact=niche) | Q(hashtag__name=niche))
    return queryset.filter(id__in=tagged.values("post_id"))


def _from_scope(samples, timezone_name: str, scope: str, minimum: int) -> PeakHours | None:
    if len(samples) < minimum:
        return None
    return peak_hours_from(samples, timezone_name=timezone_name, scope=scope, minimum=minimum)
