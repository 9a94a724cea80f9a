"""A memory-mapped list of strings with lookup by value: terms and tags of an index version.

A Python dict of a million strings costs ~100 bytes each in every process; this
costs ~30 bytes each, in pages the OS shares between processes and loads on use:
UTF-8 bytes back to back, their offsets, and a sorted table of 64-bit hashes
(blake2b, stable across processes) pointing at positions.
"""

from __future__ import annotations

import hashlib
from itertools import pairwise
from pathlib import Path

import numpy as np

# Values a table remembers the position of (seo.index.string_table.StringTable.positions).
SEEN_LIMIT = 200_000
SEEN_BATCH = 64  # ... when asked for at most this many at once


def string_hashes(values: list[str]) -> np.ndarray:
    # The digests joined and read as little-endian uint64: no Python int per string.
    digests = b"".join([hashlib.blake2b(v.encode(), digest_size=8).digest() for v in values])
    return np.frombuffer(digests, dtype="<u8").astype(np.uint64)


def string_table_write(directory: Path, name: str, values: list[str]) -> None:
    encoded = [v.encode() for v in values]
    offsets = np.zeros(len(encoded) + 1, dtype=np.int64)
    offsets[1:] = np.cumsum([len(b) for b in encoded])
    if offsets[-1] < 2**31:
        offsets = offsets.astype(np.int32)  # half the bytes, and a page fewer touched per lookup
    np.save(directory / f"{name}_bytes.npy", np.frombuffer(b"".join(encoded), dtype=np.uint8))
    np.save(directory / f"{name}_offsets.npy", offsets)
    hashes = string_hashes(values)
    order = np.argsort(hashes, kind="stable")
    np.save(directory / f"{name}_hashes.npy", hashes[order])
    np.save(directory / f"{name}_order.npy", order.astype(np.int32))


class StringTable:
    def __init__(self, directory: Path, name: str) -> None:
        def load(part: str) -> np.ndarray:
            return np.asarray(np.load(directory / f"{name}_{part}.npy", mmap_mode="r"))

        self.bytes, self.offsets = load("bytes"), load("offsets")
        self.hashes, self.order = load("hashes"), load("order")
        # Buffer views index to plain ints and slice without numpy's per-call overhead: names
        # are read one at a time, dozens per suggestion.
        self._offsets = memoryview(self.offsets)
        self._bytes = memoryview(self.bytes)
        # value -> position (-1: absent) of values looked up before: a suggestion asks for the
        # same few words a dozen times, and hashing plus searchsorted cost ~20 us a call.
        self._seen: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def __getitem__(self, position: int) -> str:
        return str(self._bytes[self._offsets[position] : self._offsets[position + 1]], "utf-8")

    def positions(self, values: list[str]) -> np.ndarray:
        """Position of each value, -1 when absent."""
        if len(values) > SEEN_BATCH:
            return self._look_up(values)  # a bulk lookup (all of a table's stage terms) is not remembered
        seen = self._seen
        known = [seen.get(v) for v in values]
        if None not in known:
            return np.array(known, dtype=np.int64)
        missing = [v for v, k in zip(values, known, strict=True) if k is None]
        found = self._look_up(missing).tolist()
        if len(seen) + len(missing) > SEEN_LIMIT:
            seen.clear()  # forgotten all at once: a bound, not an LRU
        seen.update(zip(missing, found, strict=True))
        return np.array(
            [seen[v] if k is None else k for v, k in zip(values, known, strict=True)], dtype=np.int64
        )

    def _look_up(self, values: list[str]) -> np.ndarray:
        found = np.full(len(values), -1, dtype=np.int64)
        if not values or not len(self.hashes):
            return found
        hashes = string_hashes(values)
        where = np.minimum(np.searchsorted(self.hashes, hashes), len(self.hashes) - 1)
        hit = self.hashes[where] == hashes
        found[hit] = self.order[where[hit]]
        return found

    def get(self, value: str) -> int | None:
        position = self._seen.get(value)
        if position is None:
            position = int(self.positions([value])[0])
        return None if position < 0 else position

    def __contains__(self, value: str) -> bool:
        return self.get(value) is not None

    def all(self) -> list[str]:
        data = self.bytes.tobytes()
        bounds = self.offsets.tolist()
        return [data[a:b].decode() for a, b in pairwise(bounds)]
