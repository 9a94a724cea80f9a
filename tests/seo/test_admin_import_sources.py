"""The admin pages of import presets and scheduled sources: who may, what is refused, paused sources shown."""

from __future__ import annotations

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME

from jobs.models import Job
from seo.models import ImportPreset, ImportSource

pytestmark = pytest.mark.django_db

SOURCE = {
    "name": "feed",
    "kind": "url",
    "location": "https://example.com/export.json",
    "post_source": "feed",
    "interval_minutes": 60,
    "enabled": "on",
}


def test_staff_register_an_https_source(staff_client):
    response = staff_client.post("/admin/seo/importsource/add/", SOURCE)
    assert response.status_code == 302 and ImportSource.objects.get().location == SOURCE["location"]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"location": "http://example.com/export.json"}, "must start with https://"),
        ({"location": "file:///etc/passwd"}, "must start with https://"),
        ({"kind": "folder", "location": "relative/dir"}, "full path on the server"),
        ({"interval_minutes": 1}, "at most every 5 minutes"),
    ],
)
def test_a_source_that_cannot_work_is_refused_with_the_reason(staff_client, changes, message):
    response = staff_client.post("/admin/seo/importsource/add/", {**SOURCE, **changes})
    assert response.status_code == 200 and message in response.text
    assert not ImportSource.objects.exists()


def test_paused_sources_are_listed_first_with_their_reason(staff_client):
    ImportSource.objects.create(name="a fine one", kind="folder", location="/tmp")
    ImportSource.objects.create(
        name="z broken",
        kind="url",
        location="https://example.com/x",
        enabled=False,
        failure_count=3,
        paused_reason="Paused after 3 failed runs in a row; the last: the address answered HTTP 500",
    )
    response = staff_client.get("/admin/seo/importsource/")
    names = [source.name for source in response.context["cl"].result_list]
    assert names == ["z broken", "a fine one"]
    assert "Paused</strong> Paused after 3 failed runs in a row" in response.text


def test_resume_clears_the_failures_and_makes_the_source_due(staff_client):
    source = ImportSource.objects.create(
        name="x", kind="folder", location="/tmp", enabled=False, failure_count=3, paused_reason="Paused"
    )
    staff_client.post("/admin/seo/importsource/", {"action": "resume", ACTION_CHECKBOX_NAME: [source.pk]})
    source.refresh_from_db()
    assert (
        source.enabled
        and source.failure_count == 0
        and not source.paused_reason
        and source.next_run_at is None
    )


def test_run_now_queues_a_job_for_the_source(staff_client, tmp_path, django_capture_on_commit_callbacks):
    source = ImportSource.objects.create(name="x", kind="folder", location=str(tmp_path))
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(
            "/admin/seo/importsource/", {"action": "run_now", ACTION_CHECKBOX_NAME: [source.pk]}
        )
    job = Job.objects.get(kind="import_source")
    assert job.status == Job.Status.SUCCEEDED and "nothing new" in job.message


def test_a_preset_typed_in_the_admin_is_checked(staff_client):
    response = staff_client.post(
        "/admin/seo/importpreset/add/", {"name": "bad", "columns": '{"Plays": "views", "Views": "views"}'}
    )
    assert response.status_code == 200 and "No column is mapped to caption" in response.text
    assert not ImportPreset.objects.exists()
    staff_client.post(
        "/admin/seo/importpreset/add/", {"name": "ok", "columns": '{"Desc": "caption", "Post": "video_id"}'}
    )
    assert ImportPreset.objects.get(name="ok").columns == {"Desc": "caption", "Post": "video_id"}


@pytest.mark.parametrize(
    "url", ["/admin/seo/importsource/", "/admin/seo/importpreset/", "/admin/seo/importsource/add/"]
)
def test_non_staff_are_sent_to_the_admin_login(owner_client, url):
    response = owner_client.get(url)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
