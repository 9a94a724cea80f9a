"""A process remembers an active token for TOKEN_CACHE_SECONDS: revocation still holds."""

from __future__ import annotations

import pytest
from django.utils import timezone

import api.tokens
from api.models import ApiToken
from api.tokens import token_authenticate, token_revoke

pytestmark = pytest.mark.django_db

CAPTION = {"caption": "Easy pasta in 10 minutes #pasta", "keywords": ["pasta"]}


def test_a_busy_token_is_read_from_the_database_once(owner_secret, django_assert_num_queries):
    with django_assert_num_queries(2):  # the lookup, and the first last_used_at
        assert token_authenticate(secret=owner_secret) is not None
    with django_assert_num_queries(0):
        for _ in range(5):
            assert token_authenticate(secret=owner_secret) is not None


def test_a_wrong_secret_is_never_remembered(owner_secret, django_assert_num_queries):
    for _ in range(2):
        with django_assert_num_queries(1):
            assert token_authenticate(secret=owner_secret[:-1]) is None


def test_revoking_in_this_process_takes_effect_at_once(api_post, owner_secret, owner):
    assert api_post("score", CAPTION, secret=owner_secret).status_code == 200  # now remembered
    token_revoke(token=ApiToken.objects.get(user=owner))
    assert api_post("score", CAPTION, secret=owner_secret).status_code == 401


def test_a_revocation_elsewhere_takes_effect_within_the_cache_window(api_post, owner_secret, monkeypatch):
    assert api_post("score", CAPTION, secret=owner_secret).status_code == 200
    # Another process (or machine) revokes: this one's memory is not told...
    ApiToken.objects.update(revoked_at=timezone.now())
    assert api_post("score", CAPTION, secret=owner_secret).status_code == 200
    # ...and asks the database again once TOKEN_CACHE_SECONDS have passed.
    monkeypatch.setattr(api.tokens, "TOKEN_CACHE_SECONDS", 0.0)
    assert api_post("score", CAPTION, secret=owner_secret).status_code == 401


def test_the_cache_window_is_a_few_seconds():
    assert 0 < api.tokens.TOKEN_CACHE_SECONDS <= 10


def test_deactivating_a_user_stops_their_remembered_token_at_once(api_post, owner_secret, owner):
    assert api_post("score", CAPTION, secret=owner_secret).status_code == 200
    owner.is_active = False
    owner.save()
    assert api_post("score", CAPTION, secret=owner_secret).status_code == 401


def test_the_admin_revoke_action_stops_a_remembered_token_at_once(
    api_post, owner_secret, owner, staff, client
):
    assert api_post("score", CAPTION, secret=owner_secret).status_code == 200
    client.force_login(staff)
    token = ApiToken.objects.get(user=owner)
    client.post("/admin/api/apitoken/", {"action": "revoke", "_selected_action": [token.pk]})
    assert ApiToken.objects.get(pk=token.pk).revoked_at is not None
    assert api_post("score", CAPTION, secret=owner_secret).status_code == 401
