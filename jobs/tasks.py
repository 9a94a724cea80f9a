from __future__ import annotations

from celery import shared_task

from jobs.reaper import jobs_reap
from jobs.services import jobs_prune


@shared_task(name="jobs.tasks.jobs_prune_task")
def jobs_prune_task() -> int:
    """Delete finished jobs past their retention (run daily by beat); safe to run twice."""
    return jobs_prune()


@shared_task(name="jobs.tasks.jobs_reap_task")
def jobs_reap_task() -> dict[str, int]:
    """Retry or fail jobs whose worker stopped (run every minute by beat); safe to run twice."""
    return jobs_reap()
