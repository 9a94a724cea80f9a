"""The language an idea is drafted in: short English and Norwegian ideas are told apart."""

from __future__ import annotations

import pytest

from seo.text.idea_language import idea_language


@pytest.mark.parametrize(
    ("idea", "language"),
    [
        ("Crispy air fryer potatoes", "en"),
        ("Zone 2 cardio for beginners", "en"),
        ("Easy protein on a budget", "en"),
        ("Budget meal prep for students", "en"),
        ("Billig middag for studenter", "nb"),
        ("Taco fredag", "nb"),
        ("Kanelboller", "nb"),
        ("Fjelltur i Jotunheimen med hunden", "nb"),
        ("Styrketrening for nybegynnere hjemme", "nb"),
        ("Mein erstes Marathon Training", "de"),
        ("Cómo hacer pan de masa madre en casa", "es"),
        ("Testing viral TikTok makeup hacks", "en"),  # Tagalog to lingua's trigrams
        ("Makiki trend lang po.", "tl"),  # Tagalog in its own particles stays Tagalog
        ("Resep nasi goreng spesial ala rumahan", "id"),  # not made Norwegian for being unlike English
    ],
)
def test_short_ideas_are_read_in_their_own_language(idea, language):
    assert idea_language(idea) == language


def test_the_creators_choice_wins_and_norwegian_is_bokmal():
    assert idea_language("Crispy air fryer potatoes", "nb") == "nb"
    assert idea_language("anything", "nn") == "nb"
    assert idea_language("anything", "en-GB") == "en"


def test_a_spanish_idea_is_never_made_norwegian():
    assert idea_language("Pan casero") in ("", "es")
