"""seo.suggest.companions.seed_companions (a seed tag's companions, cached per loaded index)
against a plain count over the seed's posts, and the bound on what it holds."""

from __future__ import annotations

import pytest

from seo.index.lifecycle import index_build
from seo.index.serving import active_index
from seo.suggest import companions
from seo.suggest.companions import EXPANSION_POSTS, seed_companions
from tests.corpus_factory import post, topic_corpus

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("index_env")]


def reference(index, seed: int) -> tuple[int, dict[int, tuple[int, int]]]:
    """By hand: the seed's first posts, and per other tag on them (posts carrying it, first post)."""
    posts = index.posts_with_tag(seed)[:EXPANSION_POSTS].tolist()
    found: dict[int, tuple[int, int]] = {}
    for p in posts:
        start, end = int(index.post_tag_indptr[p]), int(index.post_tag_indptr[p + 1])
        for tag in [int(t) for t in index.post_tags[start:end]]:
            if tag != seed:
                count, first = found.get(tag, (0, p))
                found[tag] = (count + 1, first)
    return len(posts), found


def test_seed_companions_count_each_tag_of_the_seeds_posts_as_a_plain_count_does():
    topic_corpus(copies=3)
    for number in range(4):
        post(f"seating chart ideas {number}", ["wedding", "weddingplanner", "bride"])
        post(f"our wedding vows {number}", ["wedding", "vows"])
    index_build()
    index = active_index()
    assert index is not None
    seeds = sorted({int(t) for t in index.post_tags[:]})
    assert len(seeds) > 5
    for seed in seeds:
        row = seed_companions(index, seed)
        size, expected = reference(index, seed)
        assert row.size == size
        assert row.tags.tolist() == sorted(expected), "sorted, the seed left out"
        assert row.counts.tolist() == [expected[t][0] for t in sorted(expected)]
        assert row.examples.tolist() == [expected[t][1] for t in sorted(expected)]
        assert seed_companions(index, seed) is row, "computed once"
    wedding = seed_companions(index, index.tag_id("wedding"))
    assert dict(zip(wedding.tags.tolist(), wedding.counts.tolist(), strict=True))[index.tag_id("vows")] == 4


def test_seed_companions_hold_at_most_the_cache_size(monkeypatch):
    topic_corpus(copies=2)
    index_build()
    index = active_index()
    assert index is not None
    monkeypatch.setattr(companions, "COMPANION_CACHE", 3)
    seeds = sorted({int(t) for t in index.post_tags[:]})[:6]
    for seed in seeds:
        seed_companions(index, seed)
    held = index.derived["seed_companions"][1]
    assert list(held) == seeds[-3:], "the oldest seeds go first"
    assert seed_companions(index, seeds[0]).size == reference(index, seeds[0])[0], "recomputed when gone"


def test_popular_generic_is_the_generic_tags_among_the_most_used_read_once():
    from seo.suggest.rank import GENERIC_CANDIDATES, GENERIC_CUTOFF, popular_generic

    topic_corpus(copies=3)
    index_build()
    index = active_index()
    assert index is not None
    df = [int(d) for d in index.tag_df]
    top = sorted(range(len(df)), key=lambda t: -df[t])[:GENERIC_CANDIDATES]  # stable: ties by position
    expected = [t for t in top if float(index.tag_generic[t]) < GENERIC_CUTOFF]
    assert expected, "the corpus has generic tags (#fyp)"
    assert popular_generic(index).tolist() == expected
    assert popular_generic(index) is popular_generic(index)
