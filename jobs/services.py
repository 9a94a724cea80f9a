"""Create, claim, advance and finish jobs.

Tasks call these so that progress is visible from every process (it lives in the
database) and a task that is delivered twice does its work only once: `job_claim`
is a conditional UPDATE, so only one worker moves a job from queued to running.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import transaction
from django.utils import timezone

from jobs.models import Job


def job_create(*, kind: str, title: str, user=None, params: dict[str, Any] | None = None) -> Job:
    return Job.objects.create(kind=kind, title=title, created_by=user, params=params or {})


def job_start(*, job: Job, task: Callable[..., Any]) -> Job:
    """Enqueue `task(job_id)` once the surrounding transaction has committed."""
    job_id = str(job.pk)
    transaction.on_commit(lambda: task.delay(job_id))
    return job


def job_claim(*, job_id: str) -> Job | None:
    """Move a queued job to running; None when another delivery already took it."""
    claimed = Job.objects.filter(pk=job_id, status=Job.Status.QUEUED).update(
        status=Job.Status.RUNNING, started_at=timezone.now()
    )
    if not claimed:
        return None
    return Job.objects.get(pk=job_id)


def job_progress(*, job_id: str, done: int, total: int | None = None, message: str = "") -> None:
    fields: dict[str, Any] = {"done": done}
    if total is not None:
        fields["total"] = total
    if message:
        fields["message"] = message[:500]
    Job.objects.filter(pk=job_id).update(**fields)


def job_finish(*, job_id: str, report: dict[str, Any], ok: bool = True, message: str = "") -> None:
    Job.objects.filter(pk=job_id).update(
        status=Job.Status.SUCCEEDED if ok else Job.Status.FAILED,
        report=report,
        message=message[:500],
        finished_at=timezone.now(),
    )


def job_fail(*, job_id: str, error: str) -> None:
    job_finish(job_id=job_id, report={"error": error}, ok=False, message=error)


def jobs_prune(*, keep_days: int | None = None) -> int:
    """Delete jobs that finished more than `keep_days` (setting JOBS_KEEP_DAYS, 30) ago."""
    from datetime import timedelta

    from django.conf import settings

    days = keep_days if keep_days is not None else getattr(settings, "JOBS_KEEP_DAYS", 30)
    cutoff = timezone.now() - timedelta(days=days)
    deleted, _ = Job.objects.filter(finished_at__lt=cutoff).delete()
    return deleted
