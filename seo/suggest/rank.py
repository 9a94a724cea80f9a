"""Hashtag scoring for seo.suggest.engine, from the votes of the similar posts (seo.suggest.votes;
keywords are seo.suggest.keyword_rank's).

A tag's score estimates the chance that a post like the query carries it
(see score_tags); the constants below were checked with `benchmarks/evaluate.py --tune`,
which splits the training 80 % again and never looks at the held-out 20 %.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from seo.index.csr import csr_rows
from seo.index.serving import index_derived
from seo.index.sets import isin, sorted_unique
from seo.index.store import LoadedIndex
from seo.suggest.votes import Votes, series_chance
from seo.text.filler import is_filler
from seo.text.generic_tags import GENERIC_CUTOFF  # below it a tag is generic (#fyp): rated by its base rate
from seo.text.hashtags import normalize_hashtag
from seo.text.names import writes_syllables
from seo.text.spelling import tag_spelling
from seo.text.tokenize import is_function_term

LEXICAL_MIN_LENGTH = 3
LEXICAL_WEIGHT = 6.0
LEXICAL_CAP = 0.95
LEXICAL_UNSEEN = True  # offer caption words no trending post has used as a tag yet
UNSEEN_FACTOR = 1.0
PRIOR_WEIGHT = 0.2  # share of a specific tag's probability that is its plain corpus frequency
NEIGHBOUR_CALIBRATION = 0.3  # a neighbour-vote share overstates the chance the query's post carries the tag
GENERIC_PRIOR_POSTS = 5.0  # a generic tag's base rate weighs as much as this many neighbours
GENERIC_RANK_WEIGHT = 0.8  # generic tags are ranked at this part of their probability (down-weighted)
MENTION_TAG_RATE = 0.05  # creators often tag the account they mention (@MrBeast -> #mrbeast)
# The most used generic tags are always candidates, at their base rate, even when no
# neighbour carries them (a query with three close posts, none tagged #fyp, is still ~40 % #fyp).
GENERIC_CANDIDATES = 20  # the most used tags read for this (the generic ones among them kept)
NICHE_BOOST = 1.5
# With close posts' own votes (`series`, seo.suggest.votes.series_chance) a generic tag's base
# rate weighs more against loose neighbours, and generic tags are ranked at their full chance.
SERIES_GENERIC_PRIOR_POSTS = 15.0
SERIES_GENERIC_RANK_WEIGHT = 1.0


@dataclass
class TagScore:
    tag: int  # index in the index's tag list; -1 for a caption word no trending post used as a tag
    name: str
    score: float
    parts: dict[str, float]
    example_posts: list[int]


def tagged_posts(index: LoadedIndex) -> int:
    """Posts of the index with at least one tag (a generic tag's base rate is a share of these)."""
    return index_derived(
        index,
        "tagged_posts",
        lambda: max(int(np.count_nonzero(np.diff(np.asarray(index.post_tag_indptr)))), 1),
    )


def popular_generic(index: LoadedIndex) -> np.ndarray:
    """The generic tags among the GENERIC_CANDIDATES most used ones, read once per loaded index."""
    if not GENERIC_CANDIDATES:
        return np.zeros(0, np.int64)

    def compute() -> np.ndarray:
        top = np.asarray(index.most_used_tags(GENERIC_CANDIDATES), dtype=np.int64)
        generic = top[np.asarray(index.tag_generic[top]) < GENERIC_CUTOFF]
        generic.flags.writeable = False  # shared by every suggestion
        return generic

    return index_derived(index, "popular_generic", compute)


def lexical_candidates(
    index: LoadedIndex,
    features: list[str],
    ids: np.ndarray,
    language: str | None = None,
    natural: set[str] | None = None,
) -> dict[str, float]:
    """Tag names formed by the query's own words ("jon stewart" -> jonstewart), with the
    learned rate at which creators turn that word into a hashtag."""
    prior = float(index.meta.get("lexical_prior", 0.0))
    terms = ids.tolist()
    # A pair no post has written has no rate of its own, only the prior. Joined filler
    # ("starter finally", "comment recipe") makes no tag: the prior is scaled by the
    # specificity (seo.text.specificity) of the pair's weaker word.
    unseen = {w for f, t in zip(features, terms, strict=True) if t < 0 and " " in f for w in f.split(" ")}
    specific = {}
    if unseen:
        words = sorted(unseen)
        positions = index.terms.positions(words).tolist()
        specific = {
            w: float(index.term_specific[p]) if p >= 0 else 1.0 for w, p in zip(words, positions, strict=True)
        }
    out: dict[str, float] = {}
    syllables = writes_syllables(language)
    for feature, term in zip(features, terms, strict=True):
        name = normalize_hashtag(feature.replace(" ", ""))
        if len(name) < LEXICAL_MIN_LENGTH or name.isdigit() or is_function_term(feature):
            continue  # no #как, #какприготовить: another script's function word is no tag
        if any(is_filler(w) or w.isdigit() for w in feature.split(" ")):
            continue  # no #lagre, #days, #minutegarlic: framing words glued are no tag
        name = tag_spelling(index, name, language)  # #haihuoc where creators drop the accents
        if syllables and " " not in feature and index.tag_id(name) is None:
            continue  # a lone syllable no creator tags ("trở", "hok"): no tag (names: seo.suggest.written_tags)
        if term >= 0:
            rate = float(index.term_tag_rate[term])
        elif " " in feature and natural is not None and feature not in natural and index.tag_id(name) is None:
            continue  # "takes 15 minutes" -> #takesminutes: side by side is not a phrase (seo.suggest.own_tags)
        elif " " in feature:
            rate = prior * min(specific[w] for w in feature.split(" "))
        else:
            rate = prior
        out[name] = max(out.get(name, 0.0), rate)
    return out


_MENTION = re.compile(r"(?<![\w@])@([\w.]+)")


def mention_candidates(text: str) -> dict[str, float]:
    """Tag names formed by the accounts the query mentions; the tokenizer drops @mentions from
    the search, but "@MrBeast" in a caption often comes with #mrbeast."""
    out: dict[str, float] = {}
    for handle in _MENTION.findall(text):
        name = normalize_hashtag(handle.replace(".", ""))
        if len(name) >= LEXICAL_MIN_LENGTH and not name.isdigit():
            out[name] = MENTION_TAG_RATE
    return out


def score_tags(
    index: LoadedIndex,
    votes: Votes,
    *,
    typed: set[int],
    niche: str | None,
    excluded: set[int],
    lexical: dict[str, float] | None = None,
    limit: int = 30,
    topical: bool = True,
    series: bool = False,
) -> list[TagScore]:
    """Every tag carried by a neighbour or written in the query, and the most used generic
    tags, scored and sorted best first.

    A tag's score estimates the chance a post like the query carries it. Specific tags:
    the calibrated share of the neighbours' votes behind them, smoothed by corpus frequency,
    combined (noisy-or) with the rate at which creators tag a word of their own caption.
    Generic tags: their base rate among tagged posts moved toward their vote share as far as
    the neighbours' number warrants (GENERIC_PRIOR_POSTS), ranked at GENERIC_RANK_WEIGHT of it,
    so #fyp shows where it is likelier than the next tag, neighbours or not.

    Not `topical` (the query met its neighbours only through another script's function
    words, see `topical_query`): they share its language, not its topic, so their votes
    move only the generic tags (#рек), not the specific ones. `series`: each close post's own
    vote (seo.suggest.votes.series_chance) counts too, where the subject rules do not read.
    """
    lexical = lexical or {}
    tags, owner = tags_of_posts(index, np.asarray(votes.posts, dtype=np.int64))
    names = list(lexical)
    found = index.tags.positions(names).tolist()  # one hashed lookup for all names
    lexical_positions = {
        n: (t if t >= 0 else index.aliases.get(n)) for n, t in zip(names, found, strict=True)
    }
    known_lexical = {t: lexical[n] for n, t in lexical_positions.items() if t is not None}
    lexical_ids = np.fromiter(known_lexical, np.int64, len(known_lexical))
    candidates = np.concatenate([tags, lexical_ids, popular_generic(index)])
    unique, inverse = sorted_unique(candidates, inverse=True)
    if not len(unique) and not lexical:
        return []
    inverse = inverse[: len(tags)]
    size = len(unique)
    raw = np.bincount(inverse, weights=votes.weight[owner], minlength=size)
    similarity = np.bincount(inverse, weights=votes.similarity[owner], minlength=size)
    safe = np.maximum(raw, 1e-12)
    engagement = np.bincount(inverse, weights=(votes.weight * votes.engagement)[owner], minlength=size) / safe
    recency = np.bincount(inverse, weights=(votes.weight * votes.recency)[owner], minlength=size) / safe
    support = np.bincount(inverse, minlength=size)
    carries_typed = np.zeros(len(votes.posts), dtype=bool)
    if typed and len(tags):
        typed_arr = np.fromiter(typed, np.int64)
        carries_typed = np.bincount(owner[isin(tags, typed_arr)], minlength=len(votes.posts)) > 0
    cooccurrence = np.bincount(inverse, weights=carries_typed[owner].astype(np.float64), minlength=size)
    generic = np.asarray(index.tag_generic[unique], dtype=np.float64)
    prior = np.asarray(index.tag_df[unique], dtype=np.float64) / max(index.posts, 1)
    total = max(float(votes.weight.sum()), 1e-12)
    share = raw / total
    specific_share = share if topical else np.zeros(size)
    evidence = generic * share
    # Specific tags: the neighbours' vote share, calibrated and smoothed by corpus frequency.
    specific_probability = NEIGHBOUR_CALIBRATION * (
        (1.0 - PRIOR_WEIGHT) * specific_share + PRIOR_WEIGHT * prior
    )
    close = series_chance(votes, owner, inverse, size) if series and len(tags) else None
    if close is not None and topical:
        specific_probability = 1.0 - (1.0 - specific_probability) * (1.0 - close)
    # Capped below 1 so the noisy-or stays a probability and rises with the neighbours' evidence.
    written = np.zeros(size)
    if len(lexical_ids):  # every lexical id is in `unique` (sorted): place the rates by search
        written[np.searchsorted(unique, lexical_ids)] = np.fromiter(known_lexical.values(), np.float64)
    written = np.minimum(written * LEXICAL_WEIGHT, LEXICAL_CAP)
    specific_probability = 1.0 - (1.0 - specific_probability) * (1.0 - written)
    # Generic tags (#fyp is on ~40 % of tagged posts whatever they are about): their share of
    # tagged posts, nudged by the neighbours. Ranked by that probability they take a slot only
    # when they are likelier than the next specific tag; recommend() still keeps them out.
    base_rate = np.asarray(index.tag_df[unique], dtype=np.float64) / tagged_posts(index)
    # Bayesian: the base rate counts as GENERIC_PRIOR_POSTS posts, the neighbours as their
    # effective number, so three close posts move #fyp's chance less than thirty do.
    neighbours = total**2 / max(float(np.square(votes.weight).sum()), 1e-24)
    prior_posts = SERIES_GENERIC_PRIOR_POSTS if series else GENERIC_PRIOR_POSTS
    evidence_weight = neighbours / (neighbours + prior_posts)
    generic_probability = (1.0 - evidence_weight) * base_rate + evidence_weight * share
    if close is not None:
        generic_probability = 1.0 - (1.0 - generic_probability) * (1.0 - close)
    is_generic = generic < GENERIC_CUTOFF
    probability = np.where(is_generic, generic_probability, specific_probability)
    niche_factor = np.ones(size)
    code = index.niches.get(niche or "")
    if code is not None:
        niche_factor = np.where(np.asarray(index.tag_niche[unique]) == code, NICHE_BOOST, 1.0)
    rank_weight = SERIES_GENERIC_RANK_WEIGHT if series else GENERIC_RANK_WEIGHT
    score = probability * np.where(is_generic, rank_weight, 1.0) * niche_factor
    shown = ~np.asarray(index.tag_blocked[unique], dtype=bool) & (score > 0)
    if excluded or typed:
        shown &= ~isin(unique, np.fromiter(excluded | typed, np.int64, len(excluded | typed)))
    order = np.argsort(-score, kind="stable")
    chosen = order[shown[order]][:limit]
    # Each tag's three strongest voters as evidence: entries grouped by tag, strongest first.
    by_tag = np.lexsort((-votes.weight[owner], inverse)) if len(tags) else np.zeros(0, np.int64)
    group_start = np.searchsorted(inverse[by_tag], chosen)
    # The evidence of the chosen rows, rounded for display once per column (not per value).
    columns = {
        "similarity": np.round(similarity[chosen], 4),
        "evidence": np.round(evidence[chosen], 4),
        "prior": np.round(prior[chosen], 5),
        "in_caption": np.round(written[chosen], 4),
        "engagement": np.round(engagement[chosen], 4),
        "recency": np.round(recency[chosen], 4),
        "generic_factor": np.round(generic[chosen], 4),
        "niche_factor": np.round(niche_factor[chosen], 4),
        "similar_posts": support[chosen],
        "cooccurrence": cooccurrence[chosen].astype(np.int64),
    }
    rows = [
        dict(zip(columns, values, strict=True))
        for values in zip(*(c.tolist() for c in columns.values()), strict=True)
    ]
    out = [
        TagScore(tag=tag, name=index.tag_name(tag), score=value, parts=parts, example_posts=examples)
        for tag, value, parts, examples in zip(
            unique[chosen].tolist(),
            score[chosen].tolist(),
            rows,
            _strongest_voters(votes, owner, by_tag, group_start, support[chosen]),
            strict=True,
        )
    ]
    if LEXICAL_UNSEEN:
        for name, rate in lexical.items():
            if lexical_positions[name] is None and rate * LEXICAL_WEIGHT > 0:
                out.append(
                    TagScore(
                        -1,
                        name,
                        min(rate * LEXICAL_WEIGHT, LEXICAL_CAP) * UNSEEN_FACTOR,
                        {"in_caption": round(rate, 4)},
                        [],
                    )
                )
        out.sort(key=lambda s: -s.score)
    return out[:limit]


def _strongest_voters(
    votes: Votes, owner: np.ndarray, by_tag: np.ndarray, group_start: np.ndarray, support: np.ndarray
) -> list[list[int]]:
    """Per chosen tag, its (up to) three strongest voters' posts: the first entries of its group
    in `by_tag`, read a rank at a time for all tags at once (no numpy step per tag)."""
    examples: list[list[int]] = [[] for _ in range(len(group_start))]
    for rank in range(3):
        has = np.flatnonzero(support > rank)
        if not len(has):
            break
        posts = votes.posts[owner[by_tag[group_start[has] + rank]]].tolist()
        for row, post in zip(has.tolist(), posts, strict=True):
            examples[row].append(post)
    return examples


def tags_of_posts(index: LoadedIndex, posts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """All tags of `posts` and the position in `posts` each came from."""
    return csr_rows(index.post_tag_indptr, index.post_tags, posts)


def recommend(ranked: list[tuple[str, float, str, float]], *, low: int = 3, high: int = 5) -> list[str]:
    """Up to 5 tags mixing tiers: one broad for reach, mid and niche ones to be found by the right viewers.

    `ranked` holds (tag, score, tier, generic_factor), best first. Generic tags (factor below
    GENERIC_CUTOFF) are never advice: #fyp tells TikTok nothing about the video, so a set
    with too few specific tags stays short rather than being filled with them. Tier "own" (a
    tag made from the idea's own words, no trending post backs it) takes no tier's place:
    it fills the set after the tiers are served.
    """
    if not ranked:
        return []
    quota = {"broad": 1, "mid": 2, "niche": 2}
    top_score = ranked[0][1]
    specific = [r for r in ranked if r[3] >= GENERIC_CUTOFF]
    chosen: list[tuple[str, float, str, float]] = []
    for row in specific:
        if len(chosen) == high:
            break
        if quota.get(row[2], 0) > 0 and row[1] >= 0.05 * top_score:
            quota[row[2]] -= 1
            chosen.append(row)
    for row in specific:
        if len(chosen) >= high or (len(chosen) >= low and row[1] < 0.1 * top_score):
            break
        if row not in chosen:
            chosen.append(row)
    chosen.sort(key=lambda r: -r[1])
    return [r[0] for r in chosen[:high]]
