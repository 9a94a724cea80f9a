"""With the broker down: the job doors say so plainly and leave no orphan "queued" job;
suggestions, the editor and the API, which need no broker, keep working."""

from __future__ import annotations

from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from kombu.exceptions import OperationalError

from api.tokens import token_create
from jobs.models import Job
from jobs.services import QUEUE_DOWN_MESSAGE
from seo.index.lifecycle import index_build
from tests.corpus_factory import topic_corpus

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def broker_down(settings):
    """Eager mode off and every publish refused, as when Redis is unreachable (the tests
    commit for real, so jobs are enqueued on commit as in a request)."""
    from config.celery import app

    settings.CELERY_TASK_ALWAYS_EAGER = False
    app.conf.task_always_eager = False
    refused = OperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")
    try:
        with mock.patch("celery.app.task.Task.apply_async", side_effect=refused):
            yield
    finally:
        app.conf.task_always_eager = True


def _assert_failed_plainly(job: Job) -> None:
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED
    assert job.message == QUEUE_DOWN_MESSAGE and "try again" in job.message
    assert not Job.objects.filter(status=Job.Status.QUEUED).exists()


def test_build_index_fails_the_job_and_says_try_again(broker_down, staff_client):
    response = staff_client.post(reverse("admin:seo_indexversion_build"), follow=True)
    assert response.status_code == 200
    _assert_failed_plainly(Job.objects.get(kind="index_build"))
    assert b"try again" in response.content


def test_a_batch_upload_fails_the_job_and_says_try_again(broker_down, owner_client):
    upload = SimpleUploadedFile("plan.csv", b"title,caption\nPasta,Easy pasta tonight #pasta\n")
    response = owner_client.post(reverse("captions:batch_upload"), {"file": upload}, follow=True)
    assert response.status_code == 200
    _assert_failed_plainly(Job.objects.get(kind="caption_batch"))
    assert b"try again" in response.content
    assert b"being scored" not in response.content


def test_a_trend_upload_fails_the_job_and_says_try_again(broker_down, staff_client):
    upload = SimpleUploadedFile("trends.csv", b"video_id,caption\n1,Easy pasta #pasta\n")
    response = staff_client.post(
        reverse("admin:seo_trendpost_import"), {"file": upload, "source": "import"}, follow=True
    )
    assert response.status_code == 200
    _assert_failed_plainly(Job.objects.get(kind="trend_import"))


@pytest.mark.usefixtures("index_env")
def test_the_editor_and_the_api_keep_working(owner_client, owner, broker_down):
    topic_corpus(copies=1)
    index_build()
    editor = owner_client.post(
        reverse("captions:draft_new"),
        {"title": "Pasta night", "topic": "easy pasta recipe", "hook": "This pasta takes 15 minutes",
         "caption": "15 minute pasta for busy evenings. Save this for later!", "hashtags": "#pasta",
         "action": "save"},
    )  # fmt: skip
    assert editor.status_code == 302
    panel = owner_client.post(
        reverse("captions:draft_panel"),
        {"topic": "easy pasta", "caption": "Pasta tonight"},
        HTTP_HX_REQUEST="true",
    )
    assert panel.status_code == 200
    _, secret = token_create(user=owner, name="script")
    headers = {"Authorization": f"Bearer {secret}"}
    for path, body in (("score", {"caption": "Easy pasta tonight"}), ("suggest", {"text": "easy pasta"})):
        response = owner_client.post(
            f"/api/v1/{path}", body, content_type="application/json", headers=headers
        )
        assert response.status_code == 200, (path, response.content[:300])
