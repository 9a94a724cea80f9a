"""A real worker does the background work on whichever broker is configured:
the embedded filesystem broker by default, Redis in CI's second run."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from jobs.models import Job
from jobs.services import job_create
from jobs.tasks import jobs_prune_task
from tests.conftest import wait_for


def test_a_real_worker_runs_a_task_sent_through_the_broker(celery_worker_process, owner):
    old = job_create(kind="test", title="Old job", user=owner)
    Job.objects.filter(pk=old.pk).update(
        status=Job.Status.SUCCEEDED, finished_at=timezone.now() - timedelta(days=90)
    )
    recent = job_create(kind="test", title="Recent job", user=owner)

    jobs_prune_task.delay()

    wait_for(lambda: not Job.objects.filter(pk=old.pk).exists(), timeout=60)
    assert Job.objects.filter(pk=recent.pk).exists()
