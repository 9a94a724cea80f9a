from __future__ import annotations

import pytest

from jobs.models import Job
from jobs.runner import job_enqueue
from jobs.services import job_create
from seo.models import Hashtag, TrendPost
from seo.tasks.corpus import trend_import_task
from tests.conftest import wait_for

pytestmark = pytest.mark.integration

CSV = "video_id,caption,hashtags,views,likes\n1,Pasta night #food,#recipe,1.4M,120K\n2,Leg day #gymtok,,2000,100\n"


def run_import_job(settings, owner, text: str, **params) -> Job:
    folder = settings.DATA_DIR / "uploads" / "imports"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "integration.csv"
    path.write_text(text, encoding="utf-8")
    job = job_create(
        kind="trend_import",
        title="Import integration.csv",
        user=owner,
        params={"paths": [str(path)], **params},
    )
    job_enqueue(job=job, task=trend_import_task)
    return wait_for(
        lambda: Job.objects.filter(pk=job.pk, status__in=["succeeded", "failed"]).first(), timeout=60
    )


def test_the_import_job_runs_through_a_real_worker(celery_worker_process, settings, owner):
    job = run_import_job(settings, owner, CSV, source="worker")
    assert job.status == Job.Status.SUCCEEDED, job.report
    assert (job.report["created"], job.report["rows_read"]) == (2, 2)
    assert job.done == 2 and "Created 2" in job.message
    assert TrendPost.objects.filter(source="worker").count() == 2
    assert Hashtag.objects.get(name="food").post_count == 1


def test_a_successful_import_rebuilds_the_index_and_the_trend_statistics(
    celery_worker_process, settings, owner
):
    from seo.models import IndexVersion

    job = run_import_job(settings, owner, CSV, source="worker")
    assert job.status == Job.Status.SUCCEEDED, job.report
    followups = wait_for(
        lambda: (
            Job.objects.filter(kind__in=["index_build", "trend_stats"], status="succeeded").count() == 2
            and list(Job.objects.filter(kind__in=["index_build", "trend_stats"]))
        ),
        timeout=90,
    )
    assert {j.created_by_id for j in followups} == {owner.pk}
    assert IndexVersion.objects.get(status="active").posts == 2


def test_a_bad_file_fails_the_job_with_line_numbers_and_imports_nothing(
    celery_worker_process, settings, owner
):
    job = run_import_job(settings, owner, CSV + "3,bad,,-1,\n")
    assert job.status == Job.Status.FAILED
    assert job.report["errors"][0]["line"] == 4
    assert not TrendPost.objects.exists()


def test_progress_is_committed_while_the_import_transaction_is_still_open(transactional_db, owner):
    from django.db import transaction

    from seo.tasks.corpus import _import_progress

    job = job_create(kind="trend_import", title="Import big.csv", user=owner)
    report = _import_progress(str(job.pk))
    with pytest.raises(RuntimeError), transaction.atomic():
        report(5000, 20000)
        raise RuntimeError("roll the import back")
    job.refresh_from_db()
    assert (job.done, job.total) == (5000, 20000)
