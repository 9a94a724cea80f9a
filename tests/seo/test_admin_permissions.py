"""Every admin action and custom admin view checks the matching model permission:
staff with no permissions, view-only staff and staff who may change."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import reverse

from api.models import ApiToken
from api.tokens import token_create
from jobs.models import Job
from seo.index.lifecycle import index_build
from seo.models import Hashtag, IndexVersion
from tests.corpus_factory import topic_corpus

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("index_env")]

MODELS = {"seo": ["indexversion", "trendpost", "hashtag"], "api": ["apitoken"], "jobs": ["job"]}


def _staff(name: str, *actions: str):
    user = get_user_model().objects.create_user(name, password="pw-staff-123", is_staff=True)
    for app, models in MODELS.items():
        for model in models:
            for action in actions:
                user.user_permissions.add(
                    Permission.objects.get(content_type__app_label=app, codename=f"{action}_{model}")
                )
    return user


@pytest.fixture
def as_staff(client):
    def login(kind: str):
        actions = {"none": (), "view": ("view",), "change": ("view", "change", "add")}[kind]
        client.force_login(_staff(f"staff-{kind}", *actions))
        return client

    return login


def _action(client, url_name: str, action: str, pks):
    return client.post(reverse(url_name), {"action": action, "_selected_action": [str(pk) for pk in pks]})


@pytest.mark.parametrize("kind", ["none", "view"])
def test_staff_without_add_permission_cannot_start_an_index_build(as_staff, kind):
    response = as_staff(kind).post(reverse("admin:seo_indexversion_build"))
    assert response.status_code == 403
    assert not Job.objects.exists()


def test_staff_with_add_permission_start_an_index_build(as_staff, django_capture_on_commit_callbacks):
    topic_corpus(copies=1)
    with django_capture_on_commit_callbacks(execute=True):
        response = as_staff("change").post(reverse("admin:seo_indexversion_build"))
    assert response.status_code == 302
    assert Job.objects.get(kind="index_build").status == Job.Status.SUCCEEDED


def test_the_build_button_shows_only_to_staff_who_may_build(as_staff):
    assert (
        b"Build a new index" not in as_staff("view").get(reverse("admin:seo_indexversion_changelist")).content
    )


@pytest.mark.parametrize("kind, switched", [("none", False), ("view", False), ("change", True)])
def test_only_staff_who_may_change_switch_the_serving_index(as_staff, kind, switched):
    topic_corpus(copies=1)
    first = index_build()
    index_build()
    _action(as_staff(kind), "admin:seo_indexversion_changelist", "activate_version", [first.pk])
    first.refresh_from_db()
    assert (first.status == IndexVersion.Status.ACTIVE) is switched


@pytest.mark.parametrize("kind, revoked", [("none", False), ("view", False), ("change", True)])
def test_only_staff_who_may_change_tokens_revoke_them(as_staff, owner, kind, revoked):
    token, _ = token_create(user=owner, name="Script")
    _action(as_staff(kind), "admin:api_apitoken_changelist", "revoke", [token.pk])
    assert (ApiToken.objects.get(pk=token.pk).revoked_at is not None) is revoked


@pytest.mark.parametrize("kind, blocked", [("none", False), ("view", False), ("change", True)])
def test_only_staff_who_may_change_hashtags_block_them(as_staff, kind, blocked):
    tag = Hashtag.objects.create(name="pasta")
    _action(as_staff(kind), "admin:seo_hashtag_changelist", "block", [tag.pk])
    assert Hashtag.objects.get(pk=tag.pk).is_blocked is blocked


@pytest.mark.parametrize("kind, status", [("none", 403), ("view", 403), ("change", 200)])
def test_the_import_page_needs_the_add_permission(as_staff, kind, status):
    assert as_staff(kind).get(reverse("admin:seo_trendpost_import")).status_code == status


@pytest.mark.parametrize("kind, status", [("none", 403), ("view", 200), ("change", 200)])
def test_the_csv_export_needs_the_view_permission(as_staff, kind, status):
    assert as_staff(kind).get(reverse("admin:seo_trendpost_export")).status_code == status


@pytest.mark.parametrize("kind, status", [("none", 403), ("view", 403), ("change", 200)])
def test_the_duplicates_page_needs_the_change_permission(as_staff, kind, status):
    assert as_staff(kind).get(reverse("admin:seo_hashtag_duplicates")).status_code == status


@pytest.mark.parametrize("kind", ["none", "view"])
def test_a_duplicate_merge_needs_the_change_permission(as_staff, kind):
    keep, fold = Hashtag.objects.create(name="pasta"), Hashtag.objects.create(name="pastas")
    response = as_staff(kind).post(
        reverse("admin:seo_hashtag_duplicate_merge"), {"keep": "pasta", "fold": "pastas"}
    )
    assert response.status_code == 403
    fold.refresh_from_db()
    assert fold.canonical_id is None and keep.pk
