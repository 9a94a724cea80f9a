"""The index build through a real Celery worker on PostgreSQL + Redis."""

from __future__ import annotations

import pytest
from django.db import transaction

from jobs.models import Job
from seo.index.serving import active_index
from seo.models import IndexVersion, TrendPost
from seo.suggest.engine import suggest
from seo.tasks.index import index_build_start
from tests.conftest import wait_for
from tests.corpus_factory import post, topic_corpus

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("index_env")]


def finished(job: Job) -> Job | None:
    job.refresh_from_db()
    return job if job.is_finished else None


def test_the_worker_builds_switches_and_a_failed_build_leaves_the_old_version(
    celery_worker_process, monkeypatch
):
    from seo.index import serving as index_module

    monkeypatch.setattr(index_module, "reload_seconds", lambda: 0.0)
    topic_corpus()
    with transaction.atomic():
        job = index_build_start()
    job = wait_for(lambda: finished(job), timeout=120)
    assert job.status == Job.Status.SUCCEEDED, job.report
    assert job.report["version"] == 1
    assert active_index().version == 1
    assert suggest(text="creamy pasta recipe").hashtags[0].tag in {"pasta", "recipe"}

    # A second build through the worker; this (web) process picks it up without restart.
    post("sourdough bread at home", ["sourdough"])
    with transaction.atomic():
        second = index_build_start()
    assert wait_for(lambda: finished(second), timeout=120).status == Job.Status.SUCCEEDED
    assert active_index().version == 2
    assert active_index().tag_id("sourdough") is not None

    # A build that fails (the corpus is gone) leaves v2 serving.
    TrendPost.objects.all().delete()
    with transaction.atomic():
        third = index_build_start()
    third = wait_for(lambda: finished(third), timeout=120)
    assert third.status == Job.Status.FAILED
    assert "previous index keeps serving" in third.message
    assert IndexVersion.objects.get(version=3).status == IndexVersion.Status.FAILED
    assert IndexVersion.objects.get(status=IndexVersion.Status.ACTIVE).version == 2
    assert active_index().version == 2
