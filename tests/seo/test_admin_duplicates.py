from __future__ import annotations

import pytest

from seo.duplicates import hashtag_duplicates_find, tag_skeleton
from seo.models import Hashtag

pytestmark = pytest.mark.django_db


def test_a_skeleton_drops_decorations_accents_and_underscores():
    assert tag_skeleton("fypシ゚") == tag_skeleton("fypシ") == "fyp"
    assert tag_skeleton("paratí") == "parati"
    assert tag_skeleton("viral_video") == "viralvideo"
    assert tag_skeleton("おすすめ") == "おすすめ"


def test_it_proposes_decorated_suffixed_and_misspelled_variants_keeping_the_bigger_tag():
    for name, posts in [("fyp", 50), ("fypシ", 9), ("foryou", 40), ("foryoupage", 7), ("recipe", 12),
                        ("recipes", 30), ("makeuptutorial", 8), ("makuptutorial", 2), ("food", 5), ("ford", 5),
                        ("trend2025", 3), ("trend2026", 3), ("blocked", 0)]:  # fmt: skip
        Hashtag.objects.create(name=name, post_count=posts)
    pairs = {(p["keep"], p["fold"]): p for p in hashtag_duplicates_find()}
    assert ("fyp", "fypシ") in pairs and pairs[("fyp", "fypシ")]["score"] == 100
    assert ("foryou", "foryoupage") in pairs
    assert ("recipes", "recipe") in pairs
    assert ("makeuptutorial", "makuptutorial") in pairs
    assert not {("trend2025", "trend2026"), ("trend2026", "trend2025")} & pairs.keys()
    assert not any("food" in pair and "ford" in pair for pair in pairs)


def test_aliases_are_not_proposed_again():
    fyp = Hashtag.objects.create(name="fyp", post_count=5)
    Hashtag.objects.create(name="fypシ", post_count=0, canonical=fyp)
    assert hashtag_duplicates_find() == []
