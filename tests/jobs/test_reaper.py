"""A job whose worker died: the heartbeat, the reaper and a redelivered task taking over."""

from __future__ import annotations

import threading
from datetime import timedelta
from unittest import mock

import pytest
from django.utils import timezone

from jobs.heartbeat import heartbeat_start
from jobs.models import Job
from jobs.reaper import jobs_reap
from jobs.services import job_claim, job_create
from jobs.tasks import jobs_prune_task

pytestmark = pytest.mark.django_db


def _dead(job: Job, *, attempts: int = 1, task_name: str = "") -> Job:
    """Make `job` look claimed by a worker that stopped beating ten minutes ago."""
    long_ago = timezone.now() - timedelta(minutes=10)
    Job.objects.filter(pk=job.pk).update(
        status=Job.Status.RUNNING,
        started_at=long_ago,
        heartbeat_at=long_ago,
        attempts=attempts,
        task_name=task_name,
        done=1,
        total=6,
    )
    job.refresh_from_db()
    return job


def test_a_running_job_without_a_task_is_failed_with_a_message(owner):
    job = _dead(job_create(kind="test", title="Lost", user=owner))
    assert jobs_reap() == {"retried": 0, "failed": 1}
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED and job.finished_at
    assert "worker running this job stopped" in job.message
    assert job.report["error"] == job.message


def test_a_job_with_a_known_task_is_queued_again_once(owner):
    job = _dead(job_create(kind="test", title="Lost", user=owner), task_name="jobs.tasks.jobs_prune_task")
    with mock.patch.object(jobs_prune_task, "delay") as send:
        assert jobs_reap() == {"retried": 1, "failed": 0}
    send.assert_called_once_with(str(job.pk))
    job.refresh_from_db()
    assert job.status == Job.Status.QUEUED and "queued again (attempt 2 of 2)" in job.message


def test_a_job_out_of_attempts_is_failed(owner):
    job = _dead(job_create(kind="test", title="Lost", user=owner), attempts=2, task_name=jobs_prune_task.name)
    with mock.patch.object(jobs_prune_task, "delay") as send:
        jobs_reap()
    send.assert_not_called()
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED


def test_a_job_with_a_fresh_heartbeat_is_left_alone(owner):
    job = job_create(kind="test", title="Busy", user=owner)
    job_claim(job_id=str(job.pk))
    Job.objects.filter(pk=job.pk).update(started_at=timezone.now() - timedelta(hours=2))
    assert jobs_reap() == {"retried": 0, "failed": 0}
    job.refresh_from_db()
    assert job.status == Job.Status.RUNNING


def test_a_redelivered_task_takes_over_a_stale_claim(owner):
    job = _dead(job_create(kind="test", title="Lost", user=owner))
    claimed = job_claim(job_id=str(job.pk))
    assert claimed is not None
    assert claimed.status == Job.Status.RUNNING and claimed.attempts == 2
    assert claimed.heartbeat_at > timezone.now() - timedelta(seconds=5)


def test_a_redelivered_task_still_skips_a_live_claim(owner):
    job = job_create(kind="test", title="Busy", user=owner)
    assert job_claim(job_id=str(job.pk)) is not None
    assert job_claim(job_id=str(job.pk)) is None


def test_progress_counts_as_a_heartbeat(owner):
    from jobs.services import job_progress

    job = _dead(job_create(kind="test", title="Slow", user=owner))
    job_progress(job_id=str(job.pk), done=2)
    assert jobs_reap() == {"retried": 0, "failed": 0}


@pytest.mark.django_db(transaction=True)
def test_the_heartbeat_thread_touches_the_row_until_the_job_ends(owner, settings):
    settings.JOBS_HEARTBEAT_SECONDS = 0.05
    settings.CELERY_TASK_ALWAYS_EAGER = False
    job = job_create(kind="test", title="Beating", user=owner)
    Job.objects.filter(pk=job.pk).update(status=Job.Status.RUNNING, attempts=1)
    job.refresh_from_db()
    stop = heartbeat_start(job=job)
    assert isinstance(stop, threading.Event)
    beats = set()
    deadline = timezone.now() + timedelta(seconds=5)
    while len(beats) < 2 and timezone.now() < deadline:
        beats.add(Job.objects.get(pk=job.pk).heartbeat_at)
        beats.discard(None)
    stop.set()
    assert len(beats) >= 2


def test_the_reaper_runs_every_minute_through_beat(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["jobs-reap"]
    assert entry["task"] == "jobs.tasks.jobs_reap_task" and entry["schedule"] <= 60
