"""Celery tasks for trend statistics: nightly (beat) and after each import.

`trend_stats_recompute_task` is idempotent: with full=False (the default) it does
nothing when the corpus has not changed since the last run, so the nightly run and
an after-import run that meet cost nothing twice. Progress and the outcome are a
Job row (kind "trend_stats") like every other background job.
"""

from __future__ import annotations

import logging

from celery import shared_task

from jobs.models import Job
from jobs.services import job_claim, job_create, job_fail, job_finish, job_progress
from trends.services import trend_stats_recompute

logger = logging.getLogger(__name__)

TREND_STATS_KIND = "trend_stats"


@shared_task(
    name="trends.tasks.trend_stats_recompute_task",
    bind=True,
    autoretry_for=(ConnectionError,),
    retry_backoff=True,
    max_retries=3,
)
def trend_stats_recompute_task(self, job_id: str | None = None, full: bool = False) -> int | None:
    """Recompute the trend figures; returns the number of rows (None when another delivery ran the job)."""
    if job_id is None:
        job = job_create(kind=TREND_STATS_KIND, title="Trend statistics", params={"full": full})
        job_id = str(job.pk)
    job = job_claim(job_id=job_id)
    if job is None:
        return None
    full = bool(job.params.get("full", full))
    try:
        run = trend_stats_recompute(
            full=full, progress=lambda step: job_progress(job_id=job_id, done=0, message=f"Computing {step}")
        )
    except Exception as exc:
        logger.exception("trend statistics job %s failed", job_id)
        job_fail(job_id=job_id, error=f"Computing trend statistics stopped unexpectedly: {exc}")
        raise
    if run.skipped:
        summary = "The corpus has not changed since the last run: figures are up to date."
    else:
        summary = f"{run.rows:,} trend rows from {run.posts:,} posts in {run.seconds:.1f} s."
    job_finish(
        job_id=job_id,
        report={"summary": summary, "run": run.pk, "rows": run.rows, "skipped": run.skipped},
        message=summary,
    )
    return run.rows


def trend_stats_job_start(*, user=None, full: bool = False) -> Job:
    """Create a visible job and enqueue the recompute once the current transaction commits."""
    job = job_create(kind=TREND_STATS_KIND, title="Trend statistics", user=user, params={"full": full})
    trend_stats_recompute_task.delay_on_commit(str(job.pk))
    return job
