"""The one skeleton of background work: enqueue a job's task on commit, then run it.

A door (view, admin action, command) creates a Job with `job_create` and hands it to
`job_enqueue`; the Celery task is then a few lines around `job_run`, which claims the job
(a redelivered message does nothing twice), keeps its heartbeat, runs the work, and ends
the job succeeded or failed with a message the creator can read on the progress page.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from celery.exceptions import SoftTimeLimitExceeded
from django.db import transaction
from kombu.exceptions import OperationalError as BrokerError

from config.celery import app as celery_app
from jobs.models import Job
from jobs.services import QUEUE_DOWN_MESSAGE, job_claim, job_fail, job_finish

logger = logging.getLogger(__name__)

TOO_LONG_MESSAGE = "The job took longer than its time limit and was stopped; nothing half-done was kept."


class JobError(ValueError):
    """A failure whose message is fit to show the creator as it is (a bad file, a missing upload)."""


@dataclass(frozen=True)
class JobDone:
    """What a job's work returns: its report, the line shown on the progress page, success."""

    report: dict[str, Any] = field(default_factory=dict)
    message: str = ""
    ok: bool = True


def job_enqueue(*, job: Job, task) -> Job:
    """Enqueue `task(job_id)` once the surrounding transaction has committed.

    The task's name is kept on the job so the reaper can queue it again when its worker
    dies. When the broker cannot be reached the job is failed with a message that says
    so (see job_refused_by_queue), instead of a 500 and a job that stays "queued" for good.
    """
    job_id = str(job.pk)
    Job.objects.filter(pk=job_id).update(task_name=task.name)
    job.task_name = task.name
    transaction.on_commit(lambda: job_send(job_id=job_id, task=task))
    return job


def job_send(*, job_id: str, task=None, task_name: str = "") -> bool:
    """Send the job's task to the broker now; False (and the job failed) when it is down."""
    try:
        task = task or celery_app.tasks.get(task_name)
        if task is not None:
            task.delay(job_id)  # eager in tests, like every other enqueue
        else:  # a task this process does not know (e.g. the reaper runs with fewer apps)
            celery_app.send_task(task_name, args=[job_id])
    except (BrokerError, ConnectionError) as exc:
        logger.error("could not enqueue job %s (%s): %s", job_id, task_name or task.name, exc)
        job_fail(job_id=job_id, error=QUEUE_DOWN_MESSAGE)
        return False
    return True


def job_run(
    job_id: str,
    work: Callable[[Job], JobDone],
    failure_message: str,
    *,
    too_long_message: str = TOO_LONG_MESSAGE,
) -> JobDone | None:
    """Claim the job, run `work(job)` and finish the job with what it returns.

    None when another delivery already has the job, or when the work failed: a JobError
    fails the job with its own message, a time-out with `too_long_message`, anything else
    with `failure_message` (formatted with `{error}`, the exception) and a logged traceback.
    The failure is not raised again: the job row is where it is reported, and a retry of
    the task could not claim a failed job anyway.
    """
    job = job_claim(job_id=job_id)  # also starts the heartbeat
    if job is None:
        logger.info("job %s already claimed; nothing to do", job_id)
        return None
    try:
        done = work(job)
    except JobError as exc:
        job_fail(job_id=job_id, error=str(exc))
        return None
    except SoftTimeLimitExceeded:
        job_fail(job_id=job_id, error=too_long_message)
        return None
    except Exception as exc:
        logger.exception("job %s (%s) failed", job_id, job.kind)
        job_fail(job_id=job_id, error=failure_message.format(error=exc))
        return None
    job_finish(job_id=job_id, report=done.report, ok=done.ok, message=done.message)
    return done
