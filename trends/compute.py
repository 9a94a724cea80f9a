"""From corpus arrays to the rows the explorer reads (pure: no database).

For every kind (hashtag, keyword, sound), slice (all posts, each niche, region,
language) and window, the keys worth showing are kept: the most used ones and the
fastest risers of each slice. Everything else is dropped so the explorer's tables
stay small; the suggestions treat a missing key as "no stage" (multiplier 1).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp

from trends import stats
from trends.corpus import Entries, TrendCorpus

KINDS = ("hashtag", "keyword", "sound")
DIMENSIONS = ("", "niche", "region", "language")
KEEP_TOP = {"": 1500, "niche": 100, "region": 100, "language": 100}
KEEP_RISING = {"": 300, "niche": 50, "region": 50, "language": 50}
RELATED_KEEP = 8
RELATED_MIN_TOGETHER = 2
TOP_POSTS = 6


# The columns of a stored TrendStat row, in the order `Computed.stats` tuples hold them.
STAT_COLUMNS = (
    "kind",
    "key",
    "window",
    "dimension",
    "value",
    "posts",
    "views",
    "engagement",
    "prev_posts",
    "prev_views",
    "prev_engagement",
    "velocity",
    "stage",
    "series",
)


@dataclass
class DetailRow:
    kind: str
    key: str
    related: list[list] = field(default_factory=list)
    top_post_ids: list[int] = field(default_factory=list)


@dataclass
class Computed:
    stats: list[tuple]  # STAT_COLUMNS
    details: list[DetailRow]
    slices: dict[str, list[str]]


def _expand_to_niches(corpus: TrendCorpus, post: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Entry numbers repeated once per niche of their post, and that niche."""
    pairs = corpus.niche_post
    per_post = np.bincount(pairs[:, 0], minlength=len(corpus.post_ids)) if len(pairs) else None
    if per_post is None:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    starts = np.concatenate([[0], np.cumsum(per_post)[:-1]])
    repeats = per_post[post]
    entry = np.repeat(np.arange(len(post)), repeats)
    offset = np.arange(len(entry)) - np.repeat(np.cumsum(repeats) - repeats, repeats)
    return entry, pairs[starts[post[entry]] + offset, 1]


def _slice_entries(
    corpus: TrendCorpus, entries: Entries, dimension: str
) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[str]]:
    """(keys, post rows, slice codes, slice names) of the entries falling in one dimension's slices."""
    if dimension == "":
        return entries.key, entries.post, np.zeros(len(entries.key), dtype=np.int64), [""]
    if dimension == "niche":
        entry, niche = _expand_to_niches(corpus, entries.post)
        return entries.key[entry], entries.post[entry], niche, corpus.niche_names
    codes, names = corpus.slices[dimension]
    code = codes[entries.post]
    keep = code >= 0
    return entries.key[keep], entries.post[keep], code[keep], names


def _optional(values: np.ndarray) -> list[float | None]:
    """Rounded floats with nan as None (no engagement known)."""
    return [None if v != v else v for v in np.round(values, 6).tolist()]  # v != v: nan


def compute(
    corpus: TrendCorpus,
    *,
    reference: dt.date,
    oldest: dt.date | None,
    progress: Callable[[str], None] | None = None,
) -> Computed:
    history = stats.HISTORY_DAYS
    position = stats.day_positions(corpus.day, reference=reference, history=history)
    covers = {w: stats.coverage(window=w, reference=reference, oldest=oldest) for w in stats.WINDOWS}
    rows: list[tuple] = []
    detail_keys: dict[str, set[int]] = {kind: set() for kind in KINDS}
    slices_used: dict[str, set[str]] = {d: set() for d in DIMENSIONS if d}
    for kind in KINDS:
        entries = corpus.entries[kind]
        n_keys = max(len(entries.names), 1)
        for dimension in DIMENSIONS:
            if progress:
                progress(f"{kind} {dimension or 'all posts'}")
            entry_key, post, slice_code, slice_names = _slice_entries(corpus, entries, dimension)
            group = slice_code * n_keys + entry_key
            n_groups = max(len(slice_names), 1) * n_keys
            day = position[post]
            segments = stats.segments_build(
                group=group,
                day=day,
                views=corpus.views[post],
                rate=corpus.rate[post],
                n_groups=n_groups,
                covers=list(covers.values()),
                history=history,
            )
            groups = segments.groups
            slice_of = groups // n_keys
            keep_top = np.full(max(len(slice_names), 1), KEEP_TOP[dimension])
            keep_rising = np.full(max(len(slice_names), 1), KEEP_RISING[dimension])
            for window in stats.WINDOWS:
                f = stats.window_figures(segments, cover=covers[window])
                eligible = f.posts + f.prev_posts >= stats.MIN_POSTS
                busiest = f.posts + f.views / (f.views.max(initial=0) + 1)
                chosen = stats.top_per_slice(slice_of, busiest, eligible & (f.posts > 0), keep_top)
                moving = eligible & np.isin(f.stage, (stats.RISING, stats.NEW))
                chosen = np.union1d(chosen, stats.top_per_slice(slice_of, f.velocity, moving, keep_rising))
                # Declining keys are kept when they were big: "what is fading" is news too.
                fading = eligible & (f.stage == stats.DECLINING)
                chosen = np.union1d(chosen, stats.top_per_slice(slice_of, f.prev_posts, fading, keep_rising))
                # The window and the one before it: the sparkline shows both, as the stage compares them.
                series = stats.series_matrix(
                    group=group,
                    day=day,
                    chosen=groups[chosen],
                    n_groups=n_groups,
                    window=2 * window,
                    history=history,
                ).tolist()
                chosen_groups = groups[chosen]
                keys = [entries.names[k] for k in (chosen_groups % n_keys).tolist()]
                if dimension:
                    values = [slice_names[v] for v in (chosen_groups // n_keys).tolist()]
                    slices_used[dimension].update(values)
                else:
                    values = [""] * len(chosen)
                    detail_keys[kind].update((chosen_groups % n_keys).tolist())
                n = len(chosen)
                rows.extend(
                    zip(
                        [kind] * n,
                        keys,
                        [window] * n,
                        [dimension] * n,
                        values,
                        f.posts[chosen].tolist(),
                        np.rint(f.views[chosen]).astype(np.int64).tolist(),
                        _optional(f.engagement[chosen]),
                        f.prev_posts[chosen].tolist(),
                        np.rint(f.prev_views[chosen]).astype(np.int64).tolist(),
                        _optional(f.prev_engagement[chosen]),
                        np.round(f.velocity[chosen], 6).tolist(),
                        [stats.STAGE_CODES[code] for code in f.stage[chosen].tolist()],
                        series,
                        strict=True,
                    )
                )
    recent = position >= history - max(stats.WINDOWS)
    details = []
    for kind in KINDS:
        keys = np.asarray(sorted(detail_keys[kind]), dtype=np.int64)
        details.extend(_details(corpus, kind, keys, recent))
    return Computed(stats=rows, details=details, slices={d: sorted(v) for d, v in slices_used.items()})


def _details(corpus: TrendCorpus, kind: str, keys: np.ndarray, recent: np.ndarray) -> list[DetailRow]:
    """Related hashtags (posts in common) and the most viewed posts of each key, last 120 days."""
    if not len(keys):
        return []
    entries, tags = corpus.entries[kind], corpus.entries["hashtag"]
    n_posts = len(corpus.post_ids)
    row_of = np.full(max(len(entries.names), 1), -1, dtype=np.int64)
    row_of[keys] = np.arange(len(keys))
    mine = (row_of[entries.key] >= 0) & recent[entries.post]
    k_row, k_post = row_of[entries.key[mine]], entries.post[mine]
    key_by_post = sp.csr_matrix(
        (np.ones(len(k_row), dtype=np.float32), (k_row, k_post)), shape=(len(keys), n_posts)
    )
    tag_recent = recent[tags.post]
    post_by_tag = sp.csr_matrix(
        (np.ones(int(tag_recent.sum()), dtype=np.float32), (tags.post[tag_recent], tags.key[tag_recent])),
        shape=(n_posts, max(len(tags.names), 1)),
    )
    together = (key_by_post @ post_by_tag).tocsr()
    key_posts = np.asarray(key_by_post.sum(axis=1)).ravel()
    # Top posts: each key's entries sorted by views, the first few kept.
    order = np.lexsort((-corpus.views[k_post], k_row))
    sorted_rows = k_row[order]
    rank = np.arange(len(order)) - np.searchsorted(sorted_rows, sorted_rows, side="left")
    top = order[rank < TOP_POSTS]
    top_ids: dict[int, list[int]] = {}
    for r, p in zip(k_row[top].tolist(), corpus.post_ids[k_post[top]].tolist(), strict=True):
        top_ids.setdefault(r, []).append(p)
    out = []
    for r, key in enumerate(keys.tolist()):
        start, end = together.indptr[r], together.indptr[r + 1]
        tag_index, counts = together.indices[start:end], together.data[start:end]
        if kind == "hashtag":
            counts = np.where(tag_index == key, 0, counts)
        best = np.argsort(-counts, kind="stable")[:RELATED_KEEP]
        related = [
            [tags.names[tag_index[b]], int(counts[b]), round(float(counts[b] / max(key_posts[r], 1)), 4)]
            for b in best
            if counts[b] >= RELATED_MIN_TOGETHER
        ]
        out.append(
            DetailRow(kind=kind, key=entries.names[key], related=related, top_post_ids=top_ids.get(r, []))
        )
    return out
