"""Keywords for seo.suggest.engine: the search terms of the closest posts, weighted by their
votes (seo.suggest.votes), and where each keyword goes in the video.

The constants were checked with `benchmarks/evaluate.py --tune` (KEYWORD_MIN_POSTS with its
keyword proxy).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from seo.index.csr import csr_rows
from seo.index.sets import isin, sorted_unique
from seo.index.store import LoadedIndex
from seo.suggest.votes import Votes
from seo.text.filler import frames_phrase
from seo.text.subject_lists import PRAISE
from seo.text.tokenize import is_function_term

KEYWORD_NEIGHBOURS = 30
# A term the query lacks is offered only when this many close posts use it: one post's
# words are that post's, not the topic's (benchmarks/evaluate.py measures the difference).
KEYWORD_MIN_POSTS = 2
QUERY_TERM_BOOST = 1.0


@dataclass
class KeywordScore:
    term: int
    name: str  # read once here, where the function-word check needs it
    score: float
    posts: int
    engagement: float
    example_posts: list[int]
    in_query: bool


def score_keywords(
    index: LoadedIndex,
    votes: Votes,
    query_terms: np.ndarray,
    k: int,
    boost: Callable[[np.ndarray], np.ndarray] | None = None,
    topical: bool = True,
) -> list[KeywordScore]:
    """Search terms of the closest posts, weighted by their votes, by how distinctive (idf) and
    how specific (seo.text.specificity: words of one topic, not filler) they are.

    `boost` maps term ids to score factors (the trend stages, seo.suggest.stages).

    Candidates are each close post's strongest terms (the forward lists) plus the
    query's own terms, whose presence in the close posts is read from the postings. A term
    the query lacks needs KEYWORD_MIN_POSTS close posts using it, and none is offered when the
    query is not `topical`.
    """
    posts = np.asarray(votes.posts[:KEYWORD_NEIGHBOURS], dtype=np.int64)
    forward, forward_owner = csr_rows(index.forward_indptr, index.forward_terms, posts)
    query_hits, query_owner = index.posts_with_terms(query_terms, posts)
    candidates = np.concatenate([forward, query_hits])
    owners = np.concatenate([forward_owner, query_owner])
    pairs = sorted_unique(candidates * len(posts) + owners) if len(posts) else []
    if not len(pairs):
        return []
    terms, owner = pairs // len(posts), pairs % len(posts)
    unique, inverse = sorted_unique(terms, inverse=True)
    in_query = isin(unique, query_terms)
    idf = np.asarray(index.idf[unique], dtype=np.float64)
    score = np.bincount(inverse, weights=votes.weight[owner]) * idf * (1.0 + QUERY_TERM_BOOST * in_query)
    score = score * index.term_specific[unique]  # filler words ("love", "day", "video") say little
    if boost is not None:
        score = score * boost(unique)
    support = np.bincount(inverse, minlength=len(unique))
    eligible = np.flatnonzero(in_query | (support >= KEYWORD_MIN_POSTS))
    if not topical:  # the close posts share the query's language, not its topic
        eligible = eligible[in_query[eligible]]
    rates = np.asarray(index.post_rate[posts], dtype=np.float64)
    # `pairs` is sorted by term, so each term's posts are one run of `owner`.
    starts = (np.cumsum(support) - support).tolist()
    out = []
    for i in eligible[np.argsort(-score[eligible], kind="stable")].tolist():
        if len(out) == k:
            break
        name = index.terms[int(unique[i])]
        if is_function_term(name) or frames_phrase(name) or name in PRAISE:
            continue  # "как": the query's language; "lagre preikestolen": framing; "cheapest": praise
        mine = owner[starts[i] : starts[i] + int(support[i])]
        known = rates[mine]
        known = known[known >= 0]
        best = mine[np.argsort(-votes.weight[mine], kind="stable")[:2]]
        out.append(
            KeywordScore(
                term=int(unique[i]),
                name=name,
                score=float(score[i]),
                posts=len(mine),
                engagement=_median(known),
                example_posts=[int(posts[p]) for p in best],
                in_query=bool(in_query[i]),
            )
        )
    return out


def _median(values: np.ndarray) -> float:
    if not len(values):
        return 0.0
    ordered = np.sort(values)
    middle = len(ordered) // 2
    return float(ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2)


def placement(rank: int, term: str) -> list[str]:
    """Where a keyword goes: TikTok search reads the spoken hook, on-screen text and caption.

    The strongest two terms belong in the hook (said in the first seconds), short
    phrases among the top five on screen, every keyword in the caption.
    """
    where = []
    if rank < 2:
        where.append("hook")
    if rank < 5 and len(term) <= 30:
        where.append("on_screen")
    where.append("caption")
    return where
