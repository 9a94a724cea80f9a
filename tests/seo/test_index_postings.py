"""The postings layout of format 3: impact heads and tails, 3-byte post numbers, the search budget."""

from __future__ import annotations

import numpy as np
import pytest

from seo.index import build as index_build
from seo.index import store as index_store
from seo.index.build import CorpusArrays, build_artifact
from seo.index.packed import UINT24_LIMIT, concat_ranges, pack_ids, pack_uint24, packed_ids
from seo.index.store import LoadedIndex

CAT_POSTS = 40
HEAD = 8


def _corpus() -> CorpusArrays:
    # "cat" in 40 posts, each with a different number of other words: its weight differs per post.
    captions = [" ".join(["cat"] + [f"word{i}x{j}" for j in range(i % 13)]) for i in range(CAT_POSTS)]
    captions += ["dog bird", "dog fish", "bird fish"]
    tags = [[i % 3] for i in range(len(captions))]
    indptr = np.concatenate([[0], np.cumsum([len(t) for t in tags])])
    return CorpusArrays(
        post_ids=np.arange(1, len(captions) + 1),
        captions=captions,
        tag_indptr=indptr,
        tag_indices=np.asarray([t for row in tags for t in row], dtype=np.int32),
        tag_names=["cats", "pets", "animals"],
        engagement_rate=np.linspace(0.01, 0.2, len(captions)),
        posted_ts=np.linspace(1.7e9, 1.71e9, len(captions)),
        languages=["en"] * len(captions),
    )


@pytest.fixture
def index(tmp_path, monkeypatch) -> LoadedIndex:
    monkeypatch.setattr(index_build, "POSTINGS_HEAD", HEAD)
    build_artifact(_corpus(), tmp_path)
    return LoadedIndex(tmp_path)


def _postings(index: LoadedIndex, term: int) -> tuple[np.ndarray, np.ndarray, int]:
    start, end = int(index.postings_indptr[term]), int(index.postings_indptr[term + 1])
    posts = np.asarray(index.postings_posts[start:end], dtype=np.int64)
    return posts, np.asarray(index.postings_weights[start:end]), int(index.postings_heads[term])


def test_a_long_list_keeps_its_strongest_posts_in_the_head_each_part_sorted_by_post(index):
    posts, weights, head = _postings(index, index.terms.get("cat"))
    assert len(posts) == CAT_POSTS and head == HEAD
    assert sorted(posts.tolist()) == list(range(CAT_POSTS))  # nothing lost, nothing twice
    assert weights[:head].min() >= weights[head:].max()
    assert (np.diff(posts[:head]) > 0).all() and (np.diff(posts[head:]) > 0).all()
    assert int(index.postings_tail_max[index.terms.get("cat")]) == weights[head:].max()
    short = index.terms.get("dog")
    assert int(index.postings_heads[short]) == 2 and int(index.postings_tail_max[short]) == 0


def test_membership_reads_the_head_and_the_tail(index):
    term = index.terms.get("cat")
    posts, _, head = _postings(index, term)
    # A cat post in the head, one in the tail, the first "dog bird" post, the last cat post (tail).
    asked = np.array([posts[0], posts[head], CAT_POSTS, posts[-1]], dtype=np.int64)
    dog = index.terms.get("dog")
    terms, positions = index.posts_with_terms(np.array([term, dog]), asked)
    found = sorted(zip(terms.tolist(), positions.tolist(), strict=True))
    assert found == sorted([(term, 0), (term, 1), (term, 3), (dog, 2)])
    dog_posts = np.array([CAT_POSTS, CAT_POSTS + 1, 0], dtype=np.int64)  # the "dog" posts, then a cat post
    terms, positions = index.posts_with_terms(np.array([term, dog]), dog_posts)
    assert sorted(zip(terms.tolist(), positions.tolist(), strict=True)) == sorted(
        [(term, 2), (dog, 0), (dog, 1)]
    )


def test_search_is_exact_within_the_budget(index):
    ids, weights = index.vectorize("cat dog")
    found, scores = index.search(ids, weights, 50)
    dense = np.zeros(index.posts, dtype=np.float32)
    for term, weight in zip(ids.tolist(), weights.tolist(), strict=True):
        posts, stored, _ = _postings(index, term)
        dense[posts] += stored * np.float32(weight / 255.0)
    assert sorted(found.tolist()) == np.flatnonzero(dense).tolist()
    assert np.allclose(scores, dense[found])


def test_over_the_budget_only_the_strongest_postings_are_read(index, monkeypatch):
    monkeypatch.setattr(index_store, "SEARCH_BUDGET", HEAD + 2)
    ids, weights = index.vectorize("cat")
    found, _ = index.search(ids, weights, 50)
    posts, _, head = _postings(index, ids[0])
    assert sorted(found.tolist()) == sorted(posts[:head].tolist())  # the head only, not the tail
    ids, weights = index.vectorize("cat dog")
    found, _ = index.search(ids, weights, 50)
    assert len(found) <= HEAD + 2


def test_trending_adds_up_every_post_a_block_at_a_time(index, monkeypatch):
    monkeypatch.setattr(index_store, "TRENDING_BLOCK", 7)
    weight = np.asarray(index.post_engagement, np.float32) * np.asarray(index.post_recency, np.float32)
    expected = np.bincount(
        index.post_tags[:], weights=np.repeat(weight, np.diff(index.post_tag_indptr)), minlength=3
    )
    got = dict(index.trending(None, None))
    assert got == {t: float(expected[t]) for t in range(3)}


def test_post_numbers_round_trip_through_three_bytes():
    values = np.array([0, 1, 255, 256, 65_535, 65_536, UINT24_LIMIT - 1, 12_345], dtype=np.int64)
    packed = packed_ids(pack_uint24(values))
    assert len(packed) == len(values)
    assert packed[:].tolist() == values.tolist()
    assert packed[2:5].tolist() == values[2:5].tolist()
    assert packed[np.array([7, 0, 6])].tolist() == [12_345, 0, UINT24_LIMIT - 1]
    bounds = [(5, 7), (0, 2), (3, 3)]
    assert concat_ranges(packed, bounds).tolist() == [65_536, UINT24_LIMIT - 1, 0, 1]
    assert concat_ranges(values, bounds).tolist() == [65_536, UINT24_LIMIT - 1, 0, 1]
    with pytest.raises(ValueError):
        pack_uint24(np.array([UINT24_LIMIT]))
    assert pack_ids(values, UINT24_LIMIT + 1).dtype == np.int32  # a corpus too large for 3 bytes
