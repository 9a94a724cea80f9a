"""Who may open which caption URL: the owner, not another creator (404), not anonymous (login)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from captions.models import Draft

pytestmark = pytest.mark.django_db

DRAFT_URLS = [
    ("captions:draft_edit", "get"),
    ("captions:draft_edit", "post"),
    ("captions:draft_delete", "get"),
    ("captions:draft_delete", "post"),
    ("captions:draft_duplicate", "post"),
]


@pytest.mark.parametrize(("name", "method"), DRAFT_URLS)
def test_it_sends_anonymous_users_to_sign_in(client, draft, name, method):
    url = reverse(name, args=[draft.pk])
    response = getattr(client, method)(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize(
    ("name", "method"),
    [("captions:draft_list", "get"), ("captions:draft_new", "get"), ("captions:draft_panel", "post")],
)
def test_it_sends_anonymous_users_to_sign_in_from_the_workspace(client, name, method):
    response = getattr(client, method)(reverse(name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize(("name", "method"), DRAFT_URLS)
def test_it_hides_a_draft_from_another_creator(client, other, draft, name, method):
    client.force_login(other)
    response = getattr(client, method)(
        reverse(name, args=[draft.pk]), {"action": "save", "title": "mine now"}
    )
    assert response.status_code == 404
    draft.refresh_from_db()
    assert draft.title == "Pasta night"
    assert Draft.objects.count() == 1


def test_the_list_shows_only_the_creators_own_drafts(client, owner, other, draft):
    Draft.objects.create(owner=other, title="Someone else's secret plan")
    client.force_login(owner)
    response = client.get(reverse("captions:draft_list"))
    assert response.status_code == 200
    assert "Pasta night" in response.text
    assert "secret plan" not in response.text


def test_the_owner_opens_edits_duplicates_and_deletes(client, owner, draft):
    client.force_login(owner)
    assert client.get(reverse("captions:draft_edit", args=[draft.pk])).status_code == 200
    assert client.get(reverse("captions:draft_delete", args=[draft.pk])).status_code == 200
    response = client.post(reverse("captions:draft_duplicate", args=[draft.pk]))
    copy = Draft.objects.exclude(pk=draft.pk).get()
    assert response["Location"] == reverse("captions:draft_edit", args=[copy.pk])
    assert copy.title == "Pasta night (copy)"
    assert copy.hashtags == ["pasta", "dinner"]
    assert copy.owner == owner
    response = client.post(reverse("captions:draft_delete", args=[draft.pk]))
    assert response["Location"] == reverse("captions:draft_list")
    assert not Draft.objects.filter(pk=draft.pk).exists()


def test_it_rejects_get_for_duplicate_and_panel(client, owner, draft):
    client.force_login(owner)
    assert client.get(reverse("captions:draft_duplicate", args=[draft.pk])).status_code == 405
    assert client.get(reverse("captions:draft_panel")).status_code == 405
