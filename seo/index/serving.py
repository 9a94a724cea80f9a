"""Every per-process cache of seo, and the one rule by which it expires.

A process serving suggestions holds three kinds of state, all of it here:
- the active index version, loaded once (memory-mapped) by active_index();
- small tables read from the database that every suggestion needs (the blocked tags,
  the trend stages), through serving_table();
- data computed from the loaded index (evidence rows, language groups, the score's
  remembered suggestions, mined patterns, ...), through index_derived(): it hangs on
  the LoadedIndex and goes with it.

The one rule: nothing is older than HOOKLINE_INDEX_RELOAD_SECONDS when it is used. At
most that often the process asks the database which version is active (a new one
replaces the loaded index, and everything derived from it goes with the old one) and
re-reads each table. serving_expire() makes everything due at once (what the interval
passing does); reset_loaded_index() forgets everything (a fresh process, in tests).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

from django.conf import settings

from seo.index.store import LoadedIndex
from seo.models import IndexVersion
from seo.text.specificity import FILLER_BELOW

logger = logging.getLogger(__name__)

T = TypeVar("T")


def reload_seconds() -> float:
    return settings.HOOKLINE_INDEX_RELOAD_SECONDS


class _Serving:
    lock = threading.Lock()
    index: LoadedIndex | None = None
    checked_at: float = -1e9
    tables: dict[str, tuple[float, Any]] = {}  # name -> (read at, value)


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


def serving_table(name: str, read: Callable[[], T]) -> T:
    """`read()`'s value, read at most once per HOOKLINE_INDEX_RELOAD_SECONDS in this process.

    A re-read equal to the held value keeps the held object, so data derived from it
    (index_derived with `source=`) stays valid until the table really changes.
    """
    now = time.monotonic()
    held = _Serving.tables.get(name)
    if held is not None and now - held[0] < reload_seconds():
        return held[1]
    value = read()
    if held is not None and value == held[1]:
        value = held[1]
    _Serving.tables[name] = (now, value)
    return value


def index_derived(index: LoadedIndex, name: str, compute: Callable[[], T], *, source: object = None) -> T:
    """`compute()`'s value for this loaded index, computed once: it lives and dies with the index.

    `source` is what else the value was computed from (a table of serving_table): when
    that object changes, the value is computed again.
    """
    held = index.derived.get(name)
    if held is None or held[0] is not source:
        held = index.derived[name] = (source, compute())
    return held[1]


def serving_expire() -> None:
    """Make every check due now, as if the reload interval had passed (the loaded index stays
    when its version is still the active one)."""
    with _Serving.lock:
        _Serving.checked_at = -1e9
        _Serving.tables = {}


def reset_loaded_index() -> None:
    """Forget the loaded index and every table (tests use this to simulate a fresh process)."""
    with _Serving.lock:
        _Serving.index = None
        _Serving.checked_at = -1e9
        _Serving.tables = {}
