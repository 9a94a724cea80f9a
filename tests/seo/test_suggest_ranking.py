"""The ranked list as "likeliest to belong first": generic base rates, mentions, companion tags."""

from __future__ import annotations

import pytest

from seo.index import index_build
from seo.suggest import suggest
from tests.seo.corpus_factory import hashtag, index_env, post, topic_corpus  # noqa: F401  (fixture)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("index_env")]


def tags_of(result) -> list[str]:
    return [row.tag for row in result.hashtags]


def test_a_generic_tag_on_every_post_ranks_above_weak_specific_tags_but_is_never_recommended():
    topic_corpus(copies=6)
    post("pasta with a spoon of chili oil", ["pasta", "chilioil"])
    index_build()
    result = suggest(text="creamy pasta recipe with chili oil", k=20)
    order = tags_of(result)
    assert order[0] == "pasta", "the best supported specific tag still comes first"
    assert order.index("fyp") < order.index("dinner"), "#fyp (on every post) beats a weakly backed tag"
    fyp = result.hashtags[order.index("fyp")]
    assert fyp.parts["generic_factor"] < 0.5
    assert "fyp" not in result.recommended and "viral" not in result.recommended


def test_a_mentioned_account_is_offered_as_a_tag():
    topic_corpus()
    post("giant challenge with a huge prize", ["mrbeast", "challenge"])
    index_build()
    result = suggest(text="my entry for the challenge @MrBeast", k=10)
    row = next(row for row in result.hashtags if row.tag == "mrbeast")
    assert row.parts["in_caption"] > 0


def test_a_blocked_mentioned_account_is_never_offered():
    topic_corpus()
    post("giant challenge with a huge prize", ["mrbeast", "challenge"])
    hashtag("mrbeast", is_blocked=True)
    index_build()
    result = suggest(text="my entry for the challenge @MrBeast", k=10)
    assert "mrbeast" not in tags_of(result) and "mrbeast" not in result.recommended


def test_the_usual_companions_of_the_best_tags_are_offered_with_an_example():
    topic_corpus()
    for number in range(3):
        post(f"our wedding day vows {number}", ["wedding"])
        post(f"seating chart ideas {number}", ["wedding", "weddingplanner"])
    index_build()
    result = suggest(text="wedding day vows", k=10)
    rows = {row.tag: row for row in result.hashtags}
    assert rows["weddingplanner"].parts["companion"] > 0
    assert rows["weddingplanner"].examples[0].caption.startswith("seating chart")
    assert "companion" not in rows.get("fyp", rows["wedding"]).parts, "generic tags are never expanded to"
