"""jobs.runner: the one skeleton every task runs through (claim, run, fail with a message, finish)."""

from __future__ import annotations

from unittest import mock

import pytest
from celery.exceptions import SoftTimeLimitExceeded

from jobs.models import Job
from jobs.runner import TOO_LONG_MESSAGE, JobDone, JobError, job_enqueue, job_run
from jobs.services import job_create
from jobs.tasks import jobs_prune_task

pytestmark = pytest.mark.django_db


@pytest.fixture
def job(owner) -> Job:
    return job_create(kind="test", title="Test job", user=owner)


def _status(job: Job) -> tuple[str, str, dict]:
    job.refresh_from_db()
    return job.status, job.message, job.report


def test_the_work_gets_the_claimed_job_and_its_result_finishes_it(job):
    seen = []

    def work(claimed: Job) -> JobDone:
        seen.append(claimed.status)
        return JobDone(report={"rows": 3}, message="3 rows")

    done = job_run(str(job.pk), work, "broke: {error}")
    assert done == JobDone(report={"rows": 3}, message="3 rows")
    assert seen == [Job.Status.RUNNING]
    assert _status(job) == (Job.Status.SUCCEEDED, "3 rows", {"rows": 3})


def test_work_that_reports_not_ok_fails_the_job_with_its_report(job):
    job_run(str(job.pk), lambda _: JobDone(report={"errors": 2}, message="2 problems", ok=False), "x")
    assert _status(job) == (Job.Status.FAILED, "2 problems", {"errors": 2})


def test_an_unexpected_error_fails_the_job_with_the_failure_message(job):
    def work(_: Job) -> JobDone:
        raise RuntimeError("disk full")

    assert job_run(str(job.pk), work, "The build failed ({error}); the old index keeps serving.") is None
    message = "The build failed (disk full); the old index keeps serving."
    assert _status(job) == (Job.Status.FAILED, message, {"error": message})


def test_a_job_error_is_shown_as_it_is(job):
    def work(_: Job) -> JobDone:
        raise JobError("The uploaded file is gone; please upload it again.")

    job_run(str(job.pk), work, "Something else: {error}")
    assert _status(job)[:2] == (Job.Status.FAILED, "The uploaded file is gone; please upload it again.")


def test_a_time_out_says_the_job_took_too_long(job):
    def work(_: Job) -> JobDone:
        raise SoftTimeLimitExceeded()

    job_run(str(job.pk), work, "x")
    assert _status(job)[:2] == (Job.Status.FAILED, TOO_LONG_MESSAGE)


def test_a_second_delivery_does_no_work(job):
    calls = []
    job_run(str(job.pk), lambda j: calls.append(1) or JobDone(), "x")
    assert job_run(str(job.pk), lambda j: calls.append(2) or JobDone(), "x") is None
    assert calls == [1]


def test_enqueue_sends_only_after_commit_and_records_the_task(job, django_capture_on_commit_callbacks):
    with mock.patch.object(jobs_prune_task, "delay") as delay:
        with django_capture_on_commit_callbacks(execute=True):
            job_enqueue(job=job, task=jobs_prune_task)
            assert not delay.called
        delay.assert_called_once_with(str(job.pk))
    job.refresh_from_db()
    assert job.task_name == "jobs.tasks.jobs_prune_task"
