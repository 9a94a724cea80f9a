from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.urls import reverse

from jobs.models import Job
from jobs.services import job_create

pytestmark = pytest.mark.django_db
CSV = b"title,caption\nPasta,Easy pasta in 10 minutes. Save this! #pasta\n"


def csv_file(data: bytes = CSV, name: str = "plan.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="text/csv")


@pytest.fixture
def scored_job(owner_client, owner, django_capture_on_commit_callbacks) -> Job:
    with django_capture_on_commit_callbacks(execute=True):
        owner_client.post(reverse("captions:batch_upload"), {"file": csv_file()})
    return Job.objects.get(created_by=owner, kind="caption_batch")


def test_anonymous_users_are_sent_to_sign_in(client, owner):
    job = job_create(kind="caption_batch", title="x", user=owner)
    for response in (
        client.get(reverse("captions:batch_upload")),
        client.post(reverse("captions:batch_upload"), {"file": csv_file()}),
        client.get(reverse("captions:batch_download", args=[job.pk])),
    ):
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))


def test_the_upload_page_shows_the_form_and_the_users_batches(owner_client, owner, other):
    job_create(kind="caption_batch", title="Scoring mine.csv", user=owner)
    job_create(kind="caption_batch", title="Scoring theirs.csv", user=other)
    response = owner_client.get(reverse("captions:batch_upload"))
    assert response.status_code == 200
    assert b'enctype="multipart/form-data"' in response.content
    assert b"Scoring mine.csv" in response.content and b"Scoring theirs.csv" not in response.content
    assert b'hx-trigger="every 1s"' in response.content  # live progress of the unfinished job


def test_uploading_starts_a_job_and_returns_to_the_page(
    owner_client, owner, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = owner_client.post(reverse("captions:batch_upload"), {"file": csv_file()})
    assert response.status_code == 302 and response["Location"] == reverse("captions:batch_upload")
    job = Job.objects.get(created_by=owner, kind="caption_batch")
    assert job.status == Job.Status.SUCCEEDED
    assert job.report["download_url"] == reverse("captions:batch_download", args=[job.pk])


def test_the_owner_downloads_the_result(owner_client, scored_job):
    response = owner_client.get(reverse("captions:batch_download", args=[scored_job.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="plan-scores.csv"'
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    assert body.startswith("line,title,language,score")
    assert "Pasta" in body


def test_another_user_gets_404_for_the_download(client, other, scored_job):
    client.force_login(other)
    assert client.get(reverse("captions:batch_download", args=[scored_job.pk])).status_code == 404


def test_a_job_of_another_kind_is_not_downloadable_here(owner_client, owner):
    job = job_create(kind="index_build", title="Index", user=owner)
    assert owner_client.get(reverse("captions:batch_download", args=[job.pk])).status_code == 404


def test_an_unfinished_job_has_nothing_to_download(owner_client, owner):
    job = job_create(kind="caption_batch", title="Queued", user=owner)
    assert owner_client.get(reverse("captions:batch_download", args=[job.pk])).status_code == 404


def test_the_progress_poll_shows_the_download_link_when_done(owner_client, scored_job):
    response = owner_client.get(reverse("jobs:detail", args=[scored_job.pk]), headers={"HX-Request": "true"})
    assert reverse("captions:batch_download", args=[scored_job.pk]).encode() in response.content


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("caption\nBlåbær\n".encode("latin-1"), b"not UTF-8"),
        (b"title,text\nA,B\n", b"caption"),
        (b"", b"empty"),  # Django's own message for an empty upload
    ],
)
def test_a_bad_file_is_refused_with_the_reason_and_no_job(owner_client, owner, data, message):
    response = owner_client.post(reverse("captions:batch_upload"), {"file": csv_file(data)})
    assert response.status_code == 400
    assert message in response.content
    assert not Job.objects.filter(created_by=owner).exists()


def test_a_post_without_a_file_is_refused(owner_client, owner):
    response = owner_client.post(reverse("captions:batch_upload"), {})
    assert response.status_code == 400
    assert b"This field is required" in response.content


@override_settings(CAPTION_BATCH_MAX_BYTES=100)
def test_a_file_over_the_size_limit_is_refused(owner_client, owner):
    response = owner_client.post(
        reverse("captions:batch_upload"), {"file": csv_file(b"caption\n" + b"x" * 500)}
    )
    assert response.status_code == 400
    assert b"The file is 508 bytes; the limit is 100 bytes." in response.content
    assert not Job.objects.filter(created_by=owner).exists()


def test_csrf_is_enforced(owner):
    client = Client(enforce_csrf_checks=True)
    client.force_login(owner)
    assert client.post(reverse("captions:batch_upload"), {"file": csv_file()}).status_code == 403


def test_html_in_titles_is_escaped_on_the_page(owner_client, owner):
    job_create(kind="caption_batch", title="Scoring <script>x</script>.csv", user=owner)
    response = owner_client.get(reverse("captions:batch_upload"))
    assert b"<script>x</script>" not in response.content
    assert b"&lt;script&gt;" in response.content


def test_a_file_over_the_limit_is_refused_by_size_without_being_written_to_disk(
    owner_client, owner, monkeypatch
):
    from django.core.files import uploadedfile

    written = []
    real_init = uploadedfile.TemporaryUploadedFile.__init__

    def spy(self, *args, **kwargs):
        written.append(args)
        real_init(self, *args, **kwargs)

    monkeypatch.setattr(uploadedfile.TemporaryUploadedFile, "__init__", spy)
    big = csv_file(b"caption\n" + b"x" * (6 * 1024 * 1024), name="big.csv")  # over the 5 MB memory size
    response = owner_client.post(reverse("captions:batch_upload"), {"file": big})
    assert response.status_code == 400
    assert "The file is 6 MB; the limit is 2 MB." in response.text
    assert written == [], "the upload never reached a temporary file"
    assert not Job.objects.filter(created_by=owner).exists()


def test_a_file_under_the_limit_still_goes_through_the_size_limited_handler(owner_client, owner):
    response = owner_client.post(reverse("captions:batch_upload"), {"file": csv_file()})
    assert response.status_code == 302 and Job.objects.filter(created_by=owner).count() == 1
