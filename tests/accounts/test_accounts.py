"""Sign up, sign in and out, password change, and the account page's profile settings."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from accounts.models import Profile

pytestmark = pytest.mark.django_db


def test_signing_up_creates_the_user_and_profile_and_signs_in(client):
    response = client.post(
        reverse("accounts:signup"),
        {
            "username": "newcreator",
            "email": "",
            "password1": "tasty-pasta-2026",
            "password2": "tasty-pasta-2026",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("captions:draft_new")
    user = get_user_model().objects.get(username="newcreator")
    assert Profile.objects.filter(user=user).exists()
    assert client.get(reverse("accounts:account")).status_code == 200


def test_it_refuses_a_weak_or_mismatched_password_at_sign_up(client):
    response = client.post(
        reverse("accounts:signup"), {"username": "x1", "password1": "password", "password2": "password"}
    )
    assert response.status_code == 400
    assert "This password is too common" in response.text
    assert not get_user_model().objects.filter(username="x1").exists()


def test_a_signed_in_user_is_sent_home_from_sign_up(owner_client):
    assert owner_client.get(reverse("accounts:signup"))["Location"] == reverse("home")


def test_signing_in_and_out(client, owner):
    assert client.get(reverse("login")).status_code == 200
    response = client.post(reverse("login"), {"username": "owner", "password": "pw-owner-123"})
    assert response.status_code == 302
    assert client.get(reverse("captions:draft_list")).status_code == 200
    assert client.get(reverse("logout")).status_code == 405  # sign-out is a POST
    client.post(reverse("logout"))
    assert client.get(reverse("captions:draft_list")).status_code == 302


def test_wrong_credentials_get_a_clear_message(client, owner):
    response = client.post(reverse("login"), {"username": "owner", "password": "nope"})
    assert response.status_code == 200
    assert "Please enter a correct username and password" in response.text


def test_changing_the_password(owner_client, owner):
    page = owner_client.get(reverse("password_change"))
    assert page.status_code == 200
    response = owner_client.post(
        reverse("password_change"),
        {
            "old_password": "pw-owner-123",
            "new_password1": "fresh-caption-77",
            "new_password2": "fresh-caption-77",
        },
    )
    assert response["Location"] == reverse("password_change_done")
    assert owner_client.get(reverse("password_change_done")).status_code == 200
    owner.refresh_from_db()
    assert owner.check_password("fresh-caption-77")


def test_the_account_page_needs_sign_in(client):
    response = client.get(reverse("accounts:account"))
    assert response["Location"].startswith(reverse("login"))


def test_it_saves_profile_settings_and_strips_the_at_from_the_handle(owner_client, owner):
    response = owner_client.post(
        reverse("accounts:account"),
        {
            "timezone": "America/New_York",
            "tiktok_handle": "@pasta.queen",
            "default_language": "nb",
            "niche": " Food ",
        },
    )
    assert response["Location"] == reverse("accounts:account")
    profile = Profile.objects.get(user=owner)
    assert (profile.timezone, profile.tiktok_handle, profile.default_language, profile.niche) == (
        "America/New_York", "pasta.queen", "nb", "food",
    )  # fmt: skip


def test_it_refuses_a_time_zone_that_does_not_exist(owner_client, owner):
    response = owner_client.post(
        reverse("accounts:account"),
        {"timezone": "Mars/Olympus_Mons", "tiktok_handle": "pasta", "default_language": "en", "niche": ""},
    )
    assert response.status_code == 400
    assert "is not a time zone we know" in response.text
    assert 'value="Mars/Olympus_Mons"' in response.text  # what was typed is kept
    assert Profile.objects.get(user=owner).timezone == "Europe/Oslo"


def test_it_refuses_a_handle_with_spaces(owner_client):
    response = owner_client.post(
        reverse("accounts:account"),
        {"timezone": "Europe/Oslo", "tiktok_handle": "two words", "default_language": "en", "niche": ""},
    )
    assert response.status_code == 400
    assert "A TikTok handle has 2 to 24 letters" in response.text


def test_the_account_page_shows_the_api_tokens_and_the_password_link(owner_client):
    html = owner_client.get(reverse("accounts:account")).text
    assert 'id="api-tokens"' in html
    assert reverse("password_change") in html


def test_csrf_is_enforced_on_account_forms(owner):
    client = Client(enforce_csrf_checks=True)
    client.force_login(owner)
    assert client.post(reverse("accounts:account"), {"timezone": "UTC"}).status_code == 403
    anonymous = Client(enforce_csrf_checks=True)
    assert anonymous.post(reverse("accounts:signup"), {"username": "z"}).status_code == 403


def test_staff_see_the_admin_in_the_navigation_and_creators_do_not(owner, staff):
    creator, staff_member = Client(), Client()
    creator.force_login(owner)
    staff_member.force_login(staff)
    assert reverse("admin:index") in staff_member.get(reverse("home")).text
    assert reverse("admin:index") not in creator.get(reverse("home")).text
