"""Celery task that builds a new suggestion index version (same code as `manage.py build_index`).

It takes a Job id and runs through jobs.runner.job_run, which claims the job first, so a
redelivered message builds nothing twice; a failed build marks its IndexVersion failed and
leaves the previous version serving (see seo.index.lifecycle).
"""

from __future__ import annotations

from celery import shared_task
from django.db import transaction

from jobs.models import Job
from jobs.runner import JobDone, job_enqueue, job_run
from jobs.services import job_abandon_hook, job_create, job_progress
from seo.index.lifecycle import index_build, index_version_abandon

INDEX_BUILD_KIND = "index_build"


def _build(job: Job) -> JobDone:
    job_id = str(job.pk)
    version = index_build(
        progress=lambda done, total, message: job_progress(
            job_id=job_id, done=done, total=total, message=message
        ),
        on_version=lambda row: Job.objects.filter(pk=job_id).update(
            params={**job.params, "index_version": row.pk}
        ),
    )
    report = {
        "version": version.version,
        "posts": version.posts,
        "terms": version.terms,
        "build_seconds": version.build_seconds,
        "size_bytes": version.size_bytes,
    }
    message = f"Index v{version.version} is serving: {version.posts:,} posts, {version.terms:,} terms."
    return JobDone(report=report, message=message)


@shared_task(bind=True, autoretry_for=(ConnectionError,), retry_backoff=True, max_retries=3)
def index_build_task(self, job_id: str) -> None:
    job_run(job_id, _build, "The index build failed; the previous index keeps serving. ({error})")


def index_build_start(*, user=None) -> Job:
    """Create the job and enqueue the build once the surrounding transaction commits."""
    with transaction.atomic():
        job = job_create(kind=INDEX_BUILD_KIND, title="Build the suggestion index", user=user)
        job_enqueue(job=job, task=index_build_task)
    job.refresh_from_db()  # failed already when the broker could not be reached
    return job


@job_abandon_hook(INDEX_BUILD_KIND)
def index_build_abandoned(job: Job) -> None:
    """The build's worker died: its half-built version stops showing "building" and its files go."""
    version_pk = job.params.get("index_version")
    if version_pk:
        index_version_abandon(version_pk=version_pk, reason="build interrupted: its worker stopped")
