from __future__ import annotations

import csv

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from captions.batch import export_path
from captions.tasks import batch_upload
from jobs.models import Job
from tests.conftest import wait_for

pytestmark = pytest.mark.integration


def test_a_batch_is_scored_by_a_real_worker_with_suggested_hashtags(celery_worker_process, owner):
    from seo.corpus.demo import demo_corpus_load
    from seo.index.lifecycle import index_build

    demo_corpus_load()
    index_build()  # committed: the worker loads the same active index
    lines = ["title,caption,language"]
    lines += [
        f'Bread {i},"My sourdough bread recipe for beginners, day {i}. Save this!",en' for i in range(120)
    ]
    lines += ["Tom,,en", 'Boller,"Slik lager du kanelboller. Lagre denne!",']
    upload = SimpleUploadedFile("plan.csv", "\n".join(lines).encode(), content_type="text/csv")

    job = batch_upload(user=owner, uploaded_file=upload)  # autocommit: enqueued at once
    job = wait_for(
        lambda: Job.objects.filter(pk=job.pk, status__in=["succeeded", "failed"]).first(), timeout=120
    )

    assert job.status == Job.Status.SUCCEEDED, job.report
    assert (job.done, job.total) == (121, 121)
    assert job.report["errors"] == [{"line": 122, "message": "the caption is empty"}]
    with export_path(str(job.pk)).open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 122
    assert rows[-1]["language"] == "nb"
    tags = rows[0]["suggested_hashtags"].split()
    assert 3 <= len(tags) <= 5 and all(tag.startswith("#") for tag in tags)
