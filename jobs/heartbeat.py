"""The heartbeat of a running job: a daemon thread in the worker that touches the job's
row every JOBS_HEARTBEAT_SECONDS while the job runs.

When the worker process dies (kill -9, OOM, a lost machine) the heartbeat stops with it,
which is how the reaper and a redelivered task tell a dead claim from a slow one.
"""

from __future__ import annotations

import logging
import threading

from django.conf import settings
from django.db import DatabaseError, connections
from django.utils import timezone

from jobs.models import Job

logger = logging.getLogger(__name__)


def heartbeat_seconds() -> float:
    return float(settings.JOBS_HEARTBEAT_SECONDS)


def _beat(job_id: str, attempt: int, stop: threading.Event, lifetime: float) -> None:
    deadline = timezone.now().timestamp() + lifetime
    try:
        while not stop.wait(heartbeat_seconds()) and timezone.now().timestamp() < deadline:
            try:
                # Only this attempt's claim: a job taken over or finished stops the beat.
                alive = Job.objects.filter(pk=job_id, status=Job.Status.RUNNING, attempts=attempt).update(
                    heartbeat_at=timezone.now()
                )
            except DatabaseError as exc:  # e.g. SQLite busy for a moment: try again next beat
                logger.warning("job %s: heartbeat not written (%s)", job_id, exc)
                continue
            if not alive:
                return
    finally:
        connections.close_all()  # this thread's own connections only


def heartbeat_start(*, job: Job) -> threading.Event | None:
    """Start beating for a just-claimed job; returns the event that stops it early.

    Not in eager mode: there the task runs inside the web request, with no worker to lose.
    """
    if settings.CELERY_TASK_ALWAYS_EAGER or heartbeat_seconds() <= 0:
        return None
    stop = threading.Event()
    lifetime = settings.CELERY_TASK_TIME_LIMIT + 60
    threading.Thread(
        target=_beat,
        args=(str(job.pk), job.attempts, stop, lifetime),
        name=f"heartbeat-{job.pk}",
        daemon=True,
    ).start()
    return stop
