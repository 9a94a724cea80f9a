"""Recompute the stored trend statistics (called by the Celery task, the command and the benchmark).

A full run tokenises every caption and rewrites every row. An incremental run
(`full=False`) first compares the corpus' fingerprint with the last run's and does
nothing when posts, tags and curation are unchanged; otherwise it tokenises only
posts imported since the previous run (the keyword cache) and rewrites the rows.
The aggregation itself is always global: windows end at the newest post, so one new
post can shift every window, and the numpy aggregation over a million posts takes
seconds — correctness over cleverness. Rows are swapped in one transaction, so the
explorer never sees half a recompute.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import time
from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import connection, transaction
from django.db.models import Max, Min
from django.utils import timezone

from seo.models import TrendPost
from trends.compute import STAT_COLUMNS, Computed, compute
from trends.corpus import Tokeniser, cache_clear, corpus_fingerprint, corpus_read
from trends.models import TrendDetail, TrendRun, TrendStat

logger = logging.getLogger(__name__)

BATCH = 5000


def reference_override() -> dt.date | None:
    """TRENDS_REFERENCE_DATE (a date or "YYYY-MM-DD") replaces "the day of the newest post"."""
    raw = settings.TRENDS_REFERENCE_DATE
    if not raw:
        return None
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    try:
        return dt.date.fromisoformat(str(raw))
    except ValueError:
        raise ImproperlyConfigured(f"TRENDS_REFERENCE_DATE={raw!r} is not a date like 2026-11-20.") from None


def corpus_dates() -> tuple[dt.date | None, dt.date | None]:
    """(oldest, reference) days of the corpus, UTC; the reference honours the override."""
    span = TrendPost.objects.aggregate(oldest=Min("posted_at"), newest=Max("posted_at"))
    oldest = span["oldest"].astimezone(dt.UTC).date() if span["oldest"] else None
    newest = span["newest"].astimezone(dt.UTC).date() if span["newest"] else None
    return oldest, reference_override() or newest


def trend_stats_recompute(
    *,
    full: bool = True,
    tokeniser: Tokeniser | None = None,
    progress: Callable[[str], None] | None = None,
) -> TrendRun:
    """Recompute every trend row; with full=False skip an unchanged corpus and reuse tokenised captions."""
    started = time.perf_counter()
    fingerprint = corpus_fingerprint()
    previous = TrendRun.objects.filter(finished_at__isnull=False, skipped=False, error="").first()
    if not full and previous is not None and previous.fingerprint == fingerprint:
        return TrendRun.objects.create(
            full=False,
            skipped=True,
            fingerprint=fingerprint,
            reference_date=previous.reference_date,
            oldest_date=previous.oldest_date,
            posts=previous.posts,
            rows=previous.rows,
            slices=previous.slices,
            finished_at=timezone.now(),
            seconds=round(time.perf_counter() - started, 3),
        )
    run = TrendRun.objects.create(full=full, fingerprint=fingerprint)
    try:
        if full:
            cache_clear()
        oldest, reference = corpus_dates()
        if reference is None:
            with transaction.atomic():
                TrendStat.objects.all().delete()
                TrendDetail.objects.all().delete()
            computed_rows, posts, tokenised, slices = 0, 0, 0, {}
        else:
            corpus = corpus_read(tokeniser=tokeniser)
            if progress:
                progress(f"{len(corpus.post_ids):,} posts read")
            computed = compute(corpus, reference=reference, oldest=oldest, progress=progress)
            _write(computed)
            computed_rows, posts, tokenised = len(computed.stats), len(corpus.post_ids), corpus.tokenised
            slices = computed.slices
    except Exception as exc:
        TrendRun.objects.filter(pk=run.pk).update(
            error=f"{type(exc).__name__}: {exc}"[:2000], finished_at=timezone.now()
        )
        raise
    TrendRun.objects.filter(pk=run.pk).update(
        finished_at=timezone.now(),
        reference_date=reference,
        oldest_date=oldest,
        posts=posts,
        rows=computed_rows,
        tokenised=tokenised,
        slices=slices,
        seconds=round(time.perf_counter() - started, 3),
    )
    run.refresh_from_db()
    logger.info(
        "trend stats: %s rows from %s posts in %.1f s (%s captions tokenised)",
        run.rows,
        run.posts,
        run.seconds,
        run.tokenised,
    )
    return run


def _insert(cursor, model, rows: list[tuple], json_columns: set[str], columns: list[str]) -> None:
    """Bulk INSERT with executemany: a hundred thousand rows without building model instances."""
    quote = connection.ops.quote_name
    cast = "::jsonb" if connection.vendor == "postgresql" else ""
    marks = ", ".join(f"%s{cast}" if c in json_columns else "%s" for c in columns)
    sql = f"INSERT INTO {quote(model._meta.db_table)} ({', '.join(map(quote, columns))}) VALUES ({marks})"  # noqa: S608
    for start in range(0, len(rows), BATCH):
        cursor.executemany(sql, rows[start : start + BATCH])


def _write(computed: Computed) -> None:
    stat_rows = [(*row[:-1], json.dumps(row[-1], separators=(",", ":"))) for row in computed.stats]
    detail_rows = [
        (row.kind, row.key, json.dumps(row.related, ensure_ascii=False), json.dumps(row.top_post_ids))
        for row in computed.details
    ]
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Two recomputes at once (nightly and after an import) take turns instead of
            # colliding on the unique key; SQLite's IMMEDIATE transactions already do.
            cursor.execute(f"LOCK TABLE {TrendStat._meta.db_table} IN SHARE ROW EXCLUSIVE MODE")
        TrendStat.objects.all().delete()
        TrendDetail.objects.all().delete()
        _insert(cursor, TrendStat, stat_rows, {"series"}, list(STAT_COLUMNS))
        _insert(
            cursor,
            TrendDetail,
            detail_rows,
            {"related", "top_post_ids"},
            ["kind", "key", "related", "top_post_ids"],
        )
