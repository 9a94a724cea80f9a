"""Celery tasks for trend statistics: nightly (beat) and after each import.

`trend_stats_recompute_task` is idempotent: with full=False (the default) it does
nothing when the corpus has not changed since the last run, so the nightly run and
an after-import run that meet cost nothing twice. Progress and the outcome are a
Job row (kind "trend_stats") like every other background job.
"""

from __future__ import annotations

from celery import shared_task

from jobs.models import Job
from jobs.runner import JobDone, job_enqueue, job_run
from jobs.services import job_create, job_progress
from trends.services import trend_stats_recompute

TREND_STATS_KIND = "trend_stats"


def _recompute(job: Job) -> JobDone:
    job_id = str(job.pk)
    run = trend_stats_recompute(
        full=bool(job.params.get("full", False)),
        progress=lambda step: job_progress(job_id=job_id, done=0, message=f"Computing {step}"),
    )
    if run.skipped:
        summary = "The corpus has not changed since the last run: figures are up to date."
    else:
        summary = f"{run.rows:,} trend rows from {run.posts:,} posts in {run.seconds:.1f} s."
    report = {"summary": summary, "run": run.pk, "rows": run.rows, "skipped": run.skipped}
    return JobDone(report=report, message=summary)


@shared_task(
    name="trends.tasks.trend_stats_recompute_task",
    bind=True,
    autoretry_for=(ConnectionError,),
    retry_backoff=True,
    max_retries=3,
)
def trend_stats_recompute_task(self, job_id: str | None = None, full: bool = False) -> int | None:
    """Recompute the trend figures; returns the number of rows (None when not done by this delivery).

    Beat calls it without a job: it then makes its own, so the nightly run is visible too.
    """
    if job_id is None:
        job_id = str(job_create(kind=TREND_STATS_KIND, title="Trend statistics", params={"full": full}).pk)
    done = job_run(job_id, _recompute, "Computing trend statistics stopped unexpectedly: {error}")
    return done.report["rows"] if done else None


def trend_stats_job_start(*, user=None, full: bool = False) -> Job:
    """Create a visible job and enqueue the recompute once the current transaction commits."""
    job = job_create(kind=TREND_STATS_KIND, title="Trend statistics", user=user, params={"full": full})
    return job_enqueue(job=job, task=trend_stats_recompute_task)
