"""Find running jobs whose worker stopped and either retry them or fail them with a message.

Run every minute by Celery beat (jobs.tasks.jobs_reap_task). A job is retried when it was
enqueued through jobs.runner.job_enqueue (so its task is known) and has attempts left; the kind's
abandon hook (jobs.services.job_abandon_hook) first undoes the dead attempt's leftovers.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.utils import timezone

from jobs.models import Job
from jobs.runner import job_send
from jobs.services import job_abandoned, stale_running

logger = logging.getLogger(__name__)

WORKER_LOST_MESSAGE = (
    "The worker running this job stopped (no sign of life since {since}). "
    "Nothing half-done was kept; start it again."
)
RETRY_MESSAGE = "The worker running this job stopped; it was queued again (attempt {attempt} of {limit})."


def max_attempts() -> int:
    return settings.JOBS_MAX_ATTEMPTS


def jobs_reap() -> dict[str, int]:
    """Retry or fail every stale running job; safe to run in several processes at once."""
    counts = {"retried": 0, "failed": 0}
    now = timezone.now()
    for job in Job.objects.filter(stale_running(now=now)):
        retry = bool(job.task_name) and job.attempts < max_attempts()
        since = timezone.localtime(job.heartbeat_at or job.started_at).strftime("%Y-%m-%d %H:%M:%S")
        message = (
            RETRY_MESSAGE.format(attempt=job.attempts + 1, limit=max_attempts())
            if retry
            else WORKER_LOST_MESSAGE.format(since=since)
        )
        fields = {"message": message}
        if retry:
            fields.update(status=Job.Status.QUEUED)
        else:
            fields.update(status=Job.Status.FAILED, finished_at=now, report={"error": message})
        # Conditional on the claim we saw, so a concurrent reaper or takeover wins once.
        taken = Job.objects.filter(stale_running(now=now), pk=job.pk, attempts=job.attempts).update(**fields)
        if not taken:
            continue
        logger.warning("job %s (%s): worker lost; %s", job.pk, job.kind, "retrying" if retry else "failed")
        job_abandoned(job)
        if retry:
            job_send(job_id=str(job.pk), task_name=job.task_name)
        counts["retried" if retry else "failed"] += 1
    return counts
