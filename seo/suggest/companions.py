"""Companion tags for seo.suggest.engine: the usual companions of the best specific tags
(#wedding -> #weddingplanner), which the close posts may not carry themselves."""

from __future__ import annotations

import numpy as np

from seo.index.sets import isin, sorted_unique
from seo.index.store import LoadedIndex
from seo.suggest.rank import TagScore, tags_of_posts
from seo.text.generic_tags import GENERIC_CUTOFF

EXPANSION_SEEDS = 3  # the best specific tags whose usual companions are offered too
EXPANSION_POSTS = 200  # posts read per seed tag (its first ones), bounding the cost
EXPANSION_SMOOTHING = 2.0  # a companion seen on 1 of a seed's 2 posts is not a 50 % rule
EXPANSION_WEIGHT = 0.5
# A companion no close post carries is advice only when a seed's posts show it this often:
# the tags of the one post that happens to carry #date (#dog, #dogsoftiktok) are that post's.
EXPANSION_MIN_PAIRS = 2


def expand_cooccurring(
    index: LoadedIndex, scored: list[TagScore], *, excluded: set[int], typed: set[int], limit: int
) -> list[TagScore]:
    """Add the usual companions of the best specific tags (#wedding -> #weddingplanner).

    A companion's chance is seed probability x the share of the seed's posts that carry it
    (smoothed), combined (noisy-or) over the seeds and with its own score. Generic tags are
    never expanded from or to: they accompany everything.
    """
    best = [s for s in scored if s.tag >= 0 and s.parts.get("generic_factor", 1.0) >= GENERIC_CUTOFF]
    # Tags the creator typed are certain; they seed first (when specific).
    seeds = [(t, 1.0) for t in sorted(typed) if float(index.tag_generic[t]) >= GENERIC_CUTOFF]
    seeds += [(s.tag, min(s.score, 1.0)) for s in best[:EXPANSION_SEEDS]]
    if not seeds:
        return scored
    # All seeds' posts in one gather; (seed, companion) pairs counted with one unique.
    seed_tags = np.array([seed for seed, _ in seeds], dtype=np.int64)
    seed_chances = np.array([chance for _, chance in seeds], dtype=np.float64)
    post_lists = [index.posts_with_tag(seed)[:EXPANSION_POSTS] for seed, _ in seeds]
    seed_sizes = np.array([len(p) for p in post_lists], dtype=np.int64)
    all_posts = np.concatenate(post_lists)
    companions, position = tags_of_posts(index, all_posts)
    if not len(companions):
        return scored
    n_tags = len(index.tag_df)
    pairs, first, counts = sorted_unique(
        np.repeat(np.arange(len(seeds)), seed_sizes)[position] * n_tags + companions, first=True, counts=True
    )
    seed_of, pair_tags = pairs // n_tags, pairs % n_tags
    keep = pair_tags != seed_tags[seed_of]
    if not keep.any():
        return scored
    seed_of, pair_tags, counts, first = seed_of[keep], pair_tags[keep], counts[keep], first[keep]
    chance = EXPANSION_WEIGHT * seed_chances[seed_of] * counts / (seed_sizes[seed_of] + EXPANSION_SMOOTHING)
    tags, first_pair, inverse = sorted_unique(pair_tags, first=True, inverse=True)
    gain = 1.0 - np.exp(np.bincount(inverse, weights=np.log1p(-np.minimum(chance, 0.999))))
    example = all_posts[position[first[first_pair]]]
    generic = np.asarray(index.tag_generic[tags], dtype=np.float64)
    ok = (generic >= GENERIC_CUTOFF) & ~np.asarray(index.tag_blocked[tags], dtype=bool)
    ok &= ~isin(tags, np.fromiter(excluded | typed, np.int64, len(excluded | typed)))
    known = {s.tag: s for s in scored if s.tag >= 0}
    is_known = isin(tags, np.fromiter(known, np.int64, len(known)))
    for i in np.flatnonzero(ok & is_known).tolist():
        row, value = known[int(tags[i])], float(gain[i])
        row.score = 1.0 - (1.0 - row.score) * (1.0 - value)
        row.parts["companion"] = round(value, 4)
    # A new tag scoring below the current limit-th row could never be shown: never built.
    floor = scored[limit - 1].score if len(scored) >= limit else 0.0
    pairs_seen = np.bincount(inverse, weights=counts)
    fresh = np.flatnonzero(ok & ~is_known & (gain > floor))
    for i in fresh[np.argsort(-gain[fresh], kind="stable")][:limit].tolist():
        tag, value = int(tags[i]), float(gain[i])
        scored.append(
            TagScore(
                tag=tag,
                name=index.tag_name(tag),
                score=value,
                parts={
                    "similarity": 0.0,
                    "evidence": 0.0,
                    "prior": round(float(index.tag_df[tag]) / max(index.posts, 1), 5),
                    "in_caption": 0.0,
                    "companion": round(value, 4),
                    "generic_factor": round(float(generic[i]), 4),
                    "similar_posts": 0,
                    "companion_pairs": int(pairs_seen[i]),
                },
                example_posts=[int(example[i])],
            )
        )
    scored.sort(key=lambda s: -s.score)
    return scored[:limit]


def lone_companions(scored: list[TagScore]) -> set[int]:
    """Companion tags no close post carries, seen beside their seed fewer than
    EXPANSION_MIN_PAIRS times: they rank, with their example, but advise nothing."""
    return {
        s.tag
        for s in scored
        if s.parts.get("companion_pairs", EXPANSION_MIN_PAIRS) < EXPANSION_MIN_PAIRS
        and not s.parts.get("similar_posts")
    }
