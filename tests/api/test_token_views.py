from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from api.models import ApiToken, token_hash
from api.tokens import MAX_ACTIVE_TOKENS, token_create
from api.views import token_context

pytestmark = pytest.mark.django_db
HTMX = {"HX-Request": "true"}


def test_anonymous_users_are_sent_to_sign_in(client):
    for response in (
        client.get(reverse("api:token_list")),
        client.post(reverse("api:token_create"), {"name": "x"}),
        client.post(reverse("api:token_revoke", args=[1])),
    ):
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))


def test_the_partial_lists_only_the_users_own_tokens(owner_client, owner, other):
    token_create(user=owner, name="Mine")
    token_create(user=other, name="Theirs")
    response = owner_client.get(reverse("api:token_list"), headers=HTMX)
    assert response.status_code == 200
    assert b"<html" not in response.content
    assert b'id="api-tokens"' in response.content
    assert b"Mine" in response.content and b"Theirs" not in response.content


def test_creating_a_token_shows_the_secret_once_and_stores_only_its_hash(owner_client, owner):
    response = owner_client.post(reverse("api:token_create"), {"name": "Spreadsheet"}, headers=HTMX)
    assert response.status_code == 200
    token = ApiToken.objects.get(user=owner)
    secret = response.context["api_new_secret"]
    assert secret.startswith("hl_") and secret.encode() in response.content
    assert token.secret_hash == token_hash(secret) and secret not in token.secret_hash
    assert token.prefix == secret[:10]
    again = owner_client.get(reverse("api:token_list"), headers=HTMX)
    assert secret.encode() not in again.content
    assert token.prefix.encode() in again.content


def test_a_token_needs_a_name(owner_client, owner):
    response = owner_client.post(reverse("api:token_create"), {"name": "   "}, headers=HTMX)
    assert response.status_code == 400
    assert b"errorlist" in response.content
    assert not ApiToken.objects.filter(user=owner).exists()


def test_active_tokens_are_limited(owner_client, owner):
    for i in range(MAX_ACTIVE_TOKENS):
        token_create(user=owner, name=f"t{i}")
    response = owner_client.post(reverse("api:token_create"), {"name": "one more"}, headers=HTMX)
    assert response.status_code == 400
    assert b"revoke one" in response.content
    assert ApiToken.objects.filter(user=owner).count() == MAX_ACTIVE_TOKENS


def test_the_owner_revokes_a_token(owner_client, owner):
    token, _ = token_create(user=owner, name="Old")
    response = owner_client.post(reverse("api:token_revoke", args=[token.pk]), headers=HTMX)
    assert response.status_code == 200
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert b"revoked" in response.content


def test_another_user_cannot_revoke_a_token(client, owner, other):
    token, _ = token_create(user=owner, name="Mine")
    client.force_login(other)
    assert client.post(reverse("api:token_revoke", args=[token.pk])).status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_revoking_needs_post(owner_client, owner):
    token, _ = token_create(user=owner, name="Mine")
    assert owner_client.get(reverse("api:token_revoke", args=[token.pk])).status_code == 405
    assert owner_client.get(reverse("api:token_create")).status_code == 405


def test_csrf_is_enforced(owner):
    client = Client(enforce_csrf_checks=True)
    client.force_login(owner)
    assert client.post(reverse("api:token_create"), {"name": "x"}).status_code == 403
    assert not ApiToken.objects.filter(user=owner).exists()


def test_token_names_are_escaped(owner_client, owner):
    token_create(user=owner, name='<script>alert("x")</script>')
    response = owner_client.get(reverse("api:token_list"), headers=HTMX)
    assert b"<script>alert" not in response.content
    assert b"&lt;script&gt;" in response.content


def test_token_context_gives_the_account_page_everything_the_partial_needs(owner):
    token_create(user=owner, name="Mine")
    context = token_context(owner)
    assert [t.name for t in context["api_tokens"]] == ["Mine"]
    assert context["api_active_count"] == 1
    assert {"api_token_form", "api_new_secret", "api_token_limit", "api_rate_limit"} <= set(context)


def test_the_full_token_page_renders_without_javascript(owner_client, owner):
    token_create(user=owner, name="Mine")
    response = owner_client.get(reverse("api:token_list"))
    assert response.status_code == 200
    assert b"<html" in response.content and b"Mine" in response.content


def test_revoking_without_javascript_redirects_back_with_a_message(owner_client, owner):
    token, _ = token_create(user=owner, name="Old")
    response = owner_client.post(reverse("api:token_revoke", args=[token.pk]))
    assert response.status_code == 302 and response["Location"] == reverse("api:token_list")


def test_staff_can_revoke_tokens_in_the_admin_but_never_see_secrets(staff_client, owner):
    token, secret = token_create(user=owner, name="Leaked")
    listing = staff_client.get(reverse("admin:api_apitoken_changelist"))
    assert listing.status_code == 200 and b"Leaked" in listing.content
    assert secret.encode() not in listing.content
    response = staff_client.post(
        reverse("admin:api_apitoken_changelist"), {"action": "revoke", "_selected_action": [token.pk]}
    )
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None
