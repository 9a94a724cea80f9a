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
import re

import numpy as np
import scipy.sparse as sp

SAMPLE_POSTS = 200_000  # the measure is an average: a sample of this size pins it down
LIFT_REFERENCE = 25.0  # an item whose posts are this much more alike than random is fully specific
PRIOR_POSTS = 15  # coherence of a rarely used item is noise: blend toward neutral
FLOOR = 0.05
# A caption word below this is clearly filler: said across unrelated posts, it names no topic.
# On the shared data: "love" 0.18, "time" 0.23, "day" 0.24, "replying" 0.28, "real" 0.30 are
# below; "video", "people" and "summer" 0.35, "school" and "game" 0.42, "recipe" 0.89 are not.
# Between 0.35 and 0.6 a corpus of a few thousand posts mixes filler with real topics, so the
# line is drawn low: a topic wrongly hidden costs more than a filler word shown.
FILLER_BELOW = 0.33


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


_REPEATS = re.compile(r"(.)\1+")
GENERIC_ANCHOR_FACTOR = 0.5  # a tag measured this generic, on enough posts, marks its spelling variants
# The most used generic tags, whose glued pairs (#fypviral, #fypシ゚viral, #foryoufyp) are
# generic too. Only the most used: glued tags are made of the big ones, and a short list
# keeps the check cheap and rare anchors from making up compounds.
GLUED_ANCHORS = 40


def _squeezed(name: str) -> str:
    return _REPEATS.sub(r"\1", name)  # "paratiiii" -> "parati"


def _generic_anchors(factor: np.ndarray, posts: np.ndarray) -> np.ndarray:
    """Tags measured clearly generic on enough posts to mark their spellings as generic too."""
    return np.flatnonzero((factor < GENERIC_ANCHOR_FACTOR) & (posts >= PRIOR_POSTS))


def generic_variants(names: list[str], factor: np.ndarray, posts: np.ndarray) -> np.ndarray:
    """`factor` with rare spelling variants of the clearly generic tags made as generic.

    A tag on a handful of posts is blended toward neutral (too little to judge), so
    #paratiiiiii or #fpy would pass for specific and reach the recommended set. A tag
    whose letters, with repeats squeezed ("paratiiii" -> "parati"), match those of a tag
    measured generic on at least PRIOR_POSTS posts — or do after swapping two adjacent
    letters ("fpy" -> "fyp") — takes that tag's factor when it is lower.
    """
    anchors: dict[str, float] = {}
    for position in _generic_anchors(factor, posts).tolist():
        key = _squeezed(names[position])
        if len(key) < 3:
            continue
        value = float(factor[position])
        variants = [key] + [key[:i] + key[i + 1] + key[i] + key[i + 2 :] for i in range(len(key) - 1)]
        for variant in variants:
            anchors[variant] = min(value, anchors.get(variant, 1.0))
    if not anchors:
        return factor
    # Squeezing every name costs ~1.5 µs a tag in re.sub. Squeezing keeps a name's first
    # and last letter, so comparing those with the anchor keys' rejects almost every name
    # first, at set-lookup cost. (One regex alternation of all keys was tried: at 1,766
    # anchors it took 15 s per 86k names, since re tries every alternative in turn.)
    ends = {(key[0], key[-1]) for key in anchors}
    out = factor.copy()
    for position, name in enumerate(names):
        if (name[:1], name[-1:]) in ends:
            value = anchors.get(_squeezed(name))
            if value is not None and value < out[position]:
                out[position] = value
    _mark_glued_generics(names, out, posts)
    return out


def _mark_glued_generics(names: list[str], factor: np.ndarray, posts: np.ndarray) -> None:
    """Lower, in place, the factor of tags glued from two or more of the most used generic tags.

    #fypシ゚viral is on 94 of the shared data's posts, mostly by a few creators, so its own
    measure lands just above the generic line (0.51); #fypviral is on two and cannot be
    judged. Both are #fyp and #viral glued together. A name counts as glued when it splits
    wholly into anchor spellings (repeats squeezed), skipping marks and symbols between them
    (the ゚ of シ゚); it takes the factor of its least generic part.
    """
    generic = _generic_anchors(factor, posts)
    if len(generic) < 2:
        return
    keys: dict[str, float] = {}
    for position in generic[np.argsort(-posts[generic], kind="stable")][:GLUED_ANCHORS].tolist():
        key = _squeezed(names[position])
        if len(key) >= 3:
            keys[key] = min(float(factor[position]), keys.get(key, 1.0))
    starts, finishes = {key[:2] for key in keys}, {key[-2:] for key in keys}
    lengths = sorted({len(key) for key in keys}, reverse=True)
    for position, name in enumerate(names):
        # Cheap first: a glued name begins and ends like an anchor (or ends in a mark, シ゚, or
        # a repeated letter, which squeezing removes).
        ending = name[-2:]
        if name[:2] not in starts or (
            ending not in finishes and ending.isalnum() and ending[0] != ending[-1]
        ):
            continue
        if factor[position] < GENERIC_ANCHOR_FACTOR:
            continue
        value = _split_into(_squeezed(name), keys, lengths)
        if value is not None and value < factor[position]:
            factor[position] = value


def _split_into(name: str, keys: dict[str, float], lengths: list[int]) -> float | None:
    """The largest factor among the parts when `name` splits wholly into two or more keys
    (marks and symbols between parts skipped); None when it does not split."""
    # best[i]: (parts, factor) of the best split of name[:i]; reachable positions only.
    best: dict[int, tuple[int, float]] = {0: (0, 0.0)}
    for start in range(len(name)):
        if start not in best:
            continue
        parts, value = best[start]
        if start and not name[start].isalnum():  # a mark or symbol between two parts
            best.setdefault(start + 1, (parts, value))
            continue
        for length in lengths:
            key = name[start : start + length]
            if len(key) == length and key in keys:
                candidate = (parts + 1, max(value, keys[key]))
                end = start + length
                if end not in best or candidate[1] < best[end][1]:
                    best[end] = candidate
    parts, value = best.get(len(name), (0, 1.0))
    return value if parts >= 2 else None
