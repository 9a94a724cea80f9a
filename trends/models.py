"""Precomputed trend statistics: what the explorer reads, so pages never scan the corpus."""

from __future__ import annotations

from django.db import models


class Kind(models.TextChoices):
    HASHTAG = "hashtag", "Hashtags"
    KEYWORD = "keyword", "Keywords"
    SOUND = "sound", "Sounds"


class Stage(models.TextChoices):
    RISING = "rising"
    NEW = "new"
    PEAKING = "peaking"
    EVERGREEN = "evergreen"
    DECLINING = "declining"


class Dimension(models.TextChoices):
    ALL = "", "All posts"
    NICHE = "niche"
    REGION = "region"
    LANGUAGE = "language"


class TrendStat(models.Model):
    """One hashtag, keyword or sound over one window (7, 30 or 120 days) in one slice of the corpus.

    A slice is all posts (dimension "") or the posts of one niche, region or language.
    `series` holds the posts per day of the window before and the current window, oldest
    first (statistics computed before both were kept hold the current window only).
    """

    kind = models.CharField(max_length=10, choices=Kind.choices)
    key = models.CharField(max_length=300)
    window = models.PositiveSmallIntegerField()
    dimension = models.CharField(max_length=10, choices=Dimension.choices, blank=True, default="")
    value = models.CharField(max_length=50, blank=True, default="")
    posts = models.PositiveIntegerField()
    views = models.BigIntegerField()
    engagement = models.FloatField(null=True, blank=True, help_text="Mean engagement rate of the posts.")
    prev_posts = models.PositiveIntegerField()
    prev_views = models.BigIntegerField()
    prev_engagement = models.FloatField(null=True, blank=True)
    # (posts - prev_posts) / max(prev_posts, floor); null when the corpus is too short to compare.
    velocity = models.FloatField(null=True, blank=True)
    stage = models.CharField(max_length=10, choices=Stage.choices)
    series = models.JSONField(default=list)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "window", "dimension", "value", "key"], name="trendstat_unique_slice_key"
            ),
        ]
        indexes = [
            models.Index(fields=["kind", "window", "dimension", "value", "-posts"], name="trendstat_top"),
            models.Index(
                fields=["kind", "window", "dimension", "value", "-velocity"], name="trendstat_rising"
            ),
            models.Index(fields=["kind", "key"], name="trendstat_key"),
        ]

    def __str__(self) -> str:
        where = f"{self.dimension}={self.value}" if self.dimension else "all"
        return f"{self.kind}:{self.key} {self.window}d {where} ({self.stage})"

    @property
    def window_series(self) -> list[int]:
        """Posts per day of the current window only."""
        return list(self.series[-self.window :])


class TrendDetail(models.Model):
    """What a detail page shows beyond the figures: related hashtags and top posts (all posts, 120 days)."""

    kind = models.CharField(max_length=10, choices=Kind.choices)
    key = models.CharField(max_length=300)
    # [[tag, posts together, share of this key's posts], ...], strongest first.
    related = models.JSONField(default=list)
    top_post_ids = models.JSONField(default=list)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "key"], name="trenddetail_unique_key")]

    def __str__(self) -> str:
        return f"{self.kind}:{self.key}"


class TrendRun(models.Model):
    """One recompute: when, how, over what corpus — and the fingerprint the next run compares with."""

    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    full = models.BooleanField(default=True)
    skipped = models.BooleanField(default=False, help_text="Nothing changed since the previous run.")
    reference_date = models.DateField(null=True, blank=True)
    oldest_date = models.DateField(null=True, blank=True)
    posts = models.PositiveIntegerField(default=0)
    rows = models.PositiveIntegerField(default=0)
    tokenised = models.PositiveIntegerField(default=0, help_text="Captions tokenised in this run.")
    seconds = models.FloatField(null=True, blank=True)
    fingerprint = models.CharField(max_length=200, blank=True)
    # {"niche": [...], "region": [...], "language": [...]}: the filter values that have rows.
    slices = models.JSONField(default=dict, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["-started_at", "-id"]

    def __str__(self) -> str:
        return f"trend run {self.pk} ({'full' if self.full else 'incremental'})"
