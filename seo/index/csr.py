"""Rows of the index's CSR-style layouts (a post's tags, a post's strongest terms) for many
posts at once: one fancy-index gather instead of a Python loop over the posts."""

from __future__ import annotations

import numpy as np


def csr_rows(indptr: np.ndarray, values: np.ndarray, posts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The rows of `posts`, concatenated, and the position in `posts` each value came from."""
    starts = np.asarray(indptr[posts], dtype=np.int64)
    lengths = np.asarray(indptr[posts + 1], dtype=np.int64) - starts
    total = int(lengths.sum())
    if not total:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    # Entry i of the output reads values[i + (its row's start - the row's place in the output)]:
    # one repeat of that shift per row instead of a repeat of the starts and one of the places.
    shift = starts - (np.cumsum(lengths) - lengths)
    gathered = np.asarray(values[np.arange(total) + np.repeat(shift, lengths)], dtype=np.int64)
    return gathered, np.repeat(np.arange(len(posts)), lengths)
