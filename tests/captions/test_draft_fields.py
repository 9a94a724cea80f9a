"""One list of what a creator writes in a draft (captions.models.DRAFT_FIELDS), used by the
form, the panel's input and "Duplicate" (issue 15, item 4)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from api.schemas import ScoreIn
from captions.forms import DraftForm
from captions.models import DRAFT_FIELDS, Draft, draft_values
from captions.panel import EditorInput

pytestmark = pytest.mark.django_db

DERIVED = {"id", "owner", "detected_language", "score", "created_at", "updated_at"}
WRITTEN = {
    "title": "Pasta night",
    "topic": "quick pasta",
    "hook": "This pasta takes 15 minutes",
    "on_screen_text": "15-minute pasta",
    "caption": "Dinner in 15 minutes. Save it!",
    "language": "en",
    "niche": "food",
    "hashtags": ["pasta", "dinner"],
}


def test_the_list_names_every_field_of_a_draft_that_is_not_derived():
    # A new Draft field fails here until it is put in DRAFT_FIELDS (or among the derived ones).
    concrete = {field.name for field in Draft._meta.concrete_fields}
    assert set(DRAFT_FIELDS) == concrete - DERIVED
    assert set(WRITTEN) == set(DRAFT_FIELDS)


def test_the_form_edits_exactly_those_fields():
    assert tuple(DraftForm._meta.fields) == DRAFT_FIELDS


def test_the_editor_input_carries_every_field_there_and_back(owner):
    draft = Draft(owner=owner, **WRITTEN)
    data = EditorInput.from_draft(draft)
    assert draft_values(data) == WRITTEN
    assert data.as_initial() == {**WRITTEN, "hashtags": "#pasta #dinner"}
    data.hashtags.append("changed")
    assert draft.hashtags == ["pasta", "dinner"], "the input has its own copy of the tags"


def test_duplicate_copies_every_field(client, owner):
    draft = Draft.objects.create(owner=owner, detected_language="en", score=61, **WRITTEN)
    client.force_login(owner)
    client.post(reverse("captions:draft_duplicate", args=[draft.pk]))
    copy = Draft.objects.exclude(pk=draft.pk).get(owner=owner)
    assert draft_values(copy) == {**WRITTEN, "title": "Pasta night (copy)"}
    assert (copy.detected_language, copy.score) == ("en", 61)


def test_the_api_scores_a_draft_by_the_same_field_names():
    # POST /api/v1/score reads a draft's fields under their Draft names (plus target keywords).
    assert set(ScoreIn.model_fields) - {"keywords"} <= set(DRAFT_FIELDS)
