"""Celery tasks of the captions app: scoring an uploaded CSV of captions."""

from __future__ import annotations

import logging

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.db import OperationalError

from captions.batch import BatchError, batch_score
from jobs.services import job_claim, job_fail, job_finish

logger = logging.getLogger(__name__)


@shared_task(bind=True, autoretry_for=(OperationalError,), retry_backoff=True, max_retries=3)
def caption_batch_score_task(self, job_id: str) -> None:
    """Score the job's CSV. Claiming first makes a redelivered message a no-op.

    Only a database hiccup before the claim is retried; once claimed, the job ends
    succeeded or failed with a reason the creator sees on the progress bar.
    """
    job = job_claim(job_id=job_id)
    if job is None:
        logger.info("caption batch job %s already claimed; nothing to do", job_id)
        return
    try:
        report = batch_score(job_id=job_id)
    except BatchError as exc:
        job_fail(job_id=job_id, error=str(exc))
        return
    except SoftTimeLimitExceeded:
        job_fail(job_id=job_id, error="Scoring took too long and was stopped; split the file and try again.")
        return
    except Exception:
        logger.exception("caption batch job %s failed", job_id)
        job_fail(
            job_id=job_id,
            error="Scoring failed unexpectedly; nothing was lost, please upload the file again.",
        )
        return
    job_finish(job_id=job_id, report=report, message="captions scored")
