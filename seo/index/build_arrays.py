"""Sparse-matrix steps of the index build (seo.index.build): pruning each row to its
strongest entries, splitting postings into impact heads and tails, and the compact
dtypes the files are written in. Pure numpy/scipy over CSR matrices.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp


def _weight_ranks(matrix: sp.csr_matrix, is_long: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The entries of the `is_long` rows, each row's strongest first, and their rank in the row."""
    lengths = np.diff(matrix.indptr)
    row_of = np.repeat(np.arange(matrix.shape[0]), lengths)
    entries = np.flatnonzero(is_long[row_of])
    # One 64-bit key (row, then weight descending) sorts faster than lexsort's two passes; the
    # bit pattern of a non-negative float32 orders like its value.
    weight_bits = np.asarray(matrix.data[entries], np.float32).view(np.uint32)
    key = (row_of[entries].astype(np.uint64) << np.uint64(32)) | (np.uint32(0xFFFFFFFF) - weight_bits)
    order = entries[np.argsort(key, kind="stable")]
    long_lengths = lengths[is_long]
    starts = np.concatenate([[0], np.cumsum(long_lengths)[:-1]])
    return order, np.arange(len(order)) - np.repeat(starts, long_lengths)


def top_per_row(matrix: sp.csr_matrix, keep: int) -> sp.csr_matrix:
    """Keep each row's `keep` largest entries (static pruning); only over-long rows are sorted."""
    lengths = np.diff(matrix.indptr)
    is_long = lengths > keep
    if not is_long.any():
        return matrix
    order, rank = _weight_ranks(matrix, is_long)
    kept = np.ones(len(matrix.data), dtype=bool)
    kept[order[rank >= keep]] = False
    indptr = np.concatenate([[0], np.cumsum(np.minimum(lengths, keep))]).astype(np.int64)
    return sp.csr_matrix((matrix.data[kept], matrix.indices[kept], indptr), shape=matrix.shape)


def impact_split(matrix: sp.csr_matrix, head: int) -> tuple[sp.csr_matrix, np.ndarray, np.ndarray]:
    """Each row as its `head` strongest entries, then the rest (the tail), both sorted by column.

    Returns the reordered matrix (indices sorted within each part), where each row's tail
    starts, and each tail's strongest weight (0 without a tail): a search can read the
    heads and only the tails that can still matter, and a membership test still binary
    searches each part.
    """
    matrix.sort_indices()
    lengths = np.diff(matrix.indptr)
    starts = matrix.indptr[:-1].astype(np.int64)
    split = starts + np.minimum(lengths, head)
    tail_max = np.zeros(len(lengths), dtype=np.float32)
    is_long = lengths > head
    if not is_long.any():
        return matrix, split, tail_max
    order, rank = _weight_ranks(matrix, is_long)
    tail_max[is_long] = matrix.data[order[rank == head]]
    in_tail = np.zeros(len(matrix.data), dtype=bool)
    in_tail[order[rank >= head]] = True
    # New position of each entry of a long row, keeping column order within head and tail:
    # the row's start (or split) plus how many of its head (or tail) entries come before it.
    entries = np.sort(order)
    row_of = np.repeat(np.flatnonzero(is_long), lengths[is_long])
    tail = in_tail[entries]
    tails_before = np.cumsum(tail) - tail
    heads_before = np.arange(len(entries)) - tails_before
    first = np.concatenate([[0], np.cumsum(lengths[is_long])[:-1]])
    tails_before -= np.repeat(tails_before[first], lengths[is_long])
    heads_before -= np.repeat(heads_before[first], lengths[is_long])
    position = np.where(tail, split[row_of] + tails_before, starts[row_of] + heads_before)
    indices, data = matrix.indices.copy(), matrix.data.copy()
    indices[position], data[position] = matrix.indices[entries], matrix.data[entries]
    return sp.csr_matrix((data, indices, matrix.indptr), shape=matrix.shape), split, tail_max


def quantise(weights: np.ndarray) -> np.ndarray:
    """A TF-IDF weight (0..1] in one byte: 1..255, read back as byte / 255."""
    return np.clip(np.rint(weights * 255), 1, 255).astype(np.uint8)


def small_int(values: np.ndarray) -> np.ndarray:
    top = int(values.max()) if len(values) else 0
    return values.astype(np.int32 if top < 2**31 else np.int64)
