"""Celery tasks for scheduled imports (seo.corpus.importing.sources): one beat task finds the due
sources and queues a job for each; each job runs one source."""

from __future__ import annotations

from celery import shared_task

from jobs.runner import JobDone, job_enqueue, job_run
from jobs.services import job_create
from seo.corpus.importing.sources import import_source_run, import_sources_claim_due
from seo.models import ImportSource

IMPORT_SOURCE_KIND = "import_source"


def import_source_start(*, source: ImportSource, user=None):
    """Queue one run of `source` as a job (from beat, or the admin's "Run now")."""
    job = job_create(
        kind=IMPORT_SOURCE_KIND,
        title=f"Scheduled import: {source.name}",
        user=user,
        params={"source_id": source.pk},
    )
    return job_enqueue(job=job, task=import_source_run_task)


@shared_task
def import_sources_due_task() -> int:
    """Beat, every minute: a job for each enabled source whose interval has passed."""
    sources = ImportSource.objects.filter(pk__in=import_sources_claim_due())
    for source in sources:
        import_source_start(source=source)
    return len(sources)


def _run(job) -> JobDone:
    run = import_source_run(source_id=job.params["source_id"], job_id=str(job.pk))
    if run.written:
        from seo.tasks.corpus import corpus_followups_start

        corpus_followups_start(user=job.created_by)
    return JobDone(report=run.as_report(), message=run.summary, ok=run.ok)


@shared_task(bind=True, autoretry_for=(ConnectionError,), retry_backoff=True, max_retries=3)
def import_source_run_task(self, job_id: str) -> None:
    job_run(job_id, _run, "The scheduled import stopped unexpectedly: {error}")
