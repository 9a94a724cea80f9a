"""The suggestion index as each process serves it: loaded once, re-checked every few seconds."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterable
from pathlib import Path

from django.conf import settings

from seo.index.store import LoadedIndex
from seo.models import IndexVersion
from seo.text.specificity import FILLER_BELOW

logger = logging.getLogger(__name__)


def reload_seconds() -> float:
    return settings.HOOKLINE_INDEX_RELOAD_SECONDS


class _Serving:
    lock = threading.Lock()
    index: LoadedIndex | None = None
    checked_at: float = -1e9


def active_index(*, force_check: bool = False) -> LoadedIndex | None:
    """The active version, loaded once per process; re-checks the database every few seconds."""
    now = time.monotonic()
    if not force_check and now - _Serving.checked_at < reload_seconds():
        return _Serving.index
    with _Serving.lock:
        row = (
            IndexVersion.objects.filter(status=IndexVersion.Status.ACTIVE)
            .values_list("version", "path")
            .first()
        )
        _Serving.checked_at = time.monotonic()
        if row is None:
            _Serving.index = None
        elif _Serving.index is None or _Serving.index.version != row[0]:
            try:
                _Serving.index = LoadedIndex(Path(settings.DATA_DIR) / row[1], version=row[0])
                logger.info("loaded suggestion index v%s", row[0])
            except (OSError, ValueError, KeyError):
                # Files vanished or are unreadable: keep serving what we have.
                logger.exception(
                    "could not load index v%s; keeping v%s", row[0], _Serving.index and _Serving.index.version
                )
    return _Serving.index


def filler_words(words: Iterable[str]) -> set[str]:
    """Those of `words` the active index measured as filler ("love", "day", "video"): used
    across unrelated posts, they name no topic. Empty when no index is serving."""
    index = active_index()
    words = list(words)
    if index is None or not words:
        return set()
    positions = index.terms.positions(words).tolist()
    return {
        word
        for word, position in zip(words, positions, strict=True)
        if position >= 0 and index.term_specific[position] < FILLER_BELOW
    }


def reset_loaded_index() -> None:
    """Forget the loaded index and cached blocked tags (tests use this to simulate a fresh process)."""
    from seo.suggest import engine as suggest  # imported here: seo.suggest imports this module
    from seo.suggest.stages import forget_stages

    with _Serving.lock:
        _Serving.index = None
        _Serving.checked_at = -1e9
    suggest._Blocked.checked_at = -1e9
    forget_stages()
