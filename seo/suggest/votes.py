"""The vote each similar post casts for seo.suggest.rank (tags) and seo.suggest.keyword_rank.

Each similar post votes with similarity x engagement x recency (x a language match
factor); the constants were checked with `benchmarks/evaluate.py --tune`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from seo.index.sets import isin
from seo.index.store import LoadedIndex
from seo.suggest.language_groups import language_group
from seo.text.tokenize import is_function_term

SIMILARITY_POWER = 1.0
OTHER_LANGUAGE_FACTOR = 0.5
# Where the subject rules do not read the idea (Vietnamese, Thai, Indonesian, ...), a close post
# also votes on its own: it hands a tag to the query with chance SERIES_CHANCE x
# similarity^SERIES_POWER. A creator's series (near-duplicate captions) keeps its tags, generic
# ones included, from post to post: one post at 0.9 says more than its share of thirty loose votes.
SERIES_CHANCE = 0.6
SERIES_POWER = 2.0


@dataclass
class Votes:
    posts: np.ndarray  # neighbour post indices, best first
    similarity: np.ndarray
    weight: np.ndarray  # the vote each post casts
    engagement: np.ndarray
    recency: np.ndarray


def post_votes(index: LoadedIndex, posts: np.ndarray, similarity: np.ndarray, language: str | None) -> Votes:
    engagement = np.asarray(index.post_engagement[posts], dtype=np.float64)
    recency = np.asarray(index.post_recency[posts], dtype=np.float64)
    weight = np.power(np.maximum(similarity.astype(np.float64), 0.0), SIMILARITY_POWER) * engagement * recency
    group = language_group(language)
    codes = [code for name, code in index.languages.items() if group and language_group(name) == group]
    if codes:  # "nb" asked: posts in "nb", "nn" or "no" are in the same language
        post_language = np.asarray(index.post_language[posts])
        same = isin(post_language, codes) | (post_language == 0)
        weight = weight * np.where(same, 1.0, OTHER_LANGUAGE_FACTOR)
    return Votes(posts, similarity.astype(np.float64), weight, engagement, recency)


def topical_query(index: LoadedIndex, query_terms: np.ndarray) -> bool:
    """Whether a known query term is more than another script's function word: "как" (how)
    finds Russian posts, any Russian posts, so alone it tells the language, not the topic."""
    return any(not is_function_term(index.terms[int(t)]) for t in query_terms.tolist())


def series_chance(votes: Votes, owner: np.ndarray, inverse: np.ndarray, size: int) -> np.ndarray:
    """Per candidate tag (`inverse` numbers each (tag, post `owner`) entry's tag): the chance at
    least one close post carrying it hands it on, combined (noisy-or) over those posts."""
    similarity = np.maximum(votes.similarity, 0.0)
    chance = np.minimum(SERIES_CHANCE * np.power(similarity, SERIES_POWER), 0.95)
    return 1.0 - np.exp(np.bincount(inverse, weights=np.log1p(-chance[owner]), minlength=size))
