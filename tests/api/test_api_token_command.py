"""`manage.py api_token create|revoke`."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from api.models import ApiToken
from api.tokens import token_authenticate, token_create

pytestmark = pytest.mark.django_db


def _run(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("api_token", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_create_prints_the_secret_once_alone_on_stdout(owner):
    out, err = _run("create", "--user", "owner", "--name", "smoke test")
    secret = out.strip()
    assert token_authenticate(secret=secret).user == owner
    assert "shown once" in err and secret not in err
    assert ApiToken.objects.get().name == "smoke test"


def test_create_refuses_an_unknown_user(db):
    with pytest.raises(CommandError, match="No user named"):
        _run("create", "--user", "nobody")


def test_create_refuses_a_deactivated_user(owner):
    owner.is_active = False
    owner.save()
    with pytest.raises(CommandError, match="deactivated"):
        _run("create", "--user", "owner")


def test_revoke_by_prefix_leaves_the_other_tokens(owner):
    first, first_secret = token_create(user=owner, name="one")
    _, second_secret = token_create(user=owner, name="two")
    out, _ = _run("revoke", "--user", "owner", "--prefix", first.prefix)
    assert "Revoked" in out
    assert token_authenticate(secret=first_secret) is None
    assert token_authenticate(secret=second_secret) is not None


def test_revoke_all(owner):
    token_create(user=owner, name="one")
    token_create(user=owner, name="two")
    _run("revoke", "--user", "owner", "--all")
    assert not ApiToken.objects.filter(revoked_at__isnull=True).exists()


def test_revoke_cannot_touch_another_users_token(owner, other):
    token, secret = token_create(user=owner, name="one")
    with pytest.raises(CommandError, match="No active token"):
        _run("revoke", "--user", "other", "--prefix", token.prefix)
    assert token_authenticate(secret=secret) is not None
