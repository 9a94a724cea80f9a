"""The admin upload's column-mapping step: guess, preview, correct, save a preset, import."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from jobs.models import Job
from seo.models import ImportPreset, TrendPost

pytestmark = pytest.mark.django_db

SHEET = (
    "Post ID;Date posted;Description;Plays;Notes\n"
    "101;2025-05-20 03:07:40;Crispy potatoes #airfryer;1400;first\n"
    "102;2025-05-21;Leg day #gymtok;5000;second\n"
)
MAPPED = {"col_0": "video_id", "col_1": "posted_at", "col_2": "caption", "col_3": "views", "col_4": ""}


def upload(client, content=SHEET, name="agency.csv", **extra):
    file = SimpleUploadedFile(name, content.encode(), content_type="text/csv")
    return client.post("/admin/seo/trendpost/import/", {"file": file, "source": "agency", **extra})


def test_an_unknown_header_goes_to_the_mapping_step_with_guesses_and_the_first_rows(staff_client):
    response = upload(staff_client)
    assert response.status_code == 302 and "/columns/" in response["Location"]
    assert "source=agency" in response["Location"]
    page = staff_client.get(response["Location"])
    assert page.status_code == 200 and not Job.objects.exists()
    html = page.text
    assert "CSV separated by semicolons" in html and "Crispy potatoes #airfryer" in html
    form = page.context["form"]
    assert [form[f"col_{i}"].value() for i in range(5)] == ["video_id", "posted_at", "caption", "views", None]
    assert form["source"].value() == "agency"


def test_confirming_imports_with_the_mapping_and_saves_the_preset(
    staff_client, django_capture_on_commit_callbacks
):
    columns_url = upload(staff_client)["Location"].split("?")[0]
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            columns_url, {**MAPPED, "source": "agency", "preset_name": "Agency sheet"}
        )
    job = Job.objects.get(kind="trend_import")
    assert response.status_code == 302 and response["Location"] == f"/jobs/{job.pk}/"
    assert job.status == Job.Status.SUCCEEDED, job.report
    assert TrendPost.objects.filter(source="agency").count() == 2
    assert TrendPost.objects.get(video_id="101").views == 1400
    preset = ImportPreset.objects.get(name="Agency sheet")
    assert preset.columns == {
        "Post ID": "video_id",
        "Date posted": "posted_at",
        "Description": "caption",
        "Plays": "views",
    }


def test_a_saved_preset_imports_the_next_file_without_the_mapping_step(
    staff_client, django_capture_on_commit_callbacks
):
    preset = ImportPreset.objects.create(
        name="Agency", columns={"Post ID": "video_id", "Description": "caption"}
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(staff_client, preset=preset.pk)
    job = Job.objects.get(kind="trend_import")
    assert response["Location"] == f"/jobs/{job.pk}/" and job.status == Job.Status.SUCCEEDED
    assert TrendPost.objects.count() == 2


def test_a_mapping_without_a_caption_or_with_a_field_twice_is_shown_again_with_the_reasons(staff_client):
    columns_url = upload(staff_client)["Location"].split("?")[0]
    response = staff_client.post(columns_url, {**MAPPED, "col_2": "", "col_4": "views", "source": "agency"})
    assert response.status_code == 200
    text = re.sub(r"\s+", " ", response.text)
    assert "No column is mapped to caption" in text
    assert "Views is chosen for 2 columns (&#x27;Plays&#x27; and &#x27;Notes&#x27;); pick one." in text
    assert not Job.objects.exists() and not ImportPreset.objects.exists()


def test_the_confirm_needs_only_the_stored_file_so_another_process_may_serve_it(
    staff_client, django_capture_on_commit_callbacks, settings
):
    columns_url = upload(staff_client)["Location"].split("?")[0]
    stored = columns_url.rstrip("/").split("/")[-2]
    assert (settings.DATA_DIR / "uploads" / "imports" / stored).is_file()
    other = Client()  # a fresh session: nothing of the upload step is in memory or the session
    other.force_login(get_user_model().objects.create_user("staff2", is_staff=True, is_superuser=True))
    with django_capture_on_commit_callbacks(execute=True):
        other.post(columns_url, {**MAPPED, "source": "agency"})
    assert TrendPost.objects.count() == 2


def test_choose_columns_shows_the_step_even_for_a_known_header(staff_client):
    response = upload(staff_client, content="video_id,caption\n1,hi\n", choose_columns="on")
    page = staff_client.get(response["Location"])
    assert [page.context["form"][f"col_{i}"].value() for i in range(2)] == ["video_id", "caption"]


def test_a_known_header_still_goes_straight_to_the_job(staff_client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(staff_client, content="video_id,caption\n1,hi\n")
    assert response["Location"].startswith("/jobs/") and TrendPost.objects.count() == 1


def test_an_xlsx_upload_gets_the_mapping_step_too(staff_client, tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["Description", "Video ID", "Video views"])
    book.active.append(["hi #a", "7", 12])
    book.save(tmp_path / "s.xlsx")
    file = SimpleUploadedFile("s.xlsx", (tmp_path / "s.xlsx").read_bytes())
    response = staff_client.post("/admin/seo/trendpost/import/", {"file": file, "source": "x"})
    page = staff_client.get(response["Location"])
    assert ".xlsx workbook" in page.text
    assert [page.context["form"][f"col_{i}"].value() for i in range(3)] == ["caption", "video_id", "views"]


@pytest.mark.parametrize(
    "name", ["..", "0123456789ab-missing.csv", "nothex-x.csv", "0123456789ab-..", ".env"]
)
def test_an_unknown_or_crafted_stored_name_is_not_found(staff_client, name):
    assert staff_client.get(f"/admin/seo/trendpost/import/{name}/columns/").status_code == 404


def test_non_staff_cannot_reach_the_mapping_step(owner_client, staff):
    staff_side = Client()
    staff_side.force_login(staff)
    columns_url = upload(staff_side)["Location"].split("?")[0]
    response = owner_client.post(columns_url, {**MAPPED, "source": "agency"})
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert not Job.objects.exists()


def test_uploads_older_than_a_week_are_removed_when_the_next_file_comes(staff_client, settings):
    import os
    import time

    folder = settings.DATA_DIR / "uploads" / "imports"
    folder.mkdir(parents=True, exist_ok=True)
    old, recent = folder / "0123456789ab-old.csv", folder / "0123456789ac-recent.csv"
    for path, age_days in ((old, 8), (recent, 6)):
        path.write_text("video_id,caption\n1,x\n")
        past = time.time() - age_days * 86400
        os.utime(path, (past, past))
    upload(staff_client)
    assert not old.exists() and recent.exists()
