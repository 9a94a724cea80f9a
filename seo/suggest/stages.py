"""Trend stages in the suggestions: rising hashtags and keywords move up, declining ones down.

The trends app stores a stage per hashtag and keyword (trends.selectors.all_stages).
Reading them per suggestion would cost more than the rest of the suggestion, so each
process keeps the whole all-posts table (a few thousand rows) and re-reads it every
STAGE_CACHE_SECONDS, or at once when another index version is loaded. The multipliers
live in trends.selectors.STAGE_MULTIPLIERS; a key without a stage keeps 1.0.
"""

from __future__ import annotations

import logging
import time

import numpy as np
from django.conf import settings

from seo.index.store import LoadedIndex
from trends.selectors import STAGE_MULTIPLIERS, all_stages

logger = logging.getLogger(__name__)

STAGE_CACHE_SECONDS = 60.0


class _Cache:
    stages: dict[str, dict[str, str]] = {}
    # Keyword stages as sorted term ids of the loaded index and their factors, so that
    # scoring hundreds of candidate terms is one searchsorted, not hundreds of lookups.
    term_ids: np.ndarray = np.zeros(0, np.int64)
    term_factors: np.ndarray = np.ones(0)
    filled_at: float = -1e9
    index_path: str | None = None


def stages_enabled() -> bool:
    """SUGGEST_TREND_STAGES=0 switches the boost off (the evaluation measures both ways)."""
    return settings.SUGGEST_TREND_STAGES


def _refresh(index: LoadedIndex) -> None:
    now = time.monotonic()
    if now - _Cache.filled_at <= STAGE_CACHE_SECONDS and _Cache.index_path == str(index.path):
        return
    _Cache.filled_at, _Cache.index_path = now, str(index.path)
    try:
        stages = all_stages()
    except Exception:  # trend figures are an extra signal: never let them break suggestions
        logger.exception("could not read trend stages; suggesting without them")
        stages = {}
    _Cache.stages = stages
    keywords = stages.get("keyword", {})
    terms = list(keywords)
    ids = index.terms.positions(terms) if terms else np.zeros(0, np.int64)
    factors = np.array([stage_multiplier(keywords[t]) for t in terms], dtype=np.float64)
    known = ids >= 0
    order = np.argsort(ids[known], kind="stable")
    _Cache.term_ids = np.asarray(ids[known][order], dtype=np.int64)
    _Cache.term_factors = factors[known][order]


def cached_stages(kind: str, index: LoadedIndex) -> dict[str, str]:
    """{key: stage} for `kind` ("hashtag" or "keyword"); empty when switched off or unreadable."""
    if not stages_enabled():
        return {}
    _refresh(index)
    return _Cache.stages.get(kind, {})


def keyword_boost(index: LoadedIndex):
    """A function from term ids to stage factors for seo.suggest.rank.score_keywords; None when off."""
    if not stages_enabled():
        return None
    _refresh(index)
    ids, factors = _Cache.term_ids, _Cache.term_factors
    if not len(ids):
        return None

    def boost(terms: np.ndarray) -> np.ndarray:
        where = np.minimum(np.searchsorted(ids, terms), len(ids) - 1)
        return np.where(ids[where] == terms, factors[where], 1.0)

    return boost


def stage_multiplier(stage: str | None) -> float:
    return float(STAGE_MULTIPLIERS.get(stage, 1.0)) if stage else 1.0


def forget_stages() -> None:
    """Re-read on the next suggestion (tests simulate a fresh process with this)."""
    _Cache.filled_at = -1e9
