"""kill -9 the worker in the middle of an import: the heartbeat stops, the reaper queues the
job again, a new worker finishes it, and the dead attempt left nothing behind."""

from __future__ import annotations

import os
import signal
import time

import pytest

from jobs.models import Job
from jobs.reaper import jobs_reap
from jobs.runner import job_enqueue
from jobs.services import job_create
from seo.models import TrendPost
from seo.tasks.corpus import trend_import_task
from tests.conftest import running_worker, wait_for
from tests.jobs.paused_import_worker import PAUSED_CHUNK_ROWS

# Four import chunks for the first worker, which stops after reporting the first one
# (tests/jobs/paused_import_worker.py): the kill lands after the first chunk's progress shows and
# three chunks before the end, always. The new worker (Hookline's own app) imports every row again.
ROWS = 4 * PAUSED_CHUNK_ROWS
FAST_HEARTBEAT = {"JOBS_HEARTBEAT_SECONDS": "1", "JOBS_STALE_SECONDS": "3"}


@pytest.mark.django_db(transaction=True)
def test_a_job_whose_worker_was_killed_is_retried_and_finishes(settings, owner):
    settings.JOBS_STALE_SECONDS = 3
    folder = settings.DATA_DIR / "uploads" / "imports"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "killed.csv"
    lines = ["video_id,caption,hashtags,views"] + [
        f"{i},Post {i} #food,#tag{i % 97},{i}" for i in range(ROWS)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    job = job_create(
        kind="trend_import", title="Import killed.csv", user=owner, params={"paths": [str(path)]}
    )

    with running_worker(settings, app_module="tests.jobs.paused_import_worker", **FAST_HEARTBEAT) as (
        proc,
        _log,
    ):
        job_enqueue(job=job, task=trend_import_task)
        wait_for(lambda: Job.objects.filter(pk=job.pk, status="running", done__gt=0).exists(), timeout=120)
        assert Job.objects.get(pk=job.pk).done == PAUSED_CHUNK_ROWS  # mid-import: one chunk of four
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
        killed_at = time.monotonic()
    assert Job.objects.get(pk=job.pk).status == Job.Status.RUNNING  # what the audit saw, for good

    with running_worker(settings, **FAST_HEARTBEAT):
        # The new worker started while the heartbeat went stale; wait out the rest of 4 s, past
        # JOBS_STALE_SECONDS (3) without a heartbeat.
        time.sleep(max(0.0, killed_at + 4 - time.monotonic()))
        assert not TrendPost.objects.exists()  # the killed attempt wrote nothing
        assert jobs_reap() == {"retried": 1, "failed": 0}
        assert "queued again" in Job.objects.get(pk=job.pk).message
        done = wait_for(
            lambda: Job.objects.filter(pk=job.pk, status__in=["succeeded", "failed"]).first(), timeout=180
        )
    assert done.status == Job.Status.SUCCEEDED, done.report
    assert done.attempts == 2
    assert TrendPost.objects.count() == ROWS
