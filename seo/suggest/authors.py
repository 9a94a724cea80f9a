"""Whose tags a close post carries: one creator's own tags are theirs, not the topic's.

On the shared English corpus, "Outfit ideas for a fall date" met eight outfit posts, three of
them one creator's, and was advised that creator's #furrygirl and #atlanta with high confidence.
A tag enters a recommended set (in English and Norwegian, where the subject rules read the idea)
only when close posts of two creators carry it, or when it is no one creator's (three or more use
it in the whole corpus); it still ranks, with its evidence.
"""

from __future__ import annotations

import numpy as np

from seo.index.csr import csr_rows
from seo.index.sets import isin, sorted_unique
from seo.index.store import LoadedIndex

MIN_CREATORS = 2  # close posts' creators carrying a tag
CORPUS_CREATORS = 3  # creators using a tag in the whole corpus, for it to be the topic's
SAMPLE = 2000


def single_creator_tags(index: LoadedIndex, posts: np.ndarray, tags: list[int]) -> set[int]:
    """Those of `tags` that close posts of fewer than MIN_CREATORS creators carry; empty when
    the index knows no authors (a version built before authors were stored)."""
    if index.post_author is None or not tags or not len(posts):
        return set()
    posts = np.asarray(posts, dtype=np.int64)
    carried, owner = csr_rows(index.post_tag_indptr, index.post_tags, posts)
    wanted = isin(carried, np.asarray(tags, dtype=np.int64))
    carried = np.asarray(carried[wanted], np.int64)
    # (tag, creator) once each
    pairs = sorted_unique((carried << 32) | _creators(index, posts[owner[wanted]]))
    creators = dict(zip(*sorted_unique(pairs >> 32, counts=True), strict=True))
    return {t for t in tags if creators.get(t, 0) < MIN_CREATORS and _personal(index, t)}


def _creators(index: LoadedIndex, posts: np.ndarray) -> np.ndarray:
    """Each post's creator number; a post of unknown author counts as a creator of its own."""
    who = np.asarray(index.post_author[posts], dtype=np.int64)
    return np.where(who > 0, who, len(index.post_author) + 1 + posts)


def _personal(index: LoadedIndex, tag: int) -> bool:
    """Whether fewer than CORPUS_CREATORS creators use the tag in the whole corpus (#furrygirl):
    a tag many creators use (#studytok) is the topic's, even where one of them is the only one
    close to the idea. Up to the first SAMPLE posts are read."""
    start, end = int(index.tag_posts_indptr[tag]), int(index.tag_posts_indptr[tag + 1])
    posts = np.asarray(index.tag_posts[start : min(end, start + SAMPLE)], dtype=np.int64)
    return len(sorted_unique(_creators(index, posts))) < CORPUS_CREATORS
