from __future__ import annotations

import numpy as np
import pytest

from seo.index.sets import SMALL_WANTED, isin


@pytest.mark.parametrize("wanted_size", [0, 1, 3, SMALL_WANTED, SMALL_WANTED + 1, 40])
def test_isin_answers_as_numpy_does(wanted_size):
    rng = np.random.default_rng(wanted_size)
    values = rng.integers(0, 50, size=300)
    wanted = rng.integers(0, 60, size=wanted_size)
    for kind in (np.int64, np.int32, np.uint8):
        got = isin(values.astype(kind), wanted)
        assert got.dtype == bool and got.tolist() == np.isin(values.astype(kind), wanted).tolist()
    assert isin(np.zeros(0, np.int64), wanted).shape == (0,)
    assert isin(values, list(wanted.tolist())).tolist() == np.isin(values, wanted).tolist()


@pytest.mark.parametrize("size", [0, 1, 2, 7, 300])
def test_sorted_unique_answers_as_numpy_does(size):
    from seo.index.sets import sorted_unique

    values = np.random.default_rng(size).integers(-5, 40, size=size)
    for kind in (np.int64, np.int32):
        got = sorted_unique(values.astype(kind))
        expected = np.unique(values.astype(kind))
        assert got.dtype == expected.dtype and got.tolist() == expected.tolist()


def test_isin_searches_wanted_values_both_ends_and_past_them():
    from seo.index.sets import SEARCHED_VALUES

    wanted = np.array([40, 10, 25, 10, 33, 12, 17, 21, 29, 38])  # more than SMALL_WANTED, unsorted
    values = np.array([-3, 0, 9, 10, 11, 25, 38, 39, 40, 41, 10_000], dtype=np.int64)
    assert isin(values, wanted).tolist() == np.isin(values, wanted).tolist()
    assert isin(values.reshape(1, -1), wanted).shape == (1, len(values))
    many = np.random.default_rng(1).integers(0, 60, size=SEARCHED_VALUES + 1)  # np.isin's own path
    assert isin(many, wanted).tolist() == np.isin(many, wanted).tolist()


@pytest.mark.parametrize("size", [0, 1, 2, 7, 300])
@pytest.mark.parametrize(
    ("first", "inverse", "counts"),
    [
        (True, False, False),
        (False, True, False),
        (False, False, True),
        (True, True, False),
        (True, False, True),
    ],
)
def test_sorted_unique_gives_numpys_indices_inverse_and_counts(size, first, inverse, counts):
    from seo.index.sets import sorted_unique

    values = np.random.default_rng(size).integers(-5, 40, size=size)  # repeats: first occurrences matter
    got = sorted_unique(values, first=first, inverse=inverse, counts=counts)
    expected = np.unique(values, return_index=first, return_inverse=inverse, return_counts=counts)
    assert len(got) == len(expected)
    for mine, theirs in zip(got, expected, strict=True):
        assert mine.dtype == theirs.dtype and mine.tolist() == theirs.tolist()
