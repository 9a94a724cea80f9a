"""Unknown compound words in a query are split into two words the index knows."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from seo.index.lifecycle import index_build
from seo.index.serving import active_index
from seo.suggest.compounds import compound_parts, with_compound_parts
from seo.suggest.engine import suggest
from tests.corpus_factory import post, topic_corpus

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("index_env")]


@pytest.fixture
def norwegian_corpus():
    topic_corpus()
    for number in range(5):
        post(f"trening hjemme uten utstyr dag {number}", ["trening", "hjemmetrening"])
        post(f"en kort økt før jobb {number}", ["økt"])
        post(f"kjærlighet er alt {number}", ["kjærlighet"])
    post("sang om sommer", ["sang"])  # "sang" on a single post: too rare to be a part
    index_build()
    return active_index()


def test_an_unknown_compound_finds_the_posts_of_its_parts(norwegian_corpus):
    result = suggest(text="treningsøkt")
    assert result.fallback is None, "without the split the query knows no word and falls back"
    assert "trening" in [row.tag for row in result.hashtags][:3]
    assert {"trening", "økt"} <= {row.term for row in result.keywords}


def test_the_longest_known_first_part_wins_and_a_joining_s_is_dropped(norwegian_corpus):
    assert compound_parts(norwegian_corpus, ["treningsøkt"]) == {"treningsøkt": ("trening", "økt")}


def test_known_short_rare_and_non_alphabetic_words_are_never_split(norwegian_corpus):
    index = norwegian_corpus
    assert with_compound_parts(index, ["trening", "hjemme"]) == ["trening", "hjemme"], "known words"
    assert compound_parts(index, ["kjærlighetssang"]) == {}, "a part must be on five posts"
    assert compound_parts(index, ["økttre", "trening2økt"]) == {}, "too short; not letters only"
    features = ["treningsøkt", "treningsøkt", "treningsøkt hjemme"]
    assert with_compound_parts(index, features) == [*features, "trening", "økt", "trening", "økt"]


def test_a_word_too_long_to_be_a_compound_is_not_cut(norwegian_corpus):
    asked: list[list[str]] = []

    class Terms:
        def positions(self, parts):
            asked.append(list(parts))
            return norwegian_corpus.terms.positions(parts)

    index = SimpleNamespace(terms=Terms(), idf=norwegian_corpus.idf, posts=norwegian_corpus.posts)
    # Every cut of a 10,000-letter word copies it: 20,000 parts, 100 MB of text to look up.
    assert compound_parts(index, ["trening" * 1500]) == {}
    assert asked == [], "no parts were made, let alone looked up"
    assert with_compound_parts(index, ["trening" * 1500]) == ["trening" * 1500]
    assert compound_parts(index, ["treningsøkt"]) == {"treningsøkt": ("trening", "økt")}
