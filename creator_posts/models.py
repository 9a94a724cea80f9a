"""A creator's own posts, from their TikTok Studio analytics export or an importer file.

Kept apart from seo.TrendPost on purpose: the trend index is built from TrendPost only, so
these rows can never leak into the shared corpus, and every read goes through
creator_posts.selectors, which filters by owner.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class CreatorPost(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="creator_posts"
    )
    # TikTok's video id when the file has one; else a stable key from the post time and title,
    # so that uploading the same export again updates the rows instead of doubling them.
    video_id = models.CharField(max_length=64)
    caption = models.TextField(blank=True)
    posted_at = models.DateTimeField(null=True, blank=True)
    # False when the export gave only the day: such posts count for weeks, not for peak hours.
    has_time = models.BooleanField(default=True)
    views = models.BigIntegerField(null=True, blank=True)
    likes = models.BigIntegerField(null=True, blank=True)
    comments = models.BigIntegerField(null=True, blank=True)
    shares = models.BigIntegerField(null=True, blank=True)
    saves = models.BigIntegerField(null=True, blank=True)
    engagement_rate = models.FloatField(null=True, blank=True)
    duration_s = models.FloatField(null=True, blank=True)
    average_watch_s = models.FloatField(null=True, blank=True)
    full_watch_rate = models.FloatField(null=True, blank=True, help_text="0..1: viewers who watched it all")
    url = models.CharField(max_length=500, blank=True)
    imported_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner", "video_id"], name="creator_post_unique_per_owner"),
        ]
        indexes = [models.Index(fields=["owner", "posted_at"])]
        ordering = ["-posted_at", "id"]

    def __str__(self) -> str:
        return f"{self.owner}: {self.caption[:40] or self.video_id}"
