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
