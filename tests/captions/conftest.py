"""Fixtures for the caption workspace tests: the demo corpus indexed and served, and a draft."""

from __future__ import annotations

import pytest


@pytest.fixture
def draft(owner):
    from captions.models import Draft

    return Draft.objects.create(
        owner=owner,
        title="Pasta night",
        topic="easy pasta recipe for a weeknight dinner",
        caption="15 minute pasta for busy evenings",
        hashtags=["pasta", "dinner"],
        score=55,
    )
