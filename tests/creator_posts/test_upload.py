"""The upload page: the report, all-or-nothing, re-upload updates, limits and delete-all."""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from creator_posts.models import CreatorPost
from tests.creator_posts.conftest import studio_csv, studio_rows

pytestmark = pytest.mark.django_db
URL = reverse("creator_posts:your_posts")


def _upload(client, content: bytes, name: str = "Content.csv", **extra):
    return client.post(URL, {"file": SimpleUploadedFile(name, content), **extra})


def test_it_asks_anonymous_visitors_to_sign_in(client):
    response = client.get(URL)
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_it_imports_a_studio_export_and_reports_what_it_did(owner_client, owner):
    response = _upload(owner_client, studio_csv(studio_rows(3, hour=18)))
    assert response.status_code == 200
    page = response.content.decode()
    assert "<strong>3</strong> new posts imported" in page
    assert "Total views → views" in page
    post = CreatorPost.objects.get(owner=owner, video_id="7300000000000000000")
    assert (post.views, post.likes, post.average_watch_s, post.full_watch_rate) == (1000, 100, 7.5, 0.12)
    assert post.engagement_rate == pytest.approx((100 + 5 + 2) / 1000)


def test_uploading_the_same_export_again_updates_the_posts_instead_of_doubling_them(owner_client, owner):
    _upload(owner_client, studio_csv(studio_rows(3, hour=18, views=1000)))
    response = _upload(owner_client, studio_csv(studio_rows(4, hour=18, views=2000)))
    page = response.content.decode()
    assert "<strong>1</strong> new post imported" in page
    assert "<strong>3</strong> already uploaded, updated (not doubled)" in page
    assert CreatorPost.objects.filter(owner=owner).count() == 4
    assert set(CreatorPost.objects.values_list("views", flat=True)) == {2000}


def test_a_bad_row_saves_nothing_and_names_its_line_and_problems(owner_client, owner):
    rows = studio_rows(2, hour=18)
    rows.append(["Broken", "", "yesterday", 1, 1, 1, "lots", "", "", ""])
    response = _upload(owner_client, studio_csv(rows))
    assert response.status_code == 400
    page = response.content.decode()
    assert "line 4: posted_at &#x27;yesterday&#x27; is not a time" in page
    assert "views &#x27;lots&#x27; is not a count" in page
    assert "Nothing was saved" in page
    assert not CreatorPost.objects.exists()


def test_skipping_bad_rows_saves_the_good_ones(owner_client, owner):
    rows = [*studio_rows(2, hour=18), ["Broken", "", "2026-09-09 10:00", 1, 1, 1, "-5", "", "", ""]]
    response = _upload(owner_client, studio_csv(rows), skip_invalid="on")
    assert response.status_code == 200
    assert "line 4: views &#x27;-5&#x27; is negative" in response.content.decode()
    assert CreatorPost.objects.filter(owner=owner).count() == 2


def test_the_same_post_twice_in_one_file_is_reported_not_doubled(owner_client, owner):
    rows = studio_rows(1, hour=18) * 2
    response = _upload(owner_client, studio_csv(rows), skip_invalid="on")
    assert "line 3: the same post appears twice in this file (first on line 2)" in response.content.decode()
    assert CreatorPost.objects.filter(owner=owner).count() == 1


def test_a_file_over_the_size_cap_is_refused_before_it_is_read(owner_client, owner, settings):
    settings.CREATOR_POSTS_MAX_UPLOAD_BYTES = 1024 * 1024
    response = _upload(owner_client, b"x" * (1024 * 1024 + 1))
    assert response.status_code == 400
    assert "at most 1 MB can be uploaded" in response.content.decode()
    assert not CreatorPost.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("photo.png", b"\x89PNG", "is not a CSV, XLSX or JSON file"),
        ("empty.csv", b"", "The submitted file is empty"),
        (
            "overview.csv",
            b"Date,Video views,Profile views,Likes\n2026-09-01,10,1,1\n",
            "looks like the Overview export",
        ),
        ("notes.csv", b"name,colour\nx,red\n", "needs a views column and a title, link or id column"),
        ("binary.csv", b"a\x00b\x00c\n" * 20, "binary file"),
        ("broken.xlsx", b"PK\x03\x04 not really a zip", "cannot be opened"),
    ],
)
def test_bad_files_get_a_clear_message_and_change_nothing(owner_client, owner, name, content, message):
    _upload(owner_client, studio_csv(studio_rows(2, hour=18)))
    response = _upload(owner_client, content, name)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert CreatorPost.objects.filter(owner=owner).count() == 2


def test_importer_files_work_too_research_api_pages(owner_client, owner):
    page = {"data": {"videos": [
        {"id": 7311111111111111111, "video_description": "Would you try this?", "create_time": 1788000000,
         "view_count": 900, "like_count": 90, "comment_count": 3, "share_count": 1, "username": "me"},
    ], "cursor": 1, "has_more": False}}  # fmt: skip
    response = _upload(owner_client, json.dumps(page).encode(), "page.json")
    assert response.status_code == 200, response.content.decode()
    post = CreatorPost.objects.get(owner=owner)
    assert (post.video_id, post.views, post.caption) == ("7311111111111111111", 900, "Would you try this?")


def test_delete_all_needs_the_tick_and_deletes_only_the_creators_posts(owner_client, owner, other, client):
    _upload(owner_client, studio_csv(studio_rows(3, hour=18)))
    CreatorPost.objects.create(owner=other, video_id="1", views=5)
    owner_client.post(reverse("creator_posts:delete_all"))
    assert CreatorPost.objects.filter(owner=owner).count() == 3
    response = owner_client.post(reverse("creator_posts:delete_all"), {"confirm": "delete"}, follow=True)
    assert "Deleted 3 of your uploaded posts" in response.content.decode()
    assert not CreatorPost.objects.filter(owner=owner).exists()
    assert CreatorPost.objects.filter(owner=other).count() == 1


def test_delete_all_refuses_get(owner_client):
    assert owner_client.get(reverse("creator_posts:delete_all")).status_code == 405


def test_the_account_page_and_the_navigation_link_to_the_page(owner_client):
    page = owner_client.get(reverse("accounts:account")).content.decode()
    assert page.count(f'href="{URL}"') == 2  # navigation and the account page's card
