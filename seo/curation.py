"""Staff curation of the hashtag vocabulary: merge spellings, block tags, keep counts true.

Posts are always linked to canonical tags. Merging makes the other tags aliases of the
chosen one (their own aliases follow, so aliases stay one hop away), moves their posts
over and refreshes the counts; the alias rows stay so later imports fold too.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce

from seo.models import Hashtag, PostHashtag


class CurationError(ValueError):
    """A curation request that cannot be carried out; the message says why."""


def hashtag_counts_refresh(*, hashtag_ids: Iterable[int] | None = None) -> int:
    """Recompute Hashtag.post_count from the links (all tags, or only those given)."""
    per_tag = (
        PostHashtag.objects.filter(hashtag=OuterRef("pk"))
        .order_by()
        .values("hashtag")
        .annotate(n=Count("*"))
        .values("n")
    )
    tags = Hashtag.objects.all()
    if hashtag_ids is not None:
        tags = tags.filter(pk__in=list(hashtag_ids))
    return tags.update(post_count=Coalesce(Subquery(per_tag), 0))


@transaction.atomic
def hashtag_merge(*, canonical: Hashtag, others: Iterable[Hashtag]) -> int:
    """Fold `others` into `canonical`; returns how many posts moved to the canonical tag."""
    canonical = Hashtag.objects.select_for_update().get(pk=canonical.pk)
    if canonical.canonical_id is not None:
        raise CurationError(
            f"#{canonical.name} is itself an alias of #{canonical.canonical.name}; merge into that tag instead."
        )
    other_ids = {tag.pk for tag in others} - {canonical.pk}
    if not other_ids:
        raise CurationError("Pick at least one other tag to merge into the canonical one.")
    folded = list(Hashtag.objects.select_for_update().filter(pk__in=other_ids))
    # The folded tags' own aliases point straight at the new canonical tag too.
    Hashtag.objects.filter(canonical_id__in=other_ids).update(canonical=canonical)
    Hashtag.objects.filter(pk__in=other_ids).update(canonical=canonical, post_count=0)

    already = PostHashtag.objects.filter(hashtag=canonical).values("post_id")
    moving = (
        PostHashtag.objects.filter(hashtag_id__in=other_ids)
        .exclude(post_id__in=already)
        .values_list("post_id", flat=True)
        .distinct()
    )
    new_links = [PostHashtag(post_id=post_id, hashtag=canonical) for post_id in moving.iterator()]
    PostHashtag.objects.bulk_create(new_links, batch_size=2000)
    PostHashtag.objects.filter(hashtag_id__in=other_ids).delete()
    hashtag_counts_refresh(hashtag_ids=[canonical.pk, *(tag.pk for tag in folded)])
    return len(new_links)


def hashtag_block_set(*, hashtags: Iterable[Hashtag], blocked: bool) -> int:
    """Block (never suggested) or unblock tags; an alias follows its canonical tag anyway."""
    return Hashtag.objects.filter(pk__in=[tag.pk for tag in hashtags]).update(is_blocked=blocked)
