from __future__ import annotations

import pytest
from django.urls import reverse

import seo.admin_index  # noqa: F401  (registers the admin until seo/admin.py imports it)
from jobs.models import Job
from seo.index.lifecycle import index_build
from seo.models import IndexVersion
from tests.corpus_factory import topic_corpus

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("index_env")]


def test_staff_can_roll_back_to_a_previous_version(staff_client):
    topic_corpus(copies=1)
    first = index_build()
    index_build()
    response = staff_client.post(
        reverse("admin:seo_indexversion_changelist"),
        {"action": "activate_version", "_selected_action": [first.pk]},
    )
    assert response.status_code == 302
    first.refresh_from_db()
    assert first.status == IndexVersion.Status.ACTIVE


def test_staff_can_start_a_build_job(staff_client, django_capture_on_commit_callbacks):
    topic_corpus(copies=1)
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(reverse("admin:seo_indexversion_build"))
    job = Job.objects.get(kind="index_build")
    assert response.url == reverse("jobs:detail", args=[job.pk])
    job.refresh_from_db()
    assert job.status == Job.Status.SUCCEEDED
    assert IndexVersion.objects.get().status == IndexVersion.Status.ACTIVE


def test_a_build_job_delivered_twice_builds_once(django_capture_on_commit_callbacks):
    from seo.tasks.index import index_build_start, index_build_task

    topic_corpus(copies=1)
    with django_capture_on_commit_callbacks(execute=True):
        job = index_build_start()
    index_build_task(str(job.pk))  # a redelivered message
    assert IndexVersion.objects.count() == 1


def test_others_cannot_reach_the_index_admin(client, owner):
    client.force_login(owner)
    response = client.get(reverse("admin:seo_indexversion_changelist"))
    assert response.status_code == 302 and "login" in response.url
    assert client.post(reverse("admin:seo_indexversion_build")).status_code == 302
    assert not Job.objects.exists()
