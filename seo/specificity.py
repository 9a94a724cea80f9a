"""How specific a hashtag or a caption word is, learned from the corpus itself.

Posts sharing a specific tag (#sourdough) talk about the same thing, so their text
vectors are alike; posts sharing #fyp are as unalike as random posts. The same holds
the other way round: posts whose caption says "sourdough" carry alike hashtags,
posts saying "love", "day" or "video" carry anything. So one measure serves both:
the mean pairwise cosine of an item's posts, in the *other* space (text for tags,
tags for words), divided by that of random post pairs, is the item's lift. The
factor grows with log(lift) and is blended toward neutral for items used too rarely
to judge. Generic tags and filler words end near 0.05, specific ones near 1.
"""

from __future__ import annotations

import math

import numpy as np
import scipy.sparse as sp

SAMPLE_POSTS = 200_000  # the measure is an average: a sample of this size pins it down
LIFT_REFERENCE = 25.0  # an item whose posts are this much more alike than random is fully specific
PRIOR_POSTS = 15  # coherence of a rarely used item is noise: blend toward neutral
FLOOR = 0.05


def specificity(members: sp.csr_matrix, vectors: sp.csr_matrix) -> tuple[np.ndarray, np.ndarray]:
    """(factor, lift) per item. `members` is posts by items (non-zero = the post has the item),
    `vectors` is posts by features with L2-normalised rows (all-zero rows are posts without any)."""
    n_posts = members.shape[0]
    if n_posts > SAMPLE_POSTS:
        rows = np.sort(np.random.default_rng(0).choice(n_posts, SAMPLE_POSTS, replace=False))
        members, vectors = members[rows], vectors[rows]
    has_vector = np.asarray(vectors.getnnz(axis=1) > 0, dtype=np.float32)
    item_posts = sp.csr_matrix((members != 0).T.astype(np.float32).multiply(has_vector[None, :]))
    counts = np.asarray(item_posts.sum(axis=1)).ravel()
    centroid = item_posts @ vectors
    squared = np.asarray(centroid.multiply(centroid).sum(axis=1)).ravel()
    # Sum of pairwise cosines = |sum of vectors|^2 - the n self-pairs (each 1).
    pairs = counts * (counts - 1)
    coherence = np.where(pairs > 0, (squared - counts) / np.maximum(pairs, 1), 0.0)
    total = np.asarray(vectors.sum(axis=0)).ravel()
    m = float(has_vector.sum())
    baseline = max((float(total @ total) - m) / max(m * (m - 1), 1.0), 1e-6)
    lift = np.maximum(coherence / baseline, 1.0)
    specific = np.clip(np.log(lift) / math.log(LIFT_REFERENCE), 0.0, 1.0)
    trust = counts / (counts + PRIOR_POSTS)
    factor = 1.0 - trust * (1.0 - (FLOOR + (1.0 - FLOOR) * specific))
    return factor, lift
