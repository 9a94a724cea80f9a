"""An index build whose worker died: the version stops "building" and its files go."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from jobs.models import Job
from jobs.reaper import jobs_reap
from jobs.services import job_claim, job_create
from seo.models import IndexVersion
from seo.tasks.index import INDEX_BUILD_KIND, index_build_task
from tests.corpus_factory import topic_corpus

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("index_env")]


def _half_built(job: Job, data_dir: Path) -> IndexVersion:
    version = IndexVersion.objects.create(version=7, path="index/v7")
    (data_dir / "index" / "v7").mkdir(parents=True)
    (data_dir / "index" / "v7" / "terms.bin").write_bytes(b"half")
    long_ago = timezone.now() - timedelta(minutes=10)
    Job.objects.filter(pk=job.pk).update(
        status=Job.Status.RUNNING,
        attempts=1,
        started_at=long_ago,
        heartbeat_at=long_ago,
        params={"index_version": version.pk},
    )
    return version


def test_the_reaper_fails_the_half_built_version_and_removes_its_files(settings):
    job = job_create(kind=INDEX_BUILD_KIND, title="Build")
    version = _half_built(job, Path(settings.DATA_DIR))
    jobs_reap()
    version.refresh_from_db()
    assert version.status == IndexVersion.Status.FAILED
    assert "worker stopped" in version.error
    assert not (Path(settings.DATA_DIR) / "index" / "v7").exists()
    assert Job.objects.get(pk=job.pk).status == Job.Status.FAILED


def test_a_redelivered_build_cleans_up_and_builds_again(settings):
    topic_corpus(copies=1)
    job = job_create(kind=INDEX_BUILD_KIND, title="Build")
    version = _half_built(job, Path(settings.DATA_DIR))
    index_build_task(str(job.pk))  # the broker hands the message back after the worker died
    version.refresh_from_db()
    assert version.status == IndexVersion.Status.FAILED
    assert not (Path(settings.DATA_DIR) / "index" / "v7").exists()
    job.refresh_from_db()
    assert job.status == Job.Status.SUCCEEDED and job.attempts == 2
    assert IndexVersion.objects.get(status=IndexVersion.Status.ACTIVE).version == 8


def test_a_build_records_its_version_on_the_job(settings):
    topic_corpus(copies=1)
    job = job_create(kind=INDEX_BUILD_KIND, title="Build")
    index_build_task(str(job.pk))
    job.refresh_from_db()
    assert job.params["index_version"] == IndexVersion.objects.get().pk
    assert job_claim(job_id=str(job.pk)) is None  # finished: nothing to take over
