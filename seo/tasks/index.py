"""Celery task that builds a new suggestion index version (same code as `manage.py build_index`).

It takes a Job id and claims the job first, so a redelivered message builds nothing
twice; a failed build marks its IndexVersion failed and leaves the previous version
serving (see seo.index).
"""

from __future__ import annotations

import logging

from celery import shared_task
from django.db import transaction

from jobs.models import Job
from jobs.services import job_claim, job_create, job_fail, job_finish, job_progress
from seo.index import index_build

logger = logging.getLogger(__name__)

INDEX_BUILD_KIND = "index_build"


@shared_task(bind=True, autoretry_for=(ConnectionError,), retry_backoff=True, max_retries=3)
def index_build_task(self, job_id: str) -> None:
    job = job_claim(job_id=job_id)
    if job is None:
        return
    try:
        version = index_build(
            progress=lambda done, total, message: job_progress(
                job_id=job_id, done=done, total=total, message=message
            )
        )
    except Exception as exc:
        logger.exception("index build job %s failed", job_id)
        job_fail(job_id=job_id, error=f"The index build failed; the previous index keeps serving. ({exc})")
        raise
    job_finish(
        job_id=job_id,
        report={
            "version": version.version,
            "posts": version.posts,
            "terms": version.terms,
            "build_seconds": version.build_seconds,
            "size_bytes": version.size_bytes,
        },
        message=f"Index v{version.version} is serving: {version.posts:,} posts, {version.terms:,} terms.",
    )


def index_build_start(*, user=None) -> Job:
    """Create the job and enqueue the build once the surrounding transaction commits."""
    with transaction.atomic():
        job = job_create(kind=INDEX_BUILD_KIND, title="Build the suggestion index", user=user)
        job_id = str(job.pk)
        transaction.on_commit(lambda: index_build_task.delay(job_id))
    return job
