"""Learned specificity: topic tags and topic words score high, #fyp and filler words low."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.sparse as sp
from sklearn.preprocessing import normalize

from seo.text.specificity import FLOOR, generic_variants, specificity

TOPICS = 30  # with few topics, even random posts often share one: lift cannot grow
POSTS_PER_TOPIC = 20


def _corpus():
    """Posts in thirty topics. Each post has its topic's word and tag, the filler word "love"
    on every other post whatever the topic, and #fyp everywhere."""
    words, tags = [], []  # (post, column) pairs
    post = 0
    for topic in range(TOPICS):
        for n in range(POSTS_PER_TOPIC):
            words.append((post, topic))  # word `topic` = the topic's own word
            if n % 2 == 0:
                words.append((post, TOPICS))  # "love"
            tags.append((post, topic))
            tags.append((post, TOPICS))  # "#fyp"
            post += 1

    def matrix(pairs):
        rows, cols = zip(*pairs, strict=True)
        return sp.csr_matrix((np.ones(len(rows), np.float32), (rows, cols)), shape=(post, TOPICS + 1))

    return matrix(words), matrix(tags)


def test_topic_tags_are_specific_and_a_tag_on_everything_is_generic():
    words, tags = _corpus()
    factor, lift = specificity(tags, normalize(words))
    assert factor[:TOPICS].min() > 0.6  # "love" on half the posts makes random pairs a bit alike
    assert factor[TOPICS] < 0.1
    assert lift[TOPICS] == 1.0


def test_topic_words_are_specific_and_filler_words_are_not():
    words, tags = _corpus()
    tag_factor, _ = specificity(tags, normalize(words))
    # Tags weighted by their own specificity, so #fyp does not make every post alike.
    factor, _ = specificity(words, normalize(sp.csr_matrix(tags.multiply(tag_factor[None, :]))))
    assert factor[:TOPICS].min() > 0.8
    assert factor[TOPICS] < factor[:TOPICS].min() - 0.3


def test_rarely_used_items_stay_near_neutral_and_nothing_goes_below_the_floor():
    words, tags = _corpus()
    rare = sp.csr_matrix(([1.0, 1.0], ([0, POSTS_PER_TOPIC], [0, 0])), shape=(words.shape[0], 1))
    factor, _ = specificity(rare, normalize(words))
    assert factor[0] > 0.85  # two posts of different topics: too few to call it generic
    all_factors, _ = specificity(words, normalize(tags))
    assert all_factors.min() >= FLOOR


def test_posts_without_vectors_do_not_count():
    words, tags = _corpus()
    empty = sp.csr_matrix(tags.shape, dtype=np.float32)
    factor, lift = specificity(words, empty)
    assert np.allclose(factor, 1.0) and np.allclose(lift, 1.0)


@pytest.mark.django_db
@pytest.mark.usefixtures("index_env")
def test_the_index_learns_filler_words_and_keyword_suggestions_rank_them_down(monkeypatch):
    """Thirty topics; "zorblax" is said in one post of every topic, "kitten3" only in topic 3."""
    from seo.index.lifecycle import index_build
    from seo.index.serving import active_index
    from seo.suggest.engine import suggest
    from tests.corpus_factory import post

    for topic in range(30):
        for n in range(6):
            filler = " zorblax" if n == 0 else ""
            post(f"kitten{topic} whisker{topic} number{n}{filler}", [f"cats{topic}", "fyp"])
    index_build()
    index = active_index()
    filler, topic_word = (index.terms.get(word) for word in ("zorblax", "kitten3"))
    assert index.term_specific[filler] < 0.5 < index.term_specific[topic_word]

    def ratio():
        keywords = {kw.term: kw.score for kw in suggest(text="kitten3 zorblax").keywords}
        return keywords["zorblax"] / keywords["kitten3"]

    with_specificity = ratio()
    monkeypatch.setattr(index, "term_specific", np.ones(len(index.term_specific)))
    assert with_specificity < 0.6 * ratio()


def test_rare_spelling_variants_of_a_generic_tag_are_generic_too():
    names = [
        "fyp",
        "fpy",
        "fyppp",
        "parati",
        "paratiiii",
        "pasta",
        "pastaa",
        "fy",
        "fyy",
        "xyzbca",
        "xyzbcaa",
    ]
    factor = np.array([0.1, 0.9, 0.9, 0.3, 0.9, 0.9, 0.9, 0.1, 0.9, 0.2, 0.9])
    posts = np.array([100, 3, 4, 50, 5, 100, 2, 100, 3, 3, 2])
    out = generic_variants(names, factor, posts)
    got = dict(zip(names, out.tolist(), strict=True))
    assert got["fpy"] == 0.1 and got["fyppp"] == 0.1, "a swap of two letters or repeated letters"
    assert got["paratiiii"] == 0.3, "a variant takes its own anchor's factor"
    assert got["pastaa"] == 0.9, "variants of a specific tag stay specific"
    assert got["fyy"] == 0.9, "a two-letter anchor (#fy) is too short to mark variants"
    assert got["xyzbcaa"] == 0.9, "an anchor seen on too few posts marks nothing"
    assert factor[1] == 0.9, "the input is not changed"


def test_tags_glued_from_the_most_used_generic_tags_are_generic_too():
    names = [
        "fyp",
        "viral",
        "fypシ",
        "fypviral",
        "fypシ゚viral",
        "viralfyyp",
        "fyppasta",
        "pasta",
        "fypx",
        "virall",
    ]
    factor = np.array([0.1, 0.15, 0.25, 0.94, 0.51, 0.9, 0.9, 0.9, 0.9, 0.9])
    posts = np.array([100, 80, 60, 2, 94, 1, 3, 100, 2, 3])
    got = dict(zip(names, generic_variants(names, factor, posts).tolist(), strict=True))
    assert got["fypviral"] == 0.15, "two generic tags glued: the less generic part's factor"
    assert got["fypシ゚viral"] == 0.25, "a mark between the parts (゚) is skipped"
    assert got["viralfyyp"] == 0.15, "repeated letters in a part are squeezed"
    assert got["fyppasta"] == 0.9, "a generic tag glued to a topic stays specific"
    assert got["fypx"] == 0.9 and got["pasta"] == 0.9
    assert got["virall"] == 0.15, "a single part is a spelling variant, as before"
