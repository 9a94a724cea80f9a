"""Trend statistics as plain array arithmetic: days, windows, velocity and stage.

No database here: `trends.services` reads the corpus into arrays and writes the rows;
the benchmark and the tests feed arrays directly.

How a stage is decided, in plain words (docs/trends.md repeats this):

* Each window (7, 30 or 120 days) ends on the reference day — the day of the newest
  post, or the TRENDS_REFERENCE_DATE setting. It is compared with the window of the
  same length just before it.
* Velocity is the growth against that previous window, divided by at least
  VELOCITY_FLOOR posts: going from 1 to 3 posts is +20 %, not +200 %.
* A change only counts when it is bigger than chance: more than two standard
  deviations of Poisson noise (|now - before| > 2·sqrt(now + before)).
* new — no posts at all in the previous window, at least MIN_POSTS now.
* rising — grew by at least 25 % (counted change), and is not falling within the window.
* peaking — grew by at least 25 %, but the second half of the window has clearly
  fewer posts than the first half: it has turned.
* declining — shrank by at least 25 % (counted change).
* evergreen — everything else: steady use, no change beyond noise.
* When the corpus does not reach back a whole previous window (a young corpus, or
  the 120-day window on 120 days of data), the window's second half is compared with
  its first half instead, so velocity still means something; such a window has no
  "new" or "peaking".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

WINDOWS = (7, 30, 120)
HISTORY_DAYS = 2 * max(WINDOWS)  # each window plus the one before it
VELOCITY_FLOOR = 10  # posts: growth is measured against at least this many
CHANGE_MIN = 0.25  # 25 % growth or shrinkage before a tag is rising or declining
CHANCE_Z = 2.0  # standard deviations of Poisson noise a change must exceed
MIN_POSTS = 3  # posts (now + before) for a key to be worth a row at all

STAGE_CODES = ("evergreen", "rising", "new", "peaking", "declining")
EVERGREEN, RISING, NEW, PEAKING, DECLINING = range(5)


def day_positions(days: np.ndarray, *, reference: dt.date, history: int = HISTORY_DAYS) -> np.ndarray:
    """Position of each post's day in the history (0 = oldest day, history-1 = reference day).

    `days` are day numbers (date.toordinal()); -1 marks a post outside the history
    (too old, after the reference day, or without a date).
    """
    position = days - (reference.toordinal() - history + 1)
    return np.where((days > 0) & (position >= 0) & (position < history), position, -1).astype(np.int64)


@dataclass(frozen=True)
class Coverage:
    """How much of a window and of the window before it the corpus actually covers."""

    window: int
    previous_days: int  # days of the previous window on or after the oldest post
    data_days: int  # days of the current window on or after the oldest post

    @property
    def compares_previous(self) -> bool:
        return self.previous_days * 2 >= self.window

    def halves(self) -> tuple[tuple[int, int], tuple[int, int]]:
        """Day ranges (offsets within the window) of the first and second half compared for shape."""
        covered = self.window if self.compares_previous else self.data_days
        start = self.window - covered
        middle = start + covered // 2
        return (start, middle), (middle, self.window)


def coverage(*, window: int, reference: dt.date, oldest: dt.date | None) -> Coverage:
    if oldest is None:
        return Coverage(window=window, previous_days=0, data_days=0)
    span = (reference - oldest).days + 1  # days from the oldest post through the reference day
    return Coverage(
        window=window,
        previous_days=int(np.clip(span - window, 0, window)),
        data_days=int(np.clip(span, 0, window)),
    )


def velocity(current: np.ndarray, previous: np.ndarray) -> np.ndarray:
    """Growth against the previous window, measured against at least VELOCITY_FLOOR posts."""
    current = np.asarray(current, dtype=np.float64)
    previous = np.asarray(previous, dtype=np.float64)
    return (current - previous) / np.maximum(previous, VELOCITY_FLOOR)


def _beyond_chance(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return np.abs(a - b) > CHANCE_Z * np.sqrt(a + b)


def classify(
    *,
    current: np.ndarray,
    previous: np.ndarray,
    first_half: np.ndarray,
    second_half: np.ndarray,
    cover: Coverage,
) -> tuple[np.ndarray, np.ndarray]:
    """Velocity and stage code (see STAGE_CODES) for many keys at once.

    `current`/`previous` are posts in the window and in the one before; the halves are
    posts in the ranges `cover.halves()` names.
    """
    current = np.asarray(current, dtype=np.float64)
    first = np.asarray(first_half, dtype=np.float64)
    second = np.asarray(second_half, dtype=np.float64)
    (a0, a1), (b0, b1) = cover.halves()
    first_days, second_days = max(a1 - a0, 1), max(b1 - b0, 1)
    # The first half's count as it would read over the second half's number of days.
    first_scaled = first * second_days / first_days
    if cover.compares_previous:
        before = np.asarray(previous, dtype=np.float64) * cover.window / max(cover.previous_days, 1)
        now = current
    else:
        before, now = first_scaled, second
    speed = velocity(now, before)
    changed = _beyond_chance(now, before)
    stage = np.full(len(current), EVERGREEN, dtype=np.int8)
    grew = changed & (speed >= CHANGE_MIN)
    stage[changed & (speed <= -CHANGE_MIN)] = DECLINING
    stage[grew] = RISING
    if cover.compares_previous:
        turned = _beyond_chance(first_scaled, second) & (second * (1 + CHANGE_MIN) <= first_scaled)
        stage[grew & turned] = PEAKING
        stage[(np.asarray(previous) == 0) & (current >= MIN_POSTS)] = NEW
    return speed, stage


def stage_of(series: Sequence[int], previous: int, *, previous_days: int | None = None) -> tuple[float, str]:
    """Velocity and stage of one daily series (oldest day first) — the readable entry point.

    `previous_days` defaults to a fully covered previous window.
    """
    values = np.asarray(series, dtype=np.float64)
    window = len(values)
    cover = Coverage(
        window=window,
        previous_days=window if previous_days is None else previous_days,
        data_days=window,
    )
    (a0, a1), (b0, b1) = cover.halves()
    speed, stage = classify(
        current=values.sum(keepdims=True),
        previous=np.asarray([previous]),
        first_half=values[a0:a1].sum(keepdims=True),
        second_half=values[b0:b1].sum(keepdims=True),
        cover=cover,
    )
    return float(speed[0]), STAGE_CODES[int(stage[0])]


@dataclass
class WindowFigures:
    """Totals per group for one window; arrays indexed by group number."""

    cover: Coverage
    posts: np.ndarray
    views: np.ndarray
    engagement: np.ndarray  # nan when no post had a known rate
    prev_posts: np.ndarray
    prev_views: np.ndarray
    prev_engagement: np.ndarray
    velocity: np.ndarray
    stage: np.ndarray


def _ranges(cover: Coverage, history: int) -> dict[str, tuple[int, int]]:
    """Day ranges (positions in the history, end exclusive) that one window's figures sum over."""
    w = cover.window
    start = history - w
    (a0, a1), (b0, b1) = cover.halves()
    return {
        "current": (start, history),
        "previous": (max(start - w, 0), start),
        "first": (start + a0, start + a1),
        "second": (start + b0, start + b1),
    }


@dataclass
class Segments:
    """Sums per (group, day segment) for the groups worth a row; entries in, no sorting.

    The segment edges are the ends of every range any window needs (its days, the
    window before, its two halves), so a window's figure is the sum of a few
    segment columns. Groups (slice x key) with fewer than MIN_POSTS posts in the
    whole history are dropped first: they can never be shown, and they are most of
    the long tail.
    """

    groups: np.ndarray  # kept group numbers, ascending
    edges: np.ndarray
    sums: dict[str, np.ndarray]  # name -> (len(groups), segments)
    history: int

    def total(self, name: str, lo: int, hi: int) -> np.ndarray:
        first, last = np.searchsorted(self.edges, [lo, hi])
        return self.sums[name][:, first:last].sum(axis=1)


def segments_build(
    *,
    group: np.ndarray,
    day: np.ndarray,
    views: np.ndarray,
    rate: np.ndarray,
    n_groups: int,
    covers: Sequence[Coverage],
    history: int = HISTORY_DAYS,
    min_posts: int = MIN_POSTS,
) -> Segments:
    """Aggregate entries (one per key use: its group, day position, views, engagement rate)."""
    inside = day >= 0
    counts = np.bincount(group[inside], minlength=n_groups)
    kept = np.flatnonzero(counts >= min_posts)
    compact = np.full(max(n_groups, 1), -1, dtype=np.int64)
    compact[kept] = np.arange(len(kept))
    edges = {0, history}
    for cover in covers:
        for lo, hi in _ranges(cover, history).values():
            edges.update((lo, hi))
    edge_array = np.asarray(sorted(edges), dtype=np.int64)
    n_seg = len(edge_array) - 1
    segment_of_day = np.searchsorted(edge_array, np.arange(history), side="right") - 1
    row = compact[group]
    valid = inside & (row >= 0)
    flat = row[valid] * n_seg + segment_of_day[day[valid]]
    size = len(kept) * n_seg
    rate = rate[valid]
    known = np.isfinite(rate)

    def summed(weights: np.ndarray | None) -> np.ndarray:
        return np.bincount(flat, weights=weights, minlength=size).astype(np.float64).reshape(len(kept), n_seg)

    return Segments(
        groups=kept,
        edges=edge_array,
        sums={
            "posts": summed(None),
            "views": summed(views[valid]),
            "rate_sum": summed(np.where(known, rate, 0.0)),
            "rate_count": summed(known.astype(np.float64)),
        },
        history=history,
    )


def window_figures(segments: Segments, *, cover: Coverage) -> WindowFigures:
    """Figures of one window for every kept group (arrays in the order of segments.groups)."""
    ranges = _ranges(cover, segments.history)

    def total(name: str, part: str) -> np.ndarray:
        return segments.total(name, *ranges[part])

    def mean_rate(part: str) -> np.ndarray:
        count = total("rate_count", part)
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(count > 0, total("rate_sum", part) / count, np.nan)

    posts, prev_posts = total("posts", "current"), total("posts", "previous")
    speed, stage = classify(
        current=posts,
        previous=prev_posts,
        first_half=total("posts", "first"),
        second_half=total("posts", "second"),
        cover=cover,
    )
    return WindowFigures(
        cover=cover,
        posts=np.rint(posts).astype(np.int64),
        views=total("views", "current"),
        engagement=mean_rate("current"),
        prev_posts=np.rint(prev_posts).astype(np.int64),
        prev_views=total("views", "previous"),
        prev_engagement=mean_rate("previous"),
        velocity=speed,
        stage=stage,
    )


def top_per_slice(
    slice_of: np.ndarray, score: np.ndarray, eligible: np.ndarray, keep: np.ndarray
) -> np.ndarray:
    """Indices of the `keep[slice]` best-scoring eligible groups of every slice."""
    candidates = np.flatnonzero(eligible)
    if not len(candidates):
        return candidates
    slices = slice_of[candidates]
    order = np.lexsort((-score[candidates], slices))
    ranked = candidates[order]
    ranked_slices = slices[order]
    starts = np.searchsorted(ranked_slices, ranked_slices, side="left")
    rank = np.arange(len(ranked)) - starts
    return ranked[rank < keep[ranked_slices]]


def series_matrix(
    *,
    group: np.ndarray,
    day: np.ndarray,
    chosen: np.ndarray,
    n_groups: int,
    window: int,
    history: int = HISTORY_DAYS,
) -> np.ndarray:
    """Posts per day of the last `window` days (oldest first) for the chosen groups, one row each."""
    start = history - window
    position = np.full(max(n_groups, 1), -1, dtype=np.int64)
    position[chosen] = np.arange(len(chosen))
    row = position[group]
    mask = (row >= 0) & (day >= start)
    flat = row[mask] * window + (day[mask] - start)
    return np.bincount(flat, minlength=len(chosen) * window).reshape(len(chosen), window).astype(np.int64)
