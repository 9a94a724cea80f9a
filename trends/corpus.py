"""The trend corpus as arrays: posts, their days and slices, and (key, post) entries per kind.

Read with a handful of bulk queries (values_list, no model instances). Keyword
tokenising is the one costly step, so its result is cached per post in
DATA_DIR/trends/keywords.npz and an incremental run only tokenises posts imported
after the cache was written.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from django.conf import settings
from django.db import connection
from django.db.models import Count, F, IntegerField, Max, Sum
from django.db.models.functions import Cast, Coalesce, Length, Ord

from seo.models import Hashtag, PostHashtag, TrendPost

logger = logging.getLogger(__name__)

Tokeniser = Callable[[str], Iterable[str]]
CHUNK = 20_000
# Part of the keyword cache's version (with the tokeniser's): change it when the words a
# caption yields as keywords change here, so cached posts are tokenised again.
KEYWORD_RULES = "no function words of other scripts"


def default_tokeniser() -> Tokeniser:
    """The suggestion index's words that may be offered as keywords (its unigram terms,
    other scripts' function words left out)."""
    from seo.text.tokenize import keyword_words

    return keyword_words


def keywords_version() -> str:
    """Stored with the keyword cache: a cache made by other tokeniser rules is not reused."""
    from seo.text.tokenize import TOKENISER_VERSION

    return f"tokeniser {TOKENISER_VERSION}, {KEYWORD_RULES}"


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


def corpus_fingerprint() -> str:
    """Changes whenever posts, their tags or the tags' curation change (cheap aggregates)."""
    posts = TrendPost.objects.aggregate(n=Count("id"), top=Max("id"), stamp=Max("imported_at"))
    links = PostHashtag.objects.aggregate(n=Count("id"), top=Max("id"))
    # Curation changes (alias folds, niches, blocked/generic flags) move at least one of these sums.
    tags = Hashtag.objects.aggregate(
        n=Count("id"),
        top=Max("id"),
        folds=Sum(Coalesce("canonical_id", 0) * F("id") % 1_000_003),
        niches=Sum(Length("niche") * F("id") % 1_000_003),
        niche_kinds=Count("niche", distinct=True),
        niche_letters=Sum(Ord("niche") * F("id") % 1_000_003),
        blocked=Sum(Cast("is_blocked", IntegerField()) * F("id") % 1_000_003),
        generic=Sum(Cast("is_generic", IntegerField()) * F("id") % 1_000_003),
    )
    tag_state = ":".join(
        str(tags[k] or 0)
        for k in ("n", "top", "folds", "niches", "niche_kinds", "niche_letters", "blocked", "generic")
    )
    reference = settings.TRENDS_REFERENCE_DATE or ""
    stamp = posts["stamp"].isoformat() if posts["stamp"] else ""
    return f"{posts['n']}:{posts['top']}:{stamp}:{links['n']}:{links['top']}:{tag_state}:{reference}"


def _hashtags() -> tuple[np.ndarray, list[str], np.ndarray, list[str]]:
    """Tag id -> key number (-1: generic, blocked or unknown), key names, each key's niche code, niches.

    Aliases resolve to their canonical tag by pointer jumping over arrays (chains and
    even a cycle end after a few steps), not a Python walk per tag.
    """
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT id, name, canonical_id, is_blocked, is_generic, niche FROM {Hashtag._meta.db_table}"  # noqa: S608
        )
        rows = cursor.fetchall()
    if not rows:
        return np.full(1, -1, dtype=np.int64), [], np.zeros(0, dtype=np.int64), []
    ids, names, parents, blocked, generic, niches = zip(*rows, strict=True)
    tag_ids = np.asarray(ids, dtype=np.int64)
    size = int(tag_ids.max()) + 1
    parent = np.arange(size, dtype=np.int64)
    targets = np.asarray(
        [p if p is not None else i for i, p in zip(ids, parents, strict=True)], dtype=np.int64
    )
    parent[tag_ids] = np.where(targets < size, targets, tag_ids)
    root = parent.copy()
    for _ in range(8):
        root = parent[root]
    row_of = np.full(size, -1, dtype=np.int64)
    row_of[tag_ids] = np.arange(len(ids))
    root_row = row_of[root[tag_ids]]
    root_row = np.where(root_row >= 0, root_row, np.arange(len(ids)))
    excluded = np.asarray(blocked, dtype=bool) | np.asarray(generic, dtype=bool)
    usable = ~excluded[root_row]
    key_rows = _distinct(root_row[usable])
    key_of_row = np.searchsorted(key_rows, root_row[usable])
    key_of = np.full(size, -1, dtype=np.int64)
    key_of[tag_ids[usable]] = key_of_row
    niche_codes, niche_names = _codes([niches[r] for r in key_rows.tolist()])
    return key_of, [names[r] for r in key_rows.tolist()], niche_codes, niche_names


def _sql(vendor: str) -> tuple[str, str]:
    """SQL for (UTC day ordinal of posted_at, imported_at as a number): cheaper than datetimes in Python."""
    if vendor == "postgresql":
        return (
            "((posted_at AT TIME ZONE 'UTC')::date - DATE '0001-01-01' + 1)",
            "EXTRACT(EPOCH FROM imported_at)::float8",
        )
    if vendor == "sqlite":  # Django stores UTC text; julianday(0001-01-01) is 1721425.5
        return "CAST(julianday(date(posted_at)) - 1721424.5 AS INTEGER)", "julianday(imported_at)"
    raise NotImplementedError(f"trend statistics support SQLite and PostgreSQL, not {vendor}")


def _rows(sql: str, params: list) -> Iterable[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        while batch := cursor.fetchmany(CHUNK * 5):
            yield from batch


def _codes(values: list) -> tuple[np.ndarray, list[str]]:
    """Codes of a string column (-1 for empty) and the distinct non-empty strings, in C-speed steps."""
    names = [name for name in dict.fromkeys(values) if name]
    index = {name: i for i, name in enumerate(names)}
    index[""] = index[None] = -1
    return np.fromiter(map(index.__getitem__, values), dtype=np.int64, count=len(values)), names


def _distinct(values: np.ndarray) -> np.ndarray:
    """Sorted distinct values: np.sort and a neighbour test (np.unique's hash path is slower here)."""
    ordered = np.sort(values)
    if not len(ordered):
        return ordered
    return ordered[np.concatenate([[True], ordered[1:] != ordered[:-1]])]


def corpus_read(*, tokeniser: Tokeniser | None = None, use_cache: bool = True) -> TrendCorpus:
    """Every post with its hashtag, keyword and sound entries.

    All posts are read in table order (a plain scan: filtering on posted_at made the
    database sort a million rows); posts older than the history simply weigh nothing.
    """
    day_sql, stamp_sql = _sql(connection.vendor)
    post_table, link_table = TrendPost._meta.db_table, PostHashtag._meta.db_table
    query = (
        f"SELECT id, {day_sql}, views, engagement_rate, region, language, sound, {stamp_sql} "  # noqa: S608
        f"FROM {post_table} ORDER BY id"
    )
    columns: list[list] = [[] for _ in range(8)]
    with connection.cursor() as cursor:
        cursor.execute(query)
        while batch := cursor.fetchmany(CHUNK * 5):
            # Transposing a batch with zip(*) keeps the per-row work in C.
            for column, values in zip(columns, zip(*batch, strict=True), strict=True):
                column.extend(values)
    ids, days, views, rates, region_list, language_list, sound_list, stamps = columns
    region_codes, regions = _codes(region_list)
    language_codes, languages = _codes(language_list)
    sound_codes, sounds = _codes(sound_list)
    post_ids = np.asarray(ids, dtype=np.int64)
    corpus = TrendCorpus(
        post_ids=post_ids,
        day=np.nan_to_num(np.asarray(days, dtype=np.float64), nan=0).astype(np.int64),
        views=np.nan_to_num(np.asarray(views, dtype=np.float64), nan=0.0),
        rate=np.asarray(rates, dtype=np.float64),  # None becomes nan
        slices={"region": (region_codes, regions), "language": (language_codes, languages)},
        niche_post=np.zeros((0, 2), dtype=np.int64),
        niche_names=[],
    )
    has_sound = np.flatnonzero(sound_codes >= 0)
    corpus.entries["sound"] = Entries(post=has_sound, key=sound_codes[has_sound], names=sounds)

    key_of, tag_names, key_niche, niche_names = _hashtags()
    # One number per link (post_id * 2^32 + hashtag_id): a single column reads twice as fast.
    packed = np.fromiter(
        (row[0] for row in _rows(f"SELECT post_id * 4294967296 + hashtag_id FROM {link_table}", [])),  # noqa: S608
        dtype=np.int64,
    )
    link_post, link_tag = packed >> 32, packed & 0xFFFFFFFF
    row = np.searchsorted(post_ids, link_post) if len(post_ids) else np.zeros(len(packed), dtype=np.int64)
    in_corpus = (row < len(post_ids)) & (post_ids[np.minimum(row, max(len(post_ids) - 1, 0))] == link_post)
    if not len(post_ids):
        in_corpus[:] = False
    lookup = key_of
    known_tag = link_tag < len(lookup)
    key = np.where(known_tag, lookup[np.where(known_tag, link_tag, 0)], -1)
    valid = in_corpus & (key >= 0)
    # Two aliases of one tag on a post are one use of the canonical tag.
    pair = _distinct(row[valid] * (len(tag_names) + 1) + key[valid])
    tag_post, tag_key = pair // (len(tag_names) + 1), pair % (len(tag_names) + 1)
    corpus.entries["hashtag"] = Entries(post=tag_post, key=tag_key, names=tag_names)
    niche_of_key = key_niche
    niche = niche_of_key[tag_key] if len(tag_key) else np.zeros(0, dtype=np.int64)
    with_niche = niche >= 0
    niche_pair = _distinct(tag_post[with_niche] * (len(niche_names) + 1) + niche[with_niche])
    corpus.niche_post = np.stack(
        [niche_pair // (len(niche_names) + 1), niche_pair % (len(niche_names) + 1)], 1
    )
    corpus.niche_names = niche_names

    corpus.entries["keyword"], corpus.tokenised = keyword_entries(
        post_ids=post_ids,
        stamps=np.nan_to_num(np.asarray(stamps, dtype=np.float64), nan=0.0),
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
            if str(data["version"]) != keywords_version():
                return None  # made by other rules: tokenise every post again
            return data["post_ids"], data["stamps"], data["indptr"], data["indices"], names
    except (OSError, KeyError, ValueError):
        return None


def _captions(post_ids: np.ndarray, rows: np.ndarray) -> Iterable[tuple[int, str]]:
    """(row, caption) for the given rows: one scan when most are needed, else by id in chunks."""
    table = TrendPost._meta.db_table
    if len(rows) * 4 > len(post_ids):
        row_of = dict(zip(post_ids[rows].tolist(), rows.tolist(), strict=True))
        query = f"SELECT id, caption FROM {table} WHERE id >= %s AND id <= %s"  # noqa: S608
        for pk, caption in _rows(query, [int(post_ids[0]), int(post_ids[-1])]):
            row = row_of.get(pk)
            if row is not None:
                yield row, caption
        return
    for start in range(0, len(rows), CHUNK):
        chunk = rows[start : start + CHUNK]
        row_of = dict(zip(post_ids[chunk].tolist(), chunk.tolist(), strict=True))
        captions = TrendPost.objects.filter(id__in=list(row_of)).values_list("id", "caption")
        for pk, caption in captions:
            yield row_of[pk], caption


def _gather(indptr: np.ndarray, indices: np.ndarray, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The CSR slices of `rows`, concatenated, and their lengths (vectorised)."""
    lengths = indptr[rows + 1] - indptr[rows]
    offsets = np.arange(int(lengths.sum())) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    return indices[np.repeat(indptr[rows], lengths) + offsets], lengths


def keyword_entries(
    *, post_ids: np.ndarray, stamps: np.ndarray, tokeniser: Tokeniser, use_cache: bool
) -> tuple[Entries, int]:
    """(post row, keyword) entries; only posts new or re-imported since the cache are tokenised."""
    path = cache_path()
    cached = _cache_load(path) if use_cache and path.exists() else None
    vocabulary = Codes()
    fresh = np.zeros(len(post_ids), dtype=bool)
    source = np.zeros(len(post_ids), dtype=np.int64)
    c_indptr, c_indices = np.zeros(1, dtype=np.int64), np.zeros(0, dtype=np.int64)
    if cached is not None and len(cached[0]):
        c_ids, c_stamps, c_indptr, c_indices, c_names = cached
        vocabulary.index = {name: i for i, name in enumerate(c_names)}
        source = np.minimum(np.searchsorted(c_ids, post_ids), len(c_ids) - 1)
        fresh = (c_ids[source] == post_ids) & (c_stamps[source] == stamps)
    missing = np.flatnonzero(~fresh)
    code = vocabulary.code
    new_terms: list[int] = []
    new_lengths = np.zeros(len(post_ids), dtype=np.int64)
    new_rows: list[int] = []
    for row, caption in _captions(post_ids, missing):
        terms = {code(term) for term in tokeniser(caption or "")}
        new_rows.append(row)
        new_terms.extend(sorted(terms))
        new_lengths[row] = len(terms)
    lengths = new_lengths.copy()
    old_terms, old_lengths = _gather(c_indptr, c_indices, source[fresh])
    lengths[fresh] = old_lengths
    indptr = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)
    indices = np.zeros(int(indptr[-1]), dtype=np.int64)
    fresh_rows = np.flatnonzero(fresh)
    indices[np.repeat(indptr[fresh_rows], old_lengths) + _offsets(old_lengths)] = old_terms
    order = np.asarray(new_rows, dtype=np.int64)
    counts = new_lengths[order]
    indices[np.repeat(indptr[order], counts) + _offsets(counts)] = np.asarray(new_terms, dtype=np.int64)
    names = vocabulary.names
    if use_cache:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp.npz")
        np.savez(
            temporary,
            post_ids=post_ids,
            stamps=stamps,
            indptr=indptr,
            indices=indices,
            names=np.asarray(json.dumps(names, ensure_ascii=False)),
            version=np.asarray(keywords_version()),
        )
        temporary.replace(path)
    post = np.repeat(np.arange(len(post_ids), dtype=np.int64), lengths)
    return Entries(post=post, key=indices, names=names), len(new_rows)


def _offsets(lengths: np.ndarray) -> np.ndarray:
    return np.arange(int(lengths.sum())) - np.repeat(np.cumsum(lengths) - lengths, lengths)


def cache_clear() -> None:
    cache_path().unlink(missing_ok=True)
