"""The Hooks page: mined patterns with their evidence, by language and niche; picking one drafts with it."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_it_asks_for_login(client):
    response = client.get(reverse("trends:hooks"))
    assert response.status_code == 302 and "login" in response["Location"]


def test_without_an_index_it_says_how_to_get_patterns(owner_client):
    html = owner_client.get(reverse("trends:hooks")).text
    assert "No patterns yet" in html and "build_index" in html


def test_it_shows_mined_patterns_with_lift_posts_and_examples(owner_client, demo_index):
    html = owner_client.get(reverse("trends:hooks"), {"language": "en"}).text
    assert "{n} mistakes everyone makes with …" in html
    assert "\u00d7" in html and "Draft with this" in html  # lift, as in 1.2x
    assert "demo" not in html or "tiktok.com" in html  # examples link to the real post


def test_a_niche_and_language_filter_narrows_the_rows(owner_client, demo_index):
    html = owner_client.get(reverse("trends:hooks"), {"language": "nb", "niche": "food"}).text
    assert "feil alle gjør med" in html
    assert "everyone makes with" not in html


def test_picking_a_pattern_opens_the_editor_with_it_first(owner_client, demo_index):
    page = owner_client.get(reverse("captions:draft_new"), {"pattern": "nobody", "language": "en"})
    assert page.status_code == 200
    assert 'name="pattern" value="nobody"' in page.text
    panel = owner_client.post(
        reverse("captions:draft_panel"), {"topic": "Budget meal prep for students", "pattern": "nobody"}
    ).text
    first = panel.split('class="draft-text">', 1)[1]
    assert first.startswith("Nobody talks about this part of budget meal prep")
