"""Post numbers in three bytes instead of four: the index's largest arrays hold them.

Postings and tag postings are lists of post numbers, a quarter of every posting's
bytes is a zero byte below 16.7 million posts. Stored as 3-byte little-endian
integers plus one padding byte, each can still be read with numpy at C speed: a
uint32 view with a 3-byte stride reads the integer and the next one's first byte,
which a mask clears.
"""

from __future__ import annotations

import numpy as np

UINT24_LIMIT = 1 << 24
_MASK = np.uint32(UINT24_LIMIT - 1)


def pack_uint24(values: np.ndarray) -> np.ndarray:
    """3 bytes per value (all below UINT24_LIMIT), then one padding byte for the last read."""
    values = np.asarray(values, dtype="<u4")
    if len(values) and int(values.max()) >= UINT24_LIMIT:
        raise ValueError("a value does not fit in three bytes")
    out = np.zeros(3 * len(values) + 1, dtype=np.uint8)
    out[:-1] = values.view(np.uint8).reshape(-1, 4)[:, :3].ravel()
    return out


class Uint24Array:
    """Read-only integers over pack_uint24's bytes: slices and index arrays give uint32 arrays."""

    def __init__(self, raw: np.ndarray) -> None:
        self.raw = raw
        self._view = np.ndarray(shape=((len(raw) - 1) // 3,), dtype="<u4", buffer=raw, strides=(3,))

    def __len__(self) -> int:
        return len(self._view)

    def __getitem__(self, key: slice | np.ndarray) -> np.ndarray:
        return self._view[key] & _MASK


def concat_ranges(values: np.ndarray | Uint24Array, bounds: list[tuple[int, int]]) -> np.ndarray:
    """values[a:b] for every (a, b), concatenated. Packed values are unpacked once for all the
    ranges: slicing bytes is cheap, an unaligned 3-byte-strided gather is not."""
    if isinstance(values, Uint24Array):
        raw = values.raw
        return Uint24Array(np.concatenate([raw[3 * a : 3 * b] for a, b in bounds] + [raw[:1]]))[:]
    return np.concatenate([values[a:b] for a, b in bounds]) if bounds else np.zeros(0, values.dtype)


def packed_ids(raw: np.ndarray) -> np.ndarray | Uint24Array:
    """The ids stored in an index file: packed (uint8 bytes) or plain integers."""
    return Uint24Array(raw) if raw.dtype == np.uint8 else raw


def pack_ids(values: np.ndarray, limit: int) -> np.ndarray:
    """Ids below `limit` packed in three bytes when `limit` allows, else int32."""
    return pack_uint24(values) if limit <= UINT24_LIMIT else np.asarray(values, dtype=np.int32)
