"""Celery task of the captions app: scoring an uploaded CSV of captions, and its door."""

from __future__ import annotations

from celery import shared_task
from django.core.files.uploadedfile import UploadedFile
from django.db import OperationalError

from captions.batch import batch_job_create, batch_score
from jobs.models import Job
from jobs.runner import JobDone, job_enqueue, job_run


@shared_task(bind=True, autoretry_for=(OperationalError,), retry_backoff=True, max_retries=3)
def caption_batch_score_task(self, job_id: str) -> None:
    """Score the job's CSV; a BatchError (e.g. the upload is gone) fails the job with its message.

    Only a database hiccup before the claim is retried; once claimed, the job ends
    succeeded or failed with a reason the creator sees on the progress bar.
    """
    job_run(
        job_id,
        lambda job: JobDone(report=batch_score(job_id=job_id), message="captions scored"),
        "Scoring failed unexpectedly; nothing was lost, please upload the file again.",
        too_long_message="Scoring took too long and was stopped; split the file and try again.",
    )


def batch_upload(*, user, uploaded_file: UploadedFile) -> Job:
    """Check and keep the upload, then enqueue its scoring; BatchError when refused."""
    return job_enqueue(
        job=batch_job_create(user=user, uploaded_file=uploaded_file), task=caption_batch_score_task
    )
