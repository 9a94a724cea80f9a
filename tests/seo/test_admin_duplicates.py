from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from seo.corpus.duplicates import hashtag_duplicates_find, tag_skeleton
from seo.models import Hashtag, PostHashtag, TrendPost

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


def _posts(tag: Hashtag, n: int, *, language: str, caption: str) -> None:
    for i in range(n):
        post = TrendPost.objects.create(
            video_id=f"{tag.name}-{i}", caption=f"{caption} {i}", language=language, views=1000 - i
        )
        PostHashtag.objects.create(post=post, hashtag=tag)
    tag.post_count = n
    tag.save()


def test_a_norwegian_word_one_letter_from_an_english_tag_is_not_its_typo():
    trending = Hashtag.objects.create(name="trending")
    trening = Hashtag.objects.create(name="trening")
    _posts(trending, 12, language="en", caption="What is trending this week")
    _posts(trening, 5, language="nb", caption="Dagens trening: knebøy og markløft")
    assert hashtag_duplicates_find() == []


def test_two_tags_each_used_on_many_posts_are_two_words():
    Hashtag.objects.create(name="trending", post_count=400)
    Hashtag.objects.create(name="trening", post_count=150)
    Hashtag.objects.create(name="makeuptutorial", post_count=400)
    Hashtag.objects.create(name="makuptutorial", post_count=12)  # a typo rides on a few posts
    pairs = {(p["keep"], p["fold"]) for p in hashtag_duplicates_find()}
    assert pairs == {("makeuptutorial", "makuptutorial")}


def test_decorated_forms_stay_one_tag_across_languages():
    fyp = Hashtag.objects.create(name="fyp")
    decorated = Hashtag.objects.create(name="fypシ")
    _posts(fyp, 6, language="en", caption="For you")
    _posts(decorated, 3, language="ja", caption="おすすめ")
    assert [(p["keep"], p["fold"]) for p in hashtag_duplicates_find()] == [("fyp", "fypシ")]


def test_each_pair_carries_both_tags_most_viewed_posts_and_languages():
    recipe = Hashtag.objects.create(name="recipe")
    recipes = Hashtag.objects.create(name="recipes")
    _posts(recipe, 3, language="en", caption="Quick pasta")
    _posts(recipes, 6, language="en", caption="Sheet pan dinner")
    (pair,) = hashtag_duplicates_find()
    assert pair["keep"] == "recipes" and pair["keep_examples"] == ["Sheet pan dinner 0", "Sheet pan dinner 1"]
    assert pair["fold_examples"] == ["Quick pasta 0", "Quick pasta 1"]
    assert pair["keep_language"] == pair["fold_language"] == "en"


def test_the_admin_shows_both_tags_examples_next_to_the_merge_button(staff_client):
    from jobs.models import Job
    from seo.tasks.corpus import HASHTAG_DUPLICATES_KIND

    recipe = Hashtag.objects.create(name="recipe")
    recipes = Hashtag.objects.create(name="recipes")
    _posts(recipe, 3, language="en", caption="Quick pasta")
    _posts(recipes, 6, language="en", caption="Sheet pan dinner")
    Job.objects.create(
        kind=HASHTAG_DUPLICATES_KIND,
        title="scan",
        status=Job.Status.SUCCEEDED,
        finished_at=timezone.now(),
        report={"pairs": hashtag_duplicates_find()},
    )
    page = staff_client.get(reverse("admin:seo_hashtag_duplicates")).content.decode()
    assert "“Sheet pan dinner 0”" in page and "“Quick pasta 0”" in page
    assert "Merge #recipe into #recipes" in page
