"""Evidence for suggestions: the trending posts behind a tag or keyword, fetched once.

Every suggestion shows a few posts as proof; their rows come from the database in one
indexed query per suggestion and are remembered on the loaded index version.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from django.db import connection

from seo.index.serving import index_derived
from seo.index.store import LoadedIndex
from seo.models import TrendPost
from seo.suggest.suggestions import PostRef

CAPTION_PREVIEW = 140
REF_CACHE_SIZE = 20_000  # evidence rows kept per loaded index: popular posts back many suggestions


def post_refs(
    index: LoadedIndex, posts: Iterable[int], similarity: Mapping[int, float]
) -> dict[int, PostRef]:
    cache: dict[int, tuple] = index_derived(index, "evidence_rows", dict)  # lives and dies with the version
    wanted = {int(index.post_ids[p]): p for p in set(posts)}
    missing = [pk for pk in wanted if pk not in cache]
    if missing:
        if len(cache) > REF_CACHE_SIZE:
            cache.clear()
        table = TrendPost._meta.db_table
        with connection.cursor() as cursor:
            # One indexed lookup, without the ORM's per-query overhead (this is on every suggestion).
            # PostgreSQL plans "= ANY(array)" once for any number of ids, IN (...) per length. The
            # ids travel as one array literal: psycopg would adapt them one Python int at a time.
            if connection.vendor == "postgresql":
                where, params = "id = ANY(%s::bigint[])", ["{" + ",".join(map(str, missing)) + "}"]
            else:
                where, params = f"id IN ({', '.join(['%s'] * len(missing))})", missing
            cursor.execute(
                # Only the preview's characters travel: captions run to 4,000 characters.
                f"SELECT id, video_id, url, author, SUBSTR(caption, 1, {CAPTION_PREVIEW + 1}), views "  # noqa: S608  (fixed table name)
                f"FROM {table} WHERE {where}",
                params,
            )
            for pk, video_id, url, author, caption, views in cursor.fetchall():
                short = caption if len(caption) <= CAPTION_PREVIEW else caption[: CAPTION_PREVIEW - 1] + "…"
                cache[pk] = (video_id, url, author, short, views)
    refs = {}
    for pk, post in wanted.items():
        row = cache.get(pk)
        if row is not None:
            refs[post] = PostRef(*row, round(float(similarity.get(post, 0.0)), 4))
    return refs
