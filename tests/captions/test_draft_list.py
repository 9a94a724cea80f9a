"""The draft list: search, sort by updated or score, pagination, copy of the final caption."""

from __future__ import annotations

import pytest
from django.urls import reverse

from captions.models import Draft
from captions.panel import EditorInput, draft_parts, keyword_insert, tag_toggle
from captions.views import PER_PAGE

pytestmark = pytest.mark.django_db


def _titles(response) -> list[str]:
    return [d.title for d in response.context["page"].object_list]


def test_it_searches_title_and_caption(owner_client, owner):
    Draft.objects.create(owner=owner, title="Kanelboller", caption="Slik lager du kanelboller")
    Draft.objects.create(owner=owner, title="Leg day", caption="Squats for beginners")
    assert _titles(owner_client.get(reverse("captions:draft_list"), {"q": "squats"})) == ["Leg day"]
    assert _titles(owner_client.get(reverse("captions:draft_list"), {"q": "KANEL"})) == ["Kanelboller"]
    response = owner_client.get(reverse("captions:draft_list"), {"q": "nothing like this"})
    assert "No caption matches" in response.text


def test_it_sorts_by_score_or_by_last_edit(owner_client, owner):
    low = Draft.objects.create(owner=owner, title="Low", score=20)
    Draft.objects.create(owner=owner, title="High", score=90)
    Draft.objects.create(owner=owner, title="Unscored")
    low.save()  # edited last
    assert _titles(owner_client.get(reverse("captions:draft_list"), {"sort": "score"})) == [
        "High",
        "Low",
        "Unscored",
    ]
    assert _titles(owner_client.get(reverse("captions:draft_list")))[0] == "Low"
    assert _titles(owner_client.get(reverse("captions:draft_list"), {"sort": "bogus"}))[0] == "Low"


def test_it_pages_long_lists(owner_client, owner):
    Draft.objects.bulk_create(Draft(owner=owner, title=f"Idea {n}") for n in range(PER_PAGE + 3))
    first = owner_client.get(reverse("captions:draft_list"))
    second = owner_client.get(reverse("captions:draft_list"), {"page": 2})
    assert len(_titles(first)) == PER_PAGE
    assert len(_titles(second)) == 3
    assert "Page 1 of 2" in first.text


def test_the_copy_button_carries_the_final_caption_with_its_hashtags(owner_client, owner):
    Draft.objects.create(owner=owner, title="T", caption="Quick pasta #pasta", hashtags=["pasta", "dinner"])
    response = owner_client.get(reverse("captions:draft_list"))
    assert 'data-copy="Quick pasta #pasta\n\n#dinner"' in response.text


def test_tag_toggle_adds_removes_and_stops_at_five(db):
    assert tag_toggle(tags=["a"], tag="#B") == (["a", "b"], "")
    assert tag_toggle(tags=["a", "b"], tag="a") == (["b"], "")
    tags, message = tag_toggle(tags=["a", "b", "c", "d", "e"], tag="f")
    assert tags == ["a", "b", "c", "d", "e"]
    assert "You already have 5 hashtags" in message


def test_the_editor_input_is_read_leniently():
    data = EditorInput.from_data({"title": "  x  ", "language": "klingon", "hashtags": "#Food, food #pasta!"})
    assert data.title == "x"
    assert data.language == ""
    assert data.hashtags == ["food", "pasta"]
    assert keyword_insert(data=data, placement="hook", term="pasta night").hook == "pasta night"
    assert keyword_insert(data=data, placement="nowhere", term="x").hook == "pasta night"


def test_a_drafts_closing_hashtag_line_is_split_off():
    assert draft_parts("Hook\nBody\n\n#a #b") == ("Hook\nBody", ["a", "b"])
    assert draft_parts("Hook\n\nNot tags here") == ("Hook\n\nNot tags here", [])
