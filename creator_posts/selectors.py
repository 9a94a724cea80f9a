"""Reads of a creator's own posts. Every read goes through creator_posts_of(user), the one
place that applies the owner filter, so no other creator (or their API token) sees them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet

from creator_posts.models import CreatorPost

# Own posts with views needed before Hookline prefers them to trend-wide data. Twenty posts
# put four or more in most of a creator's usual posting hours, the least peak hours and the
# hints can say anything about (series.peak_hours calls fewer than 4 "too little data").
MIN_OWN_POSTS = 20


def creator_posts_of(user) -> QuerySet[CreatorPost]:
    """`user`'s own posts; none for an anonymous user."""
    if not getattr(user, "is_authenticated", False):
        return CreatorPost.objects.none()
    return CreatorPost.objects.filter(owner=user)


def own_posts_with_views(user) -> QuerySet[CreatorPost]:
    return creator_posts_of(user).filter(views__gt=0)


@dataclass(frozen=True)
class Audience:
    """Which data a figure came from, and how to say so."""

    own: bool
    posts: int  # posts behind the figure
    own_posts: int  # the creator's own posts with views, whether used or not

    @property
    def text(self) -> str:
        if self.own:
            return f"From your {self.posts:,} posts"
        return f"From {self.posts:,} trending posts"

    @property
    def upload_hint(self) -> str:
        """Why own data was not used; empty when it was."""
        if self.own:
            return ""
        if self.own_posts:
            return (
                f"You have uploaded {self.own_posts} post{'s' if self.own_posts != 1 else ''} with views and a post time;"
                f" {MIN_OWN_POSTS} are needed to use your own audience."
            )
        return "Upload your analytics to use your own audience."


def own_engagement_samples(user) -> list[tuple[dt.datetime, float]]:
    """(posted_at, engagement_rate) of the creator's own posts, for peak hours."""
    return list(
        own_posts_with_views(user)
        .filter(posted_at__isnull=False, has_time=True, engagement_rate__isnull=False)
        .values_list("posted_at", "engagement_rate")
    )
