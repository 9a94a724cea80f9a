"""Every suggestion rule, on small corpora built straight into the database."""

from __future__ import annotations

import pytest

from seo.index.lifecycle import index_build
from seo.index.serving import active_index, serving_expire
from seo.models import Hashtag
from seo.suggest.engine import suggest, tag_tiers
from tests.corpus_factory import hashtag, post, topic_corpus

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("index_env")]


def tags_of(result) -> list[str]:
    return [row.tag for row in result.hashtags]


def test_it_suggests_the_tags_of_similar_posts_with_evidence():
    topic_corpus()
    index_build()
    result = suggest(text="my favourite creamy pasta recipe", k=5)
    assert result.fallback is None
    assert tags_of(result)[0] in {"pasta", "recipe"}
    assert {"football", "makeup", "travel"}.isdisjoint(tags_of(result)[:3])
    top = result.hashtags[0]
    assert top.examples and "pasta" in top.examples[0].caption
    assert {"similarity", "engagement", "recency", "generic_factor"} <= set(top.parts)
    assert result.similar_posts[0].similarity > 0
    assert result.index_version == 1


def test_generic_tags_found_in_the_data_are_down_weighted():
    topic_corpus()
    index_build()
    result = suggest(text="football goal of the season", k=10)
    parts = {row.tag: row.parts for row in result.hashtags}
    assert parts["fyp"]["generic_factor"] < 0.5 < parts["football"]["generic_factor"]
    assert tags_of(result).index("football") < tags_of(result).index("fyp")
    assert "fyp" not in result.recommended and "viral" not in result.recommended


def test_a_staff_generic_tag_is_pushed_down_even_when_the_data_cannot_tell():
    for caption in ["pasta night", "pasta recipe", "pasta sauce"]:
        post(caption, ["pasta", "foodie"])
    hashtag("foodie", is_generic=True)
    index_build()
    parts = {row.tag: row.parts for row in suggest(text="pasta recipe").hashtags}
    assert parts["foodie"]["generic_factor"] <= 0.05


def test_a_blocked_tag_is_never_suggested():
    topic_corpus()
    hashtag("pasta", is_blocked=True)
    index_build()
    result = suggest(text="creamy pasta recipe for dinner")
    assert "pasta" not in tags_of(result) and "pasta" not in result.recommended


def test_a_tag_blocked_after_the_build_is_dropped_at_once():
    topic_corpus()
    index_build()
    assert "pasta" in tags_of(suggest(text="creamy pasta recipe"))
    hashtag("pasta", is_blocked=True)
    serving_expire()  # the next check interval has passed
    assert "pasta" not in tags_of(suggest(text="creamy pasta recipe"))


def test_aliases_fold_into_their_canonical_tag():
    topic_corpus()
    canonical = Hashtag.objects.get(name="pasta")
    alias = hashtag("spaghetti")
    post("spaghetti carbonara recipe", ["spaghetti"])  # linked before the alias was declared
    alias.canonical = canonical
    alias.save()
    index_build()
    result = suggest(text="spaghetti carbonara", hashtags=["#Spaghetti"])
    assert "spaghetti" not in tags_of(result)
    assert result.typed_hashtags[0]["tag"] == "pasta"
    pasta_posts = active_index().tag_df[active_index().tag_id("pasta")]
    assert pasta_posts == Hashtag.objects.get(name="pasta").posts.count() + 1


def test_tags_carry_a_tier_by_corpus_frequency():
    # broad: at least max(20, 1 % of posts); mid: at least max(4, 0.1 %); niche below.
    for number in range(25):
        post(f"morning routine {number}", ["everyday", *(["coffee"] if number < 5 else [])])
    post("rare sourdough starter", ["sourdough"])
    index_build()
    tiers = tag_tiers(["#Everyday", "coffee", "sourdough", "neverseen"])
    assert tiers == {"everyday": "broad", "coffee": "mid", "sourdough": "niche", "neverseen": "niche"}


def test_the_recommended_set_has_three_to_five_tags_mixing_tiers():
    topic_corpus(copies=6)
    for number in range(3):
        post(f"pasta carbonara night {number}", ["pasta", "carbonara", "italianfood"])
    index_build()
    result = suggest(text="pasta carbonara dinner recipe")
    assert 3 <= len(result.recommended) <= 5
    tiers = {row.tag: row.tier for row in result.hashtags}
    assert len({tiers.get(tag, "niche") for tag in result.recommended}) >= 2


def test_a_misspelt_typed_tag_is_corrected_against_the_corpus():
    topic_corpus()
    index_build()
    result = suggest(text="dinner tonight", hashtags=["#Pastaa", "#zzqqxx"])
    assert result.typed_hashtags[0] == {"input": "#Pastaa", "tag": "pasta", "corrected": True, "known": True}
    assert result.typed_hashtags[1]["known"] is False
    assert "pasta" not in tags_of(result), "tags the creator already has are not suggested again"


def test_typed_tags_pull_in_the_tags_they_co_occur_with():
    topic_corpus()
    for number in range(4):
        post(f"weekend plans {number}", ["hiking", "mountains"])
        post(f"weekend plans {number}", ["brunch", "cafe"])
    index_build()
    plain = {row.tag: row for row in suggest(text="weekend plans").hashtags}
    typed = {row.tag: row for row in suggest(text="weekend plans", hashtags=["hiking"]).hashtags}
    assert plain["mountains"].score == pytest.approx(plain["cafe"].score)
    assert typed["mountains"].score > typed["cafe"].score
    assert typed["mountains"].parts["cooccurrence"] > 0 == typed["cafe"].parts["cooccurrence"]


def test_engagement_counts_relative_to_views_not_raw_reach():
    caption = "sunset timelapse over the fjord"
    for _ in range(2):  # two posts each: a tag one post carries is no topic's (relevance floor)
        post(caption, ["bigreach"], views=5_000_000, likes=50_000)  # 1 % engagement
        post(caption, ["loved"], views=20_000, likes=4_000)  # 20 % engagement
    post("unrelated kitchen tips", ["kitchen"], views=10_000, likes=300)
    index_build()
    result = suggest(text="fjord sunset timelapse")
    order = tags_of(result)
    assert order.index("loved") < order.index("bigreach")
    parts = {row.tag: row.parts for row in result.hashtags}
    assert parts["loved"]["engagement"] <= 2.0, "engagement is damped, not raw"


def test_recency_is_measured_from_the_newest_post_not_the_clock():
    caption = "spring garden planting ideas"
    for _ in range(2):  # two posts each: one post's tag is no topic's (relevance floor)
        post(caption, ["fresh"], days_old=0)
        post(caption, ["stale"], days_old=90)
    index_build()
    result = suggest(text="garden planting")
    parts = {row.tag: row.parts for row in result.hashtags}
    # The newest post is from 2024, yet counts as brand new.
    assert parts["fresh"]["recency"] == pytest.approx(1.0, abs=0.01)
    assert parts["stale"]["recency"] < 0.5
    assert tags_of(result).index("fresh") < tags_of(result).index("stale")


def test_the_recency_reference_can_be_set(settings):
    post("spring garden planting ideas", ["fresh"], days_old=0)
    post("spring garden planting tips", ["fresh"], days_old=0)
    post("autumn leaves", ["leaves"], days_old=0)
    settings.HOOKLINE_RECENCY_REFERENCE = "2024-04-01T12:00:00+00:00"  # a month after the newest post
    index_build()
    parts = {row.tag: row.parts for row in suggest(text="garden planting").hashtags}
    assert parts["fresh"]["recency"] < 0.5


def test_keywords_come_with_counts_engagement_and_placement():
    topic_corpus()
    index_build()
    result = suggest(text="pasta recipe", k=5)
    terms = [row.term for row in result.keywords]
    assert "pasta" in terms
    first = result.keywords[0]
    assert first.posts >= 1 and first.engagement > 0
    assert first.placement == ["hook", "on_screen", "caption"]
    assert result.keywords[-1].placement[-1] == "caption"
    assert first.examples


def test_a_keyword_the_query_lacks_needs_two_close_posts_using_it():
    topic_corpus()
    post("carbonara pasta with guanciale tonight", ["pasta"])
    post("carbonara pasta the roman way", ["pasta"])
    post("pasta with zucchini flowers", ["pasta"])
    index_build()
    terms = {row.term: row for row in suggest(text="pasta", k=50).keywords}
    assert terms["carbonara"].posts == 2, "two close posts say carbonara: offered"
    assert "guanciale" not in terms and "zucchini" not in terms, "one post's words are that post's"
    assert terms["pasta"].parts["in_query"] == 1.0, "the query's own words are always candidates"


def test_function_words_of_other_scripts_find_posts_but_are_never_offered_as_keywords():
    topic_corpus()
    for number in range(3):
        post(f"как приготовить борщ дома {number}", ["борщ", "рецепт"])
        post(f"как же вкусно ешь {number}", ["еда"])
    index_build()
    result = suggest(text="как приготовить борщ", k=50)
    terms = [row.term for row in result.keywords]
    assert "борщ" in terms and "приготовить" in terms
    assert not [term for term in terms if "как" in term.split() or "же" in term.split()]
    assert tags_of(result)[0] == "борщ" and "рецепт" in tags_of(result)[:5]


def test_a_query_known_only_by_function_words_gets_no_topic_from_its_neighbours():
    """ "как" finds Russian posts, but any Russian posts: they tell the language, not the topic."""
    topic_corpus()
    for number in range(4):
        post(f"как приготовить борщ дома {number}", ["борщ", "рецепт"])
    index_build()
    result = suggest(text="как испечь пирог", k=50)
    advised = [row.tag for row in result.hashtags if row.source != "trending_filler"]
    assert "борщ" not in advised and "рецепт" not in advised
    assert "борщ" not in result.recommended
    assert not [row.term for row in result.keywords if "борщ" in row.term], "nor are their words offered"
    assert result.confidence == "low"


def test_a_language_preference_favours_posts_in_that_language():
    for _ in range(4):
        post("fotball mål i kveld", ["norsk"], language="no")
        post("fotball mål i kveld", ["english"], language="en")
    index_build()
    result = suggest(text="fotball mål", language="no")
    assert tags_of(result)[0] == "norsk"
