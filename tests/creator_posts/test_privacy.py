"""A creator's uploaded posts are theirs: not shown to other creators, their API tokens or
staff without the model permission, and never part of the shared trend corpus."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from api.tokens import token_create
from creator_posts.models import CreatorPost
from creator_posts.selectors import creator_posts_of
from seo.models import TrendPost
from tests.creator_posts.conftest import studio_csv

pytestmark = pytest.mark.django_db
SECRET_CAPTION = "Zyxwv secret recipe nobody else may see"


@pytest.fixture
def uploaded(owner_client, owner):
    rows = [[SECRET_CAPTION, f"https://www.tiktok.com/@me/video/73{i:017d}", f"2026-09-{i + 1:02d} 18:00", 10, 1, 1, 100, "", "", ""] for i in range(3)]  # fmt: skip
    response = owner_client.post(
        reverse("creator_posts:your_posts"), {"file": SimpleUploadedFile("c.csv", studio_csv(rows))}
    )
    assert response.status_code == 200
    return CreatorPost.objects.filter(owner=owner)


def test_another_creator_sees_none_of_them(client, other, uploaded):
    client.force_login(other)
    page = client.get(reverse("creator_posts:your_posts")).content.decode()
    assert SECRET_CAPTION not in page
    assert "0 uploaded posts in all" in page
    assert creator_posts_of(other).count() == 0


def test_anonymous_reads_none(uploaded):
    from django.contrib.auth.models import AnonymousUser

    assert creator_posts_of(AnonymousUser()).count() == 0


def test_they_never_enter_the_shared_trend_corpus(uploaded):
    assert uploaded.count() == 3
    assert not TrendPost.objects.exists()


def test_another_users_api_token_gets_nothing_of_them(client, other, uploaded):
    _, secret = token_create(user=other, name="script")
    response = client.post(
        "/api/v1/score",
        {"caption": "Zyxwv secret recipe"},
        content_type="application/json",
        headers={"Authorization": f"Bearer {secret}"},
    )
    assert SECRET_CAPTION not in response.content.decode()


def test_staff_need_the_model_permission_to_see_them_in_the_admin(client, uploaded):
    clerk = get_user_model().objects.create_user("clerk", "c@example.com", "pw-clerk-123", is_staff=True)
    client.force_login(clerk)
    url = reverse("admin:creator_posts_creatorpost_changelist")
    assert client.get(url).status_code == 403
    clerk.user_permissions.add(Permission.objects.get(codename="view_creatorpost"))
    clerk = get_user_model().objects.get(pk=clerk.pk)  # drop the cached permissions
    client.force_login(clerk)
    response = client.get(url)
    assert response.status_code == 200 and "Zyxwv secret recipe" in response.content.decode()
