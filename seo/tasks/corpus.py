"""Celery tasks for the trend corpus: an uploaded import and the likely-duplicates scan.

Both take a Job id and run through jobs.runner.job_run (claim, heartbeat, fail with a
message, finish), reporting progress through jobs.services.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from celery import shared_task
from django.db import connection, connections

from jobs.models import Job
from jobs.runner import JobDone, job_run
from jobs.services import job_progress
from seo.corpus.duplicates import hashtag_duplicates_find
from seo.corpus.importing import trend_import
from seo.tasks.index import index_build_start

TREND_IMPORT_KIND = "trend_import"
HASHTAG_DUPLICATES_KIND = "hashtag_duplicates"


PROGRESS_INTERVAL_S = 1.0


def _import_progress(job_id: str) -> Callable[[int, int], None]:
    """Progress for an import that runs inside one transaction.

    On PostgreSQL the import runs in one transaction, and updates written on its connection
    would stay invisible until it commits, so they go through a short-lived thread (Django
    gives each thread its own connection), at most once a second. On SQLite the import
    stages its rows outside any transaction (seo.corpus.importing.staging), so progress is written
    directly after each chunk.
    """
    last = 0.0

    def write(done: int, total: int) -> None:
        try:
            job_progress(job_id=job_id, done=done, total=total, message=f"{done:,} rows read")
        finally:
            connections.close_all()

    def report(done: int, total: int) -> None:
        nonlocal last
        if not connection.in_atomic_block:
            job_progress(job_id=job_id, done=done, total=total, message=f"{done:,} rows read")
            return
        if connection.vendor != "postgresql" or time.monotonic() - last < PROGRESS_INTERVAL_S:
            return
        last = time.monotonic()
        thread = threading.Thread(target=write, args=(done, total), daemon=True)
        thread.start()
        thread.join()

    return report


def _import(job: Job) -> JobDone:
    params = job.params
    report = trend_import(
        paths=params["paths"],
        source=params.get("source", "import"),
        dry_run=params.get("dry_run", False),
        skip_invalid=params.get("skip_invalid", False),
        progress=_import_progress(str(job.pk)),
        # A format name, or a column mapping chosen in the admin upload (seo.admin_import).
        file_format=params.get("file_format"),
    )
    written = report.created + report.updated
    ok = report.imported and (written > 0 or report.dry_run or not report.error_count)
    return JobDone(report=report.as_dict(), message=report.summary, ok=ok)


@shared_task(bind=True, autoretry_for=(ConnectionError,), retry_backoff=True, max_retries=3)
def trend_import_task(self, job_id: str) -> None:
    done = job_run(job_id, _import, "The import stopped unexpectedly: {error}")
    report = done.report if done else {}
    if report.get("created", 0) + report.get("updated", 0) and not report.get("dry_run"):
        corpus_followups_start(user=Job.objects.get(pk=job_id).created_by)


class _Followups:
    starts: list[Callable[..., object]] = []


def corpus_followup_register(start: Callable[..., object]) -> None:
    """An app that builds on the corpus (trends) starts its own job after every import that
    changed it: `start(user=...)`. Registered at start-up, so seo imports no app above it."""
    if start not in _Followups.starts:
        _Followups.starts.append(start)


def corpus_followups_start(*, user=None) -> None:
    """After the corpus changed: rebuild the suggestion index, then start every registered
    follow-up (the trend statistics), each as a visible job of its own."""
    index_build_start(user=user)
    for start in _Followups.starts:
        start(user=user)


def _duplicates(job: Job) -> JobDone:
    job_id = str(job.pk)
    pairs = hashtag_duplicates_find(
        min_score=job.params.get("min_score", 85.0),
        progress=lambda done, total: job_progress(
            job_id=job_id, done=done, total=total, message=f"{done:,} of {total:,} tag groups compared"
        ),
    )
    summary = f"{len(pairs):,} likely duplicate pairs found."
    return JobDone(
        report={"pairs": pairs, "summary": summary}, message=f"{len(pairs):,} likely duplicate pairs"
    )


@shared_task(bind=True, autoretry_for=(ConnectionError,), retry_backoff=True, max_retries=3)
def hashtag_duplicates_task(self, job_id: str) -> None:
    job_run(job_id, _duplicates, "The duplicate scan stopped unexpectedly: {error}")
