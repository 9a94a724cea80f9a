from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission

from jobs.models import Job
from jobs.services import job_claim, job_create, job_fail, job_finish, job_progress

pytestmark = pytest.mark.django_db


def test_a_queued_job_is_claimed_once(owner):
    job = job_create(kind="test", title="Test job", user=owner)
    first = job_claim(job_id=str(job.pk))
    second = job_claim(job_id=str(job.pk))
    assert first is not None and first.status == Job.Status.RUNNING
    assert second is None


def test_progress_and_finish_are_visible_in_the_row(owner):
    job = job_create(kind="test", title="Test job", user=owner)
    job_claim(job_id=str(job.pk))
    job_progress(job_id=str(job.pk), done=5, total=20, message="working")
    job.refresh_from_db()
    assert (job.done, job.total, job.percent, job.message) == (5, 20, 25, "working")
    job_finish(job_id=str(job.pk), report={"summary": "all good"})
    job.refresh_from_db()
    assert job.status == Job.Status.SUCCEEDED and job.percent == 100 and job.finished_at


def test_a_failed_job_keeps_its_error(owner):
    job = job_create(kind="test", title="Test job", user=owner)
    job_fail(job_id=str(job.pk), error="file is not UTF-8")
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED
    assert job.report == {"error": "file is not UTF-8"}


def test_the_owner_sees_the_progress_page(owner_client, owner):
    job = job_create(kind="test", title="Importing trends", user=owner)
    response = owner_client.get(f"/jobs/{job.pk}/")
    assert response.status_code == 200
    assert b"Importing trends" in response.content
    assert b'hx-trigger="every 1s"' in response.content


def test_htmx_polls_get_only_the_progress_fragment(owner_client, owner):
    job = job_create(kind="test", title="Importing trends", user=owner)
    job_finish(job_id=str(job.pk), report={"summary": "12 rows imported"})
    response = owner_client.get(f"/jobs/{job.pk}/", headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert b"<html" not in response.content
    assert b"12 rows imported" in response.content
    # A finished job stops polling.
    assert b"every 1s" not in response.content


def test_another_user_gets_404(client, owner, other):
    job = job_create(kind="test", title="Private", user=owner)
    client.force_login(other)
    assert client.get(f"/jobs/{job.pk}/").status_code == 404


def test_staff_may_watch_any_job(staff_client, owner):
    job = job_create(kind="test", title="Private", user=owner)
    assert staff_client.get(f"/jobs/{job.pk}/").status_code == 200


def test_staff_without_the_jobs_permission_get_404(client, owner):
    plain_staff = get_user_model().objects.create_user("plainstaff", password="pw-x-123456", is_staff=True)
    job = job_create(kind="test", title="Private", user=owner)
    client.force_login(plain_staff)
    assert client.get(f"/jobs/{job.pk}/").status_code == 404


def test_staff_with_the_jobs_view_permission_may_watch_any_job(client, owner):
    watcher = get_user_model().objects.create_user("watcher", password="pw-x-123456", is_staff=True)
    watcher.user_permissions.add(Permission.objects.get(codename="view_job", content_type__app_label="jobs"))
    job = job_create(kind="test", title="Private", user=owner)
    client.force_login(watcher)
    assert client.get(f"/jobs/{job.pk}/").status_code == 200


def test_the_permission_alone_is_not_enough_without_staff_status(client, owner, other):
    other.user_permissions.add(Permission.objects.get(codename="view_job", content_type__app_label="jobs"))
    job = job_create(kind="test", title="Private", user=owner)
    client.force_login(other)
    assert client.get(f"/jobs/{job.pk}/").status_code == 404


def test_anonymous_users_are_sent_to_sign_in(client, owner):
    job = job_create(kind="test", title="Private", user=owner)
    response = client.get(f"/jobs/{job.pk}/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
