"""The trend corpus as arrays: posts, their days and slices, and (key, post) entries per kind.

Read with a handful of bulk queries (values_list, no model instances). Keyword
tokenising is the one costly step, so its result is cached per post in
DATA_DIR/trends/keywords.npz and an incremental run only tokenises posts imported
after the cache was written.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from django.conf import settings
from django.db.models import Count, Max

from seo.models import Hashtag, PostHashtag, TrendPost

logger = logging.getLogger(__name__)

Tokeniser = Callable[[str], Iterable[str]]
CHUNK = 20_000


def default_tokeniser() -> Tokeniser:
    """The suggestion index's word tokeniser: keywords are the index's (unigram) terms."""
    from seo.tokenize import words

    return words


class Codes:
    """Strings to small integers, in order of first appearance."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}

    def code(self, value: str) -> int:
        return self.index.setdefault(value, len(self.index))

    @property
    def names(self) -> list[str]:
        return list(self.index)


@dataclass
class Entries:
    """(post row, key) pairs of one kind, and the keys' names."""

    post: np.ndarray
    key: np.ndarray
    names: list[str]


@dataclass
class TrendCorpus:
    post_ids: np.ndarray  # sorted database ids
    day: np.ndarray  # date.toordinal() of posted_at (UTC); 0 when unknown
    views: np.ndarray  # 0 when unknown
    rate: np.ndarray  # engagement rate, nan when unknown
    slices: dict[str, tuple[np.ndarray, list[str]]]  # region / language: code per post (-1 none), names
    niche_post: np.ndarray  # (post row, niche code) pairs: a post is in the niches of its tags
    niche_names: list[str]
    entries: dict[str, Entries] = field(default_factory=dict)
    tokenised: int = 0

    @property
    def oldest(self) -> dt.date | None:
        known = self.day[self.day > 0]
        return dt.date.fromordinal(int(known.min())) if len(known) else None

    @property
    def newest(self) -> dt.date | None:
        known = self.day[self.day > 0]
        return dt.date.fromordinal(int(known.max())) if len(known) else None


def _day(moment: dt.datetime | None) -> int:
    return moment.astimezone(dt.UTC).date().toordinal() if moment is not None else 0


def corpus_fingerprint() -> str:
    """Changes whenever posts, their tags or the tags' curation change (cheap aggregates)."""
    posts = TrendPost.objects.aggregate(n=Count("id"), top=Max("id"), stamp=Max("imported_at"))
    links = PostHashtag.objects.aggregate(n=Count("id"), top=Max("id"))
    tags = hashlib.blake2b(digest_size=12)
    for row in Hashtag.objects.order_by("id").values_list(
        "id", "canonical_id", "niche", "is_blocked", "is_generic"
    ):
        tags.update(repr(row).encode())
    reference = getattr(settings, "TRENDS_REFERENCE_DATE", None) or ""
    stamp = posts["stamp"].isoformat() if posts["stamp"] else ""
    return f"{posts['n']}:{posts['top']}:{stamp}:{links['n']}:{links['top']}:{tags.hexdigest()}:{reference}"


def _hashtags() -> tuple[dict[int, int], list[str], list[int], list[str]]:
    """Tag id -> key number (canonical, not generic or blocked), key names, key niche codes, niches."""
    rows = {
        r[0]: r
        for r in Hashtag.objects.values_list(
            "id", "name", "canonical_id", "is_blocked", "is_generic", "niche"
        )
    }

    def canonical(tag_id: int) -> int:
        seen: set[int] = set()
        while rows[tag_id][2] is not None and rows[tag_id][2] in rows and tag_id not in seen:
            seen.add(tag_id)
            tag_id = rows[tag_id][2]
        return tag_id

    keys, niches = Codes(), Codes()
    key_of: dict[int, int] = {}
    key_niche: list[int] = []
    for tag_id in rows:
        root = rows[canonical(tag_id)]
        if root[3] or root[4]:
            continue  # blocked and generic tags (fyp) say nothing about a trend
        before = len(keys.index)
        key_of[tag_id] = keys.code(root[1])
        if len(keys.index) > before:
            key_niche.append(niches.code(root[5]) if root[5] else -1)
    return key_of, keys.names, key_niche, niches.names


def _pairs(query, columns: tuple[str, str]) -> np.ndarray:
    flat = np.fromiter(
        (value for row in query.values_list(*columns).iterator(chunk_size=CHUNK) for value in row),
        dtype=np.int64,
    )
    return flat.reshape(-1, 2)


def corpus_read(*, since_day: int, tokeniser: Tokeniser | None = None, use_cache: bool = True) -> TrendCorpus:
    """Posts posted on or after `since_day` (an ordinal) with their hashtag, keyword and sound entries."""
    since = dt.datetime.combine(dt.date.fromordinal(since_day), dt.time(), tzinfo=dt.UTC)
    posts = TrendPost.objects.filter(posted_at__gte=since).order_by("id")
    ids, days, views, rates, stamps = [], [], [], [], []
    regions, languages, sounds = Codes(), Codes(), Codes()
    region_codes, language_codes, sound_codes = [], [], []
    for pk, posted_at, view, rate, region, language, sound, imported_at in posts.values_list(
        "id", "posted_at", "views", "engagement_rate", "region", "language", "sound", "imported_at"
    ).iterator(chunk_size=CHUNK):
        ids.append(pk)
        days.append(_day(posted_at))
        views.append(view or 0)
        rates.append(np.nan if rate is None else rate)
        stamps.append(imported_at.timestamp() if imported_at else 0.0)
        region_codes.append(regions.code(region) if region else -1)
        language_codes.append(languages.code(language) if language else -1)
        sound_codes.append(sounds.code(sound) if sound else -1)
    post_ids = np.asarray(ids, dtype=np.int64)
    corpus = TrendCorpus(
        post_ids=post_ids,
        day=np.asarray(days, dtype=np.int64),
        views=np.asarray(views, dtype=np.float64),
        rate=np.asarray(rates, dtype=np.float64),
        slices={
            "region": (np.asarray(region_codes, dtype=np.int64), regions.names),
            "language": (np.asarray(language_codes, dtype=np.int64), languages.names),
        },
        niche_post=np.zeros((0, 2), dtype=np.int64),
        niche_names=[],
    )
    sound_array = np.asarray(sound_codes, dtype=np.int64)
    has_sound = np.flatnonzero(sound_array >= 0)
    corpus.entries["sound"] = Entries(post=has_sound, key=sound_array[has_sound], names=sounds.names)

    key_of, tag_names, key_niche, niche_names = _hashtags()
    links = _pairs(PostHashtag.objects.filter(post__posted_at__gte=since), ("post_id", "hashtag_id"))
    row = np.searchsorted(post_ids, links[:, 0]) if len(post_ids) else np.zeros(0, dtype=np.int64)
    lookup = np.full(max(key_of, default=0) + 1, -1, dtype=np.int64)
    lookup[list(key_of)] = list(key_of.values())
    key = lookup[np.minimum(links[:, 1], len(lookup) - 1)]
    valid = (key >= 0) & (links[:, 1] < len(lookup))
    # Two aliases of one tag on a post are one use of the canonical tag.
    pair = np.unique(row[valid] * (len(tag_names) + 1) + key[valid])
    tag_post, tag_key = pair // (len(tag_names) + 1), pair % (len(tag_names) + 1)
    corpus.entries["hashtag"] = Entries(post=tag_post, key=tag_key, names=tag_names)
    niche_of_key = np.asarray(key_niche, dtype=np.int64)
    niche = niche_of_key[tag_key] if len(tag_key) else np.zeros(0, dtype=np.int64)
    with_niche = niche >= 0
    niche_pair = np.unique(tag_post[with_niche] * (len(niche_names) + 1) + niche[with_niche])
    corpus.niche_post = np.stack(
        [niche_pair // (len(niche_names) + 1), niche_pair % (len(niche_names) + 1)], 1
    )
    corpus.niche_names = niche_names

    corpus.entries["keyword"], corpus.tokenised = keyword_entries(
        post_ids=post_ids,
        stamps=np.asarray(stamps, dtype=np.float64),
        tokeniser=tokeniser or default_tokeniser(),
        use_cache=use_cache,
    )
    return corpus


# --- keywords, with a per-post cache ----------------------------------------------------


def cache_path() -> Path:
    return Path(settings.DATA_DIR) / "trends" / "keywords.npz"


def _cache_load(path: Path) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, list[str]] | None:
    try:
        with np.load(path, allow_pickle=False) as data:
            names = json.loads(str(data["names"]))
            return data["post_ids"], data["stamps"], data["indptr"], data["indices"], names
    except (OSError, KeyError, ValueError):
        return None


def _captions(post_ids: np.ndarray, rows: list[int]) -> Iterable[tuple[int, str]]:
    """(row, caption) for the given rows: one scan when most are needed, else by id in chunks."""
    if len(rows) * 4 > len(post_ids):
        row_of = {int(post_ids[row]): row for row in rows}
        query = TrendPost.objects.filter(id__gte=int(post_ids[0]), id__lte=int(post_ids[-1]))
        for pk, caption in query.order_by("id").values_list("id", "caption").iterator(chunk_size=CHUNK):
            row = row_of.get(pk)
            if row is not None:
                yield row, caption
        return
    for start in range(0, len(rows), CHUNK):
        chunk = rows[start : start + CHUNK]
        captions = TrendPost.objects.filter(id__in=post_ids[chunk].tolist()).values_list("id", "caption")
        row_of = {int(post_ids[row]): row for row in chunk}
        for pk, caption in captions:
            yield row_of[pk], caption


def keyword_entries(
    *, post_ids: np.ndarray, stamps: np.ndarray, tokeniser: Tokeniser, use_cache: bool
) -> tuple[Entries, int]:
    """(post row, keyword) entries; only posts new or re-imported since the cache are tokenised."""
    path = cache_path()
    cached = _cache_load(path) if use_cache and path.exists() else None
    vocabulary = Codes()
    per_post: list[np.ndarray | None] = [None] * len(post_ids)
    if cached is not None:
        c_ids, c_stamps, c_indptr, c_indices, c_names = cached
        vocabulary.index = {name: i for i, name in enumerate(c_names)}
        at = np.searchsorted(c_ids, post_ids)
        at_clipped = np.minimum(at, max(len(c_ids) - 1, 0))
        fresh = (
            (at < len(c_ids)) & (c_ids[at_clipped] == post_ids) & (c_stamps[at_clipped] == stamps)
            if len(c_ids)
            else np.zeros(len(post_ids), dtype=bool)
        )
        for row in np.flatnonzero(fresh):
            source = at[row]
            per_post[row] = c_indices[c_indptr[source] : c_indptr[source + 1]]
    missing = [row for row, terms in enumerate(per_post) if terms is None]
    for row, caption in _captions(post_ids, missing):
        terms = {vocabulary.code(term) for term in tokeniser(caption)}
        per_post[row] = np.fromiter(sorted(terms), dtype=np.int64, count=len(terms))
    for row in missing:
        if per_post[row] is None:  # deleted while we read
            per_post[row] = np.zeros(0, dtype=np.int64)
    lengths = np.fromiter((len(t) for t in per_post), dtype=np.int64, count=len(per_post))
    indptr = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)
    indices = np.concatenate(per_post) if per_post else np.zeros(0, dtype=np.int64)
    names = vocabulary.names
    if use_cache:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp.npz")
        np.savez(
            temporary,
            post_ids=post_ids,
            stamps=stamps,
            indptr=indptr,
            indices=indices.astype(np.int64),
            names=np.asarray(json.dumps(names, ensure_ascii=False)),
        )
        temporary.replace(path)
    post = np.repeat(np.arange(len(post_ids), dtype=np.int64), lengths)
    return Entries(post=post, key=indices.astype(np.int64), names=names), len(missing)


def cache_clear() -> None:
    cache_path().unlink(missing_ok=True)
