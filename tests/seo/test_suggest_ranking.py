"""The ranked list as "likeliest to belong first": generic base rates, mentions, companion tags."""

from __future__ import annotations

import pytest

from seo.index.lifecycle import index_build
from seo.suggest.engine import suggest
from seo.suggest.rank import recommend
from tests.corpus_factory import TOPICS, hashtag, post, topic_corpus

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


def test_a_specific_tag_is_scored_at_the_calibrated_share_of_the_votes(settings, monkeypatch):
    """A specific tag's score is its chance: the neighbours' vote share, calibrated and smoothed by
    its corpus frequency, combined (noisy-or) with the rate of its word in the caption."""
    from seo.suggest import companions, rank

    settings.SUGGEST_TREND_STAGES = False
    monkeypatch.setattr(
        companions, "EXPANSION_SEEDS", 0
    )  # no companion tags: the scores are the bare chances
    topic_corpus(copies=6)
    index_build()
    result = suggest(text="creamy pasta recipe with chili oil", k=20)
    specific = [
        row
        for row in result.hashtags
        if row.parts.get("generic_factor", 0.0) >= rank.GENERIC_CUTOFF and row.parts.get("similar_posts")
    ]
    assert specific
    for row in specific:
        share = row.parts["evidence"] / row.parts["generic_factor"]
        expected = rank.NEIGHBOUR_CALIBRATION * (
            (1 - rank.PRIOR_WEIGHT) * share + rank.PRIOR_WEIGHT * row.parts["prior"]
        )
        expected = 1 - (1 - expected) * (1 - row.parts["in_caption"])  # noisy-or with the caption's word
        assert row.score == pytest.approx(expected, rel=0.02, abs=1e-4)


def test_a_common_generic_tag_is_offered_at_its_base_rate_even_when_no_neighbour_carries_it(settings):
    settings.SUGGEST_TREND_STAGES = False
    topic_corpus(copies=6)  # every one of these posts carries #fyp and #viral
    for number in range(3):
        post(f"sourdough starter feeding day {number}", ["sourdough"])
    index_build()
    result = suggest(text="sourdough starter feeding", k=20)
    rows = {row.tag: row for row in result.hashtags}
    assert "fyp" in rows, "the neighbours never use #fyp, but ~90 % of tagged posts do"
    assert rows["fyp"].parts["similar_posts"] == 0
    base_rate = rows["fyp"].posts / (rows["fyp"].posts + 3)
    assert 0 < rows["fyp"].score < base_rate, "three close posts without it pull it below its base rate"


def test_more_neighbours_without_a_generic_tag_pull_its_chance_further_down(settings):
    """The base rate weighs as GENERIC_PRIOR_POSTS neighbours: three close posts without #fyp move its
    chance less than twelve do (a fixed blend would give both the same chance)."""
    settings.SUGGEST_TREND_STAGES = False
    topic_corpus(copies=6)
    for number in range(3):
        post(f"sourdough starter feeding day {number}", ["sourdough"])
    for number in range(12):
        post(f"bagel shop opening morning {number}", ["bagel"])
    index_build()
    few = {row.tag: row.score for row in suggest(text="sourdough starter feeding", k=20).hashtags}
    many = {row.tag: row.score for row in suggest(text="bagel shop opening", k=20).hashtags}
    assert many["fyp"] < few["fyp"]


def test_a_caption_pair_no_post_wrote_makes_a_tag_as_specific_as_its_weaker_word():
    from seo.index.serving import active_index
    from seo.suggest.rank import lexical_candidates
    from seo.text.tokenize import analyze

    topic_corpus(copies=6)
    for number, (captions, tags) in enumerate(TOPICS.values()):
        for copy in range(6):  # "finally" in every topic: filler, not a subject
            post(f"finally {captions[copy % 4]} {number}{copy}", tags[:1])
    for animal in ("quokka", "axolotl", "capybara", "pangolin"):  # creators tag a new word: a prior
        post(f"meet the {animal} at the zoo", [animal])
    index_build()
    index = active_index()
    features = analyze("pasta sourdough. finally sourdough")
    distinct, ids, _ = index.feature_ids(features)
    assert ids[distinct.index("pasta sourdough")] < 0 and ids[distinct.index("finally sourdough")] < 0
    rates = lexical_candidates(index, distinct, ids)
    prior = index.meta["lexical_prior"]
    specific = {w: float(index.term_specific[index.terms.get(w)]) for w in ("pasta", "finally")}
    assert specific["finally"] < specific["pasta"], "a word of every topic is less specific"
    assert rates["pastasourdough"] == pytest.approx(prior * specific["pasta"])
    assert "finallysourdough" not in rates, "a filler word glued to a topic makes no tag"
    assert rates["sourdough"] == prior, "a single unknown word keeps the prior"


def test_a_recommended_set_with_few_specific_tags_stays_short_rather_than_taking_fyp():
    ranked = [("fyp", 9.0, "broad", 0.05), ("pasta", 5.0, "mid", 1.0), ("viral", 4.0, "broad", 0.05)]
    assert recommend(ranked) == ["pasta"]
    own = [("pasta", 5.0, "mid", 1.0), ("carbonara", 4.0, "own", 0.6), ("fyp", 3.0, "broad", 0.05)]
    assert recommend(own) == ["pasta", "carbonara"]
