"""Trend stages in the suggestions: rising hashtags and keywords move up, declining ones down.

The trends app computes a stage per hashtag and keyword. It hands them to the
suggestions through the one narrow interface here: at start-up (TrendsConfig.ready) it
registers a reader of the whole all-posts stage table and the multiplier of each stage
(stage_source_register), so nothing in seo imports the trends app. Reading stages per
suggestion would cost more than the rest of the suggestion, so each process holds the
table (a few thousand rows) as one of seo.index.serving's tables, and the keyword stages
as sorted term ids of the loaded index, so that scoring hundreds of candidate terms is
one searchsorted. Without a registered source every factor is 1.0.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping

import numpy as np
from django.conf import settings

from seo.index.serving import index_derived, serving_table
from seo.index.store import LoadedIndex

logger = logging.getLogger(__name__)

Stages = dict[str, dict[str, str]]  # {"hashtag": {tag: stage}, "keyword": {term: stage}}
_NO_STAGES: dict[str, str] = {}  # one object, so data derived from "no stages" stays cached


class _Source:
    read: Callable[[], Stages] | None = None
    multipliers: Mapping[str, float] = {}


def stage_source_register(*, read: Callable[[], Stages], multipliers: Mapping[str, float]) -> None:
    """Where stages come from (a reader of the whole table) and what each stage multiplies by."""
    _Source.read, _Source.multipliers = read, dict(multipliers)


def stages_enabled() -> bool:
    """SUGGEST_TREND_STAGES=0 switches the boost off (the evaluation measures both ways)."""
    return settings.SUGGEST_TREND_STAGES


def all_stages() -> Stages:
    """The registered source's table; no stages without one."""
    return _Source.read() if _Source.read is not None else {}


def _read_stages() -> Stages:
    try:
        return all_stages()
    except Exception:  # trend figures are an extra signal: never let them break suggestions
        logger.exception("could not read trend stages; suggesting without them")
        return {}


def cached_stages(kind: str, index: LoadedIndex) -> dict[str, str]:
    """{key: stage} for `kind` ("hashtag" or "keyword"); empty when switched off or unreadable."""
    if not stages_enabled():
        return _NO_STAGES
    return serving_table("trend_stages", _read_stages).get(kind, _NO_STAGES)


def _keyword_factors(index: LoadedIndex, keywords: dict[str, str]) -> tuple[np.ndarray, np.ndarray]:
    """The keyword stages as sorted term ids of `index` and their factors."""
    terms = list(keywords)
    ids = index.terms.positions(terms) if terms else np.zeros(0, np.int64)
    factors = np.array([stage_multiplier(keywords[t]) for t in terms], dtype=np.float64)
    known = ids >= 0
    order = np.argsort(ids[known], kind="stable")
    return np.asarray(ids[known][order], dtype=np.int64), factors[known][order]


def keyword_boost(index: LoadedIndex):
    """A function from term ids to stage factors for seo.suggest.keyword_rank.score_keywords; None when off."""
    if not stages_enabled():
        return None
    keywords = cached_stages("keyword", index)
    ids, factors = index_derived(
        index, "keyword_stages", lambda: _keyword_factors(index, keywords), source=keywords
    )
    if not len(ids):
        return None

    def boost(terms: np.ndarray) -> np.ndarray:
        where = np.minimum(np.searchsorted(ids, terms), len(ids) - 1)
        return np.where(ids[where] == terms, factors[where], 1.0)

    return boost


def stage_multiplier(stage: str | None) -> float:
    return float(_Source.multipliers.get(stage, 1.0)) if stage else 1.0
