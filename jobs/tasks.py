from __future__ import annotations

from celery import shared_task

from jobs.services import jobs_prune


@shared_task(name="jobs.tasks.jobs_prune_task")
def jobs_prune_task() -> int:
    """Delete finished jobs past their retention (run daily by beat); safe to run twice."""
    return jobs_prune()
