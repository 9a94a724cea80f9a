"""The front page: a landing page for visitors, the creator's recent captions once signed in."""

from __future__ import annotations

import pytest
from django.urls import reverse

from captions.models import Draft

pytestmark = pytest.mark.django_db


def test_visitors_are_invited_to_sign_up(client):
    html = client.get(reverse("home")).text
    assert reverse("accounts:signup") in html
    assert "Recent captions" not in html


def test_creators_see_their_own_recent_captions_only(owner_client, owner, other):
    Draft.objects.create(owner=owner, title="My pasta plan", score=81)
    Draft.objects.create(owner=other, title="Not yours")
    html = owner_client.get(reverse("home")).text
    assert "Recent captions" in html
    assert "My pasta plan" in html
    assert "Not yours" not in html
