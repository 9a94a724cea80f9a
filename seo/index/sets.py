"""Membership tests on the small integer arrays a suggestion works with."""

from __future__ import annotations

import numpy as np

# Up to this many wanted values, one comparison each beats np.isin, whose set-up (sorting,
# choosing a method, range checks) costs ~10-20 us a call whatever the sizes (issue 14).
SMALL_WANTED = 8


def isin(values: np.ndarray, wanted) -> np.ndarray:
    """np.isin(values, wanted) for integer arrays: the same booleans, in values' shape."""
    wanted = np.asarray(wanted)
    if wanted.size > SMALL_WANTED:
        return np.isin(values, wanted)
    values = np.asarray(values)
    out = np.zeros(values.shape, dtype=bool)
    for value in wanted.ravel().tolist():
        out |= values == value
    return out


def sorted_unique(values: np.ndarray) -> np.ndarray:
    """np.unique(values) for a 1-D integer array: its distinct values, sorted; one sort and
    one comparison instead of np.unique's dispatch (~10 us a call)."""
    ordered = np.sort(np.asarray(values))
    if len(ordered) < 2:
        return ordered
    keep = np.empty(len(ordered), dtype=bool)
    keep[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=keep[1:])
    return ordered[keep]
