"""Fallbacks and bad input: every query gets an answer or a clear message."""

from __future__ import annotations

import pytest

from seo.index.lifecycle import index_build
from seo.suggest.engine import suggest
from seo.suggest.suggestions import SuggestError
from tests.corpus_factory import hashtag, post, topic_corpus

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("index_env")]


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_it_rejects_an_empty_query(text):
    with pytest.raises(SuggestError, match="empty"):
        suggest(text=text)


def test_it_rejects_a_query_over_ten_thousand_characters():
    topic_corpus(copies=1)
    index_build()
    suggest(text="pasta " * 1666)  # 9,996 characters is fine
    with pytest.raises(SuggestError, match="10,000"):
        suggest(text="p" * 10_001)


def test_it_rejects_a_nonsense_k():
    with pytest.raises(SuggestError, match="k must"):
        suggest(text="pasta", k=0)


def test_it_says_so_when_there_is_no_index_yet():
    with pytest.raises(SuggestError, match="build_index"):
        suggest(text="pasta")


def test_an_emoji_only_query_falls_back_to_trending_and_says_so():
    topic_corpus()
    index_build()
    result = suggest(text="🔥🍝😂")
    assert result.fallback and "trending" in result.fallback and "say in a few words" in result.fallback
    assert result.hashtags and result.keywords == []
    # Nothing names a topic, so nothing is advice: trending tags are only labelled filler.
    assert result.recommended == [] and result.confidence == "low"
    assert 3 <= len(result.filler) <= 5


def test_the_fallback_offers_trending_specific_tags_as_filler_even_when_generic_ones_fill_the_top():
    topic_corpus(generic=("fyp", "viral", "foryou", "trending"))
    index_build()
    result = suggest(text="🔥", k=4)
    assert {row.tag for row in result.hashtags} == {"fyp", "viral", "foryou", "trending"}
    assert result.recommended == []
    assert 3 <= len(result.filler) <= 5
    assert {"fyp", "viral", "foryou", "trending"}.isdisjoint(result.filler)


def test_an_unknown_word_falls_back_to_trending():
    topic_corpus()
    index_build()
    result = suggest(text="xylophoneqq zzyzx")
    assert result.fallback is not None
    assert all(row.tag != "xylophoneqq" or row.posts == 0 for row in result.hashtags)


def test_the_fallback_uses_the_requested_language():
    for number in range(3):
        post(f"kveldstur i skogen {number}", ["tur", "norge"], language="no")
        post(f"evening walk in the woods {number}", ["walk"], language="en")
    index_build()
    result = suggest(text="🌲", language="no")
    assert "language 'no'" in result.fallback
    assert {row.tag for row in result.hashtags} == {"tur", "norge"}


def test_the_fallback_says_when_a_language_has_no_posts():
    topic_corpus(copies=1)
    index_build()
    result = suggest(text="🌲", language="fi")
    assert "no trending posts in language 'fi'" in result.fallback
    assert result.hashtags


def test_the_fallback_never_offers_a_blocked_tag():
    topic_corpus()
    hashtag("fyp", is_blocked=True)
    index_build()
    assert "fyp" not in {row.tag for row in suggest(text="🔥").hashtags}


def test_the_fallback_can_be_narrowed_to_a_niche():
    topic_corpus()
    for name in ["pasta", "recipe", "dinner"]:
        hashtag(name, niche="food")
    index_build()
    result = suggest(text="🔥", niche="food")
    assert "niche 'food'" in result.fallback
    assert {row.tag for row in result.hashtags[:3]} == {"pasta", "recipe", "dinner"}


def test_beside_the_ideas_own_tags_the_filler_is_only_generic_reach_tags():
    # A niche tag of another topic (#pasta for a monstera) would read as advice, and be wrong.
    topic_corpus(generic=("fyp", "viral"))
    index_build()
    result = suggest(text="How to repot a monstera", language="en")
    assert result.confidence == "low"
    assert "monstera" in result.recommended
    assert result.filler and set(result.filler) <= {"fyp", "viral"}
