"""A mapped upload's import job and a scheduled source's run, each through a real worker."""

from __future__ import annotations

import os
import time

import pytest

from jobs.models import Job
from jobs.runner import job_enqueue
from jobs.services import job_create
from seo.models import ImportSource, TrendPost
from seo.tasks.corpus import trend_import_task
from seo.tasks.sources import import_sources_due_task
from tests.conftest import wait_for

pytestmark = pytest.mark.integration

SHEET = "Post ID;Description;Plays\n101;Crispy potatoes #airfryer;1400\n102;Leg day #gymtok;5000\n"


def finished(job_id):
    return wait_for(
        lambda: Job.objects.filter(pk=job_id, status__in=["succeeded", "failed"]).first(), timeout=90
    )


def test_a_mapped_import_job_carries_its_mapping_to_the_worker(celery_worker_process, settings, owner):
    folder = settings.DATA_DIR / "uploads" / "imports"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "0123456789ab-sheet.csv"
    path.write_text(SHEET, encoding="utf-8")
    mapping = {"Post ID": "video_id", "Description": "caption", "Plays": "views"}
    job = job_create(
        kind="trend_import",
        title="Import sheet.csv",
        user=owner,
        params={"paths": [str(path)], "source": "agency", "file_format": mapping},
    )
    job_enqueue(job=job, task=trend_import_task)
    job = finished(job.pk)
    assert job.status == Job.Status.SUCCEEDED, job.report
    assert TrendPost.objects.get(source="agency", video_id="102").views == 5000


def test_beat_runs_a_folder_source_as_a_job_in_the_worker(celery_worker_process, tmp_path):
    drop = tmp_path / "drop"
    drop.mkdir()
    file = drop / "week49.csv"
    file.write_text("video_id,caption\n1,one #a\n2,two #b\n", encoding="utf-8")
    past = time.time() - 3600  # settled long ago
    os.utime(file, (past, past))
    source = ImportSource.objects.create(name="drop", kind="folder", location=str(drop), post_source="drop")
    assert import_sources_due_task() == 1
    job = finished(Job.objects.get(kind="import_source").pk)
    assert job.status == Job.Status.SUCCEEDED, job.report
    assert job.report["files"][0]["name"] == "week49.csv"
    assert TrendPost.objects.filter(source="drop").count() == 2
    source.refresh_from_db()
    assert source.last_job_id == job.pk and list(source.seen) == [
        f"week49.csv|{file.stat().st_size}|{int(past)}"
    ]
