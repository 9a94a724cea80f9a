"""CSV export of trend posts for staff, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator

from django.db.models import Prefetch, QuerySet
from django.http import StreamingHttpResponse
from django.utils import timezone

from config.spreadsheet import csv_safe
from seo.models import Hashtag, TrendPost

EXPORT_COLUMNS = [
    "video_id", "caption", "hashtags", "author", "views", "likes", "comments", "shares", "saves",
    "engagement_rate", "posted_at", "region", "language", "sound", "duration_s", "url", "source",
]  # fmt: skip


class _Echo:
    def write(self, value: str) -> str:
        return value


def _rows(posts: QuerySet[TrendPost]) -> Iterator[list[str]]:
    yield EXPORT_COLUMNS
    tags = Prefetch("hashtags", queryset=Hashtag.objects.only("name").order_by("name"))
    for post in posts.prefetch_related(tags).iterator(chunk_size=2000):
        values = {field: getattr(post, field) for field in EXPORT_COLUMNS if field != "hashtags"}
        values["hashtags"] = " ".join(f"#{tag.name}" for tag in post.hashtags.all())
        yield [csv_safe(values[column]) for column in EXPORT_COLUMNS]


def trend_posts_csv_response(posts: Iterable[TrendPost] | QuerySet[TrendPost]) -> StreamingHttpResponse:
    writer = csv.writer(_Echo())
    stamp = timezone.now().strftime("%Y%m%d-%H%M")
    response = StreamingHttpResponse((writer.writerow(row) for row in _rows(posts)), content_type="text/csv")
    response["Content-Disposition"] = f'attachment; filename="hookline-trends-{stamp}.csv"'
    return response
