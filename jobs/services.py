"""Create, claim, advance and finish jobs.

Tasks call these (through jobs.runner.job_run) so that progress is visible from every process (it lives in the
database) and a task that is delivered twice does its work only once: `job_claim`
is a conditional UPDATE, so only one worker moves a job from queued to running.
A running job whose heartbeat stopped (its worker died) may be claimed again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db.models import F, Q
from django.utils import timezone

from jobs.heartbeat import heartbeat_start
from jobs.models import Job

logger = logging.getLogger(__name__)

QUEUE_DOWN_MESSAGE = (
    "The job could not be queued: the background queue is not reachable right now. "
    "Nothing was done; please try again in a minute."
)

# Per job kind: what to undo after a worker died halfway (e.g. a half-built index).
# Called with the job as it was when its worker stopped; must be safe to call twice.
_ABANDON_HOOKS: dict[str, Callable[[Job], None]] = {}


def job_abandon_hook(kind: str) -> Callable[[Callable[[Job], None]], Callable[[Job], None]]:
    """Register the clean-up for jobs of `kind` whose worker stopped (decorator)."""

    def register(hook: Callable[[Job], None]) -> Callable[[Job], None]:
        _ABANDON_HOOKS[kind] = hook
        return hook

    return register


def job_abandoned(job: Job) -> None:
    hook = _ABANDON_HOOKS.get(job.kind)
    if hook is not None:
        hook(job)


def stale_after() -> timedelta:
    """A running job without a heartbeat for this long has lost its worker."""
    return timedelta(seconds=settings.JOBS_STALE_SECONDS)


def stale_running(*, now=None) -> Q:
    cutoff = (now or timezone.now()) - stale_after()
    return Q(status=Job.Status.RUNNING) & (
        Q(heartbeat_at__lt=cutoff) | Q(heartbeat_at__isnull=True, started_at__lt=cutoff)
    )


def job_create(*, kind: str, title: str, user=None, params: dict[str, Any] | None = None) -> Job:
    return Job.objects.create(kind=kind, title=title, created_by=user, params=params or {})


def job_refused_by_queue(job: Job) -> bool:
    """After jobs.runner.job_enqueue: True when the broker could not be reached and the job was failed."""
    job.refresh_from_db(fields=["status", "message"])
    return job.status == Job.Status.FAILED and job.message == QUEUE_DOWN_MESSAGE


def job_claim(*, job_id: str) -> Job | None:
    """Move a queued job to running; None when another delivery already took it.

    A job still marked running whose heartbeat stopped is taken over (its worker died
    and the broker redelivered the message); its abandoned attempt is cleaned up first.
    """
    job = Job.objects.filter(pk=job_id).first()
    if job is None:
        return None
    now = timezone.now()
    claimable = Q(status=Job.Status.QUEUED) | stale_running(now=now)
    claimed = Job.objects.filter(claimable, pk=job_id, attempts=job.attempts).update(
        status=Job.Status.RUNNING, started_at=now, heartbeat_at=now, attempts=F("attempts") + 1
    )
    if not claimed:
        return None
    if job.status == Job.Status.RUNNING:
        logger.warning("job %s: taking over from a worker that stopped", job_id)
        job_abandoned(job)
    job.refresh_from_db()
    heartbeat_start(job=job)
    return job


def job_progress(*, job_id: str, done: int, total: int | None = None, message: str = "") -> None:
    fields: dict[str, Any] = {"done": done, "heartbeat_at": timezone.now()}
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
    days = keep_days if keep_days is not None else settings.JOBS_KEEP_DAYS
    cutoff = timezone.now() - timedelta(days=days)
    deleted, _ = Job.objects.filter(finished_at__lt=cutoff).delete()
    return deleted
