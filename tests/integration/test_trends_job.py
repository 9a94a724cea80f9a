"""The nightly trend job exactly as beat sends it, through a real worker (PostgreSQL + Redis run)."""

from __future__ import annotations

import pytest
from django.conf import settings as django_settings

from jobs.models import Job
from tests.conftest import wait_for
from tests.corpus_factory import rising_and_falling_corpus
from trends.models import TrendRun, TrendStat
from trends.tasks import TREND_STATS_KIND, trend_stats_job_start

pytestmark = pytest.mark.integration

BEAT_ENTRY = "trend-stats-nightly"


def _finished_jobs(count: int):
    jobs = Job.objects.filter(kind=TREND_STATS_KIND, status__in=["succeeded", "failed"]).order_by(
        "finished_at"
    )
    return list(jobs) if jobs.count() >= count else None


def test_the_beat_task_recomputes_through_a_real_worker(celery_worker_process):
    from config.celery import app

    rising_and_falling_corpus()
    # Send it the way beat does: by the scheduled name, with no arguments.
    task_name = django_settings.CELERY_BEAT_SCHEDULE[BEAT_ENTRY]["task"]
    app.send_task(task_name)
    (job,) = wait_for(lambda: _finished_jobs(1), timeout=120)
    assert job.status == Job.Status.SUCCEEDED, job.report
    assert TrendStat.objects.get(kind="hashtag", key="sourdough", window=30, dimension="").stage == "rising"
    assert TrendStat.objects.get(kind="hashtag", key="dalgona", window=30, dimension="").stage == "declining"

    # Sent again with nothing imported in between, it is a cheap no-op.
    app.send_task(task_name)
    jobs = wait_for(lambda: _finished_jobs(2), timeout=120)
    assert jobs[1].report["skipped"] is True
    assert TrendRun.objects.filter(skipped=True).count() == 1


def test_a_job_started_after_an_import_runs_on_commit(celery_worker_process, owner):
    rising_and_falling_corpus()
    job = trend_stats_job_start(user=owner, full=True)
    finished = wait_for(
        lambda: Job.objects.filter(pk=job.pk, status__in=["succeeded", "failed"]).first(), timeout=120
    )
    assert finished.status == Job.Status.SUCCEEDED, finished.report
    assert "trend rows from" in finished.report["summary"]
    assert TrendStat.objects.filter(kind="keyword", key="sourdough").exists()
