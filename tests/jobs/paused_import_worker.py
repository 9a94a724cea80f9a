"""The Celery app for the first worker of the killed-worker test (`celery -A` this module):
Hookline's own app, whose imports report progress every 1,000 rows and then stop at their
first report until the worker is killed.

So the kill always lands in the middle of an import (waiting on a race between the test's
polling and the import's speed flaked under load), and the test needs 4,000 rows, not 20,000."""

from __future__ import annotations

import time

from celery.signals import worker_init

from config.celery import app

__all__ = ["app"]

PAUSED_CHUNK_ROWS = 1_000


@worker_init.connect
def _pause_after_the_first_chunk(**_kwargs) -> None:
    from seo.corpus.importing import service
    from seo.tasks import corpus

    service.CHUNK_ROWS = PAUSED_CHUNK_ROWS
    progress = corpus._import_progress

    def paused(job_id: str):
        report = progress(job_id)

        def report_then_wait(done: int, total: int) -> None:
            report(done, total)
            if done < total:
                time.sleep(3600)  # the test kills this worker here

        return report_then_wait

    corpus._import_progress = paused
