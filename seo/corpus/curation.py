"""Staff curation of the hashtag vocabulary: merge spellings, block tags, keep counts true.

Posts are always linked to canonical tags. Merging makes the other tags aliases of the
chosen one (their own aliases follow, so aliases stay one hop away), moves their posts
over and refreshes the counts; the alias rows stay so later imports fold too.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection, transaction
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce

from seo.models import Hashtag, PostHashtag


class CurationError(ValueError):
    """A curation request that cannot be carried out; the message says why."""


def hashtag_counts_refresh(*, hashtag_ids: Iterable[int] | None = None) -> int:
    """Recompute Hashtag.post_count from the links (all tags, or only those given)."""
    if hashtag_ids is None and connection.vendor == "postgresql":
        return _counts_refresh_postgresql()
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


def _counts_refresh_postgresql() -> int:
    """One aggregate pass that rewrites only the counts that changed (a big import touches
    most tags; a correlated subquery per tag would be much slower)."""
    tags, links = Hashtag._meta.db_table, PostHashtag._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {tags} h SET post_count = COALESCE(c.n, 0) "  # noqa: S608  (table names from models)
            f"FROM {tags} h2 LEFT JOIN (SELECT hashtag_id, COUNT(*) AS n FROM {links} GROUP BY hashtag_id) c "
            f"ON c.hashtag_id = h2.id WHERE h.id = h2.id AND h.post_count <> COALESCE(c.n, 0)"
        )
        return cursor.rowcount


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
