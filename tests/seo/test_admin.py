from __future__ import annotations

import csv
import io

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.files.uploadedfile import SimpleUploadedFile

from jobs.models import Job
from seo.corpus.importing import trend_import
from seo.models import Hashtag, PostHashtag, TrendPost

pytestmark = pytest.mark.django_db

CSV = (
    "video_id,caption,hashtags,author,views,likes,region,language\n"
    '1,=HYPERLINK("http://evil") pasta #food,#recipe,@chef,1000,100,NO,nb\n'
    "2,Leg day #gymtok #foryoupage,,lifter,5000,50,US,en\n"
    "3,Sunset #foryou #travel,,nomad,900,300,US,en\n"
)


@pytest.fixture
def corpus(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text(CSV, encoding="utf-8")
    assert trend_import(paths=[path]).created == 3


def tag(name: str) -> Hashtag:
    return Hashtag.objects.get(name=name)


def test_staff_see_the_post_list_with_search_and_filters(staff_client, corpus):
    response = staff_client.get(
        "/admin/seo/trendpost/", {"q": "pasta", "hashtag": "food", "engagement": "high"}
    )
    assert response.status_code == 200
    assert list(response.context["cl"].queryset.values_list("video_id", flat=True)) == ["1"]
    assert "Import trends" in response.text and "Export CSV" in response.text


def test_non_staff_are_sent_to_the_admin_login(owner_client, corpus):
    for url in ("/admin/seo/trendpost/", "/admin/seo/trendpost/export/", "/admin/seo/hashtag/duplicates/"):
        response = owner_client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_the_export_follows_the_filters_and_escapes_formulas(staff_client, corpus):
    response = staff_client.get("/admin/seo/trendpost/export/", {"language": "nb"})
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [r["video_id"] for r in rows] == ["1"]
    assert rows[0]["caption"].startswith("'=HYPERLINK")
    assert rows[0]["hashtags"] == "#food #recipe"


def test_the_export_action_exports_the_selected_posts(staff_client, corpus):
    ids = list(TrendPost.objects.filter(video_id__in=["2", "3"]).values_list("pk", flat=True))
    response = staff_client.post(
        "/admin/seo/trendpost/", {"action": "export_selected_csv", ACTION_CHECKBOX_NAME: ids}
    )
    body = b"".join(response.streaming_content).decode()
    assert body.count("\n") == 3 and "Leg day" in body


def test_deleting_a_post_updates_the_tag_counts(staff_client, corpus):
    post = TrendPost.objects.get(video_id="1")
    staff_client.post(f"/admin/seo/trendpost/{post.pk}/delete/", {"post": "yes"})
    assert not TrendPost.objects.filter(pk=post.pk).exists()
    assert tag("food").post_count == 0


def test_staff_block_and_unblock_tags(staff_client, corpus):
    data = {"action": "block", ACTION_CHECKBOX_NAME: [tag("food").pk, tag("recipe").pk]}
    staff_client.post("/admin/seo/hashtag/", data)
    assert tag("food").is_blocked and tag("recipe").is_blocked
    staff_client.post("/admin/seo/hashtag/", {**data, "action": "unblock"})
    assert not tag("food").is_blocked


def test_non_staff_cannot_block(owner_client, corpus):
    owner_client.post("/admin/seo/hashtag/", {"action": "block", ACTION_CHECKBOX_NAME: [tag("food").pk]})
    assert not tag("food").is_blocked


def test_the_merge_action_asks_which_tag_to_keep_then_folds_the_others(staff_client, corpus):
    selected = [tag("foryou").pk, tag("foryoupage").pk]
    page = staff_client.post("/admin/seo/hashtag/", {"action": "merge", ACTION_CHECKBOX_NAME: selected})
    assert page.status_code == 200 and "Pick the tag to keep" in page.text
    staff_client.post(
        "/admin/seo/hashtag/",
        {"action": "merge", ACTION_CHECKBOX_NAME: selected, "apply": "1", "canonical": tag("foryou").pk},
    )
    assert tag("foryoupage").canonical == tag("foryou")
    assert tag("foryou").post_count == 2 and tag("foryoupage").post_count == 0
    assert not PostHashtag.objects.filter(hashtag=tag("foryoupage")).exists()


def test_merging_moves_aliases_of_the_folded_tag_too(staff_client, corpus):
    fypshi = Hashtag.objects.create(name="fypシ", canonical=tag("foryoupage"))
    selected = [tag("foryou").pk, tag("foryoupage").pk]
    staff_client.post(
        "/admin/seo/hashtag/",
        {"action": "merge", ACTION_CHECKBOX_NAME: selected, "apply": "1", "canonical": tag("foryou").pk},
    )
    fypshi.refresh_from_db()
    assert fypshi.canonical == tag("foryou")


def test_non_staff_cannot_merge(owner_client, corpus):
    selected = [tag("foryou").pk, tag("foryoupage").pk]
    owner_client.post(
        "/admin/seo/hashtag/",
        {"action": "merge", ACTION_CHECKBOX_NAME: selected, "apply": "1", "canonical": tag("foryou").pk},
    )
    assert tag("foryoupage").canonical is None


def test_the_duplicates_page_runs_a_scan_and_merges_a_pair_in_one_click(
    staff_client, corpus, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post("/admin/seo/hashtag/duplicates/")
    job = Job.objects.get(kind="hashtag_duplicates")
    assert job.status == Job.Status.SUCCEEDED
    page = staff_client.get("/admin/seo/hashtag/duplicates/")
    pairs = page.context["pairs"]
    assert {"keep": "foryou", "fold": "foryoupage"}.items() <= pairs[0].items()
    staff_client.post("/admin/seo/hashtag/duplicates/merge/", {"keep": "foryou", "fold": "foryoupage"})
    assert tag("foryoupage").canonical == tag("foryou")
    assert staff_client.get("/admin/seo/hashtag/duplicates/").context["pairs"] == []


def test_non_staff_cannot_merge_a_duplicate_pair(owner_client, corpus):
    owner_client.post("/admin/seo/hashtag/duplicates/merge/", {"keep": "foryou", "fold": "foryoupage"})
    assert tag("foryoupage").canonical is None


def test_the_upload_page_runs_the_import_as_a_job(staff_client, django_capture_on_commit_callbacks, settings):
    upload = SimpleUploadedFile("mine.csv", CSV.encode(), content_type="text/csv")
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            "/admin/seo/trendpost/import/", {"file": upload, "source": "upload", "skip_invalid": "on"}
        )
    job = Job.objects.get(kind="trend_import")
    assert response.status_code == 302 and response["Location"] == f"/jobs/{job.pk}/"
    assert job.status == Job.Status.SUCCEEDED and job.report["created"] == 3
    assert str(settings.DATA_DIR / "uploads" / "imports") in job.params["paths"][0]
    assert TrendPost.objects.filter(source="upload").count() == 3


def test_a_failed_upload_import_reports_the_lines(staff_client, django_capture_on_commit_callbacks):
    upload = SimpleUploadedFile("bad.csv", b"video_id,caption,views\n1,ok,-4\n", content_type="text/csv")
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post("/admin/seo/trendpost/import/", {"file": upload, "source": "import"})
    job = Job.objects.get(kind="trend_import")
    assert job.status == Job.Status.FAILED
    assert job.report["errors"][0]["line"] == 2 and not TrendPost.objects.exists()


def test_the_upload_page_refuses_other_file_types(staff_client):
    upload = SimpleUploadedFile("photo.png", b"\x89PNG", content_type="image/png")
    response = staff_client.post("/admin/seo/trendpost/import/", {"file": upload, "source": "import"})
    assert response.status_code == 200 and "Upload a file ending in" in response.text
    assert not Job.objects.exists()


def test_non_staff_cannot_upload(owner_client):
    upload = SimpleUploadedFile("mine.csv", CSV.encode(), content_type="text/csv")
    response = owner_client.post("/admin/seo/trendpost/import/", {"file": upload, "source": "x"})
    assert response.status_code == 302 and not Job.objects.exists()


def test_filtering_by_an_alias_shows_the_posts_of_its_canonical_tag(staff_client, corpus):
    Hashtag.objects.create(name="fypシ", canonical=tag("foryou"))
    response = staff_client.get("/admin/seo/trendpost/", {"hashtag": "#FYPシ"})
    assert list(response.context["cl"].queryset.values_list("video_id", flat=True)) == ["3"]


def test_the_export_button_carries_the_current_filters(staff_client, corpus):
    response = staff_client.get("/admin/seo/trendpost/", {"language": "nb"})
    assert 'href="/admin/seo/trendpost/export/?language=nb"' in response.text
    assert "Export CSV (1)" in response.text
