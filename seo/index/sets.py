"""Membership tests on the small integer arrays a suggestion works with."""

from __future__ import annotations

import numpy as np

# Up to this many wanted values, one comparison each beats np.isin, whose set-up (sorting,
# choosing a method, range checks) costs ~10-20 us a call whatever the sizes (issue 14).
SMALL_WANTED = 8
# Up to this many values, a binary search of each in the sorted wanted values: np.isin sorts
# values and wanted together (or fills a table as long as their range), which cost a suggestion
# ~0.3 ms a call on a few thousand tags against thirty (issues 12, 14). Past it, np.isin.
SEARCHED_VALUES = 20_000


def isin(values: np.ndarray, wanted) -> np.ndarray:
    """np.isin(values, wanted) for integer arrays: the same booleans, in values' shape."""
    wanted = np.asarray(wanted)
    values = np.asarray(values)
    if wanted.size > SMALL_WANTED:
        if values.size > SEARCHED_VALUES:
            return np.isin(values, wanted)
        ordered = np.sort(wanted.ravel())
        where = np.searchsorted(ordered, values)
        where[where == len(ordered)] = 0  # past the largest: compared with any, unequal
        return ordered[where] == values
    out = np.zeros(values.shape, dtype=bool)
    for value in wanted.ravel().tolist():
        out |= values == value
    return out


def sorted_unique(values: np.ndarray, *, first: bool = False, inverse: bool = False, counts: bool = False):
    """np.unique(values, return_index=first, return_inverse=inverse, return_counts=counts) for a
    1-D integer array: the same arrays (a bare array when nothing else is asked, else a tuple),
    by numpy's own algorithm (one sort and one comparison) without its per-call dispatch, ~10-20 us
    a call on the small arrays of a suggestion (issues 12, 14)."""
    values = np.asarray(values).ravel()
    if first or inverse:
        # Stable when the first occurrences are asked for, as numpy sorts then (mergesort).
        perm = values.argsort(kind="stable" if first else None)
        ordered = values[perm]
    else:
        ordered = np.sort(values)
    mask = np.empty(len(ordered), dtype=bool)
    mask[:1] = True
    np.not_equal(ordered[1:], ordered[:-1], out=mask[1:])
    out = [ordered[mask]]
    if first:
        out.append(perm[mask])
    if inverse:
        where = np.empty(len(mask), dtype=np.intp)
        where[perm] = np.cumsum(mask) - 1
        out.append(where)
    if counts:
        out.append(np.diff(np.append(np.flatnonzero(mask), len(mask))))
    return tuple(out) if len(out) > 1 else out[0]
