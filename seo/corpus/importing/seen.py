"""The video ids a file has used so far, to refuse a second row with the same id.

A dict of every id would grow with the file (about 200 bytes an id: a million-row file
alone would pass the importer's 250 MB memory target), so only the current chunk's ids stay
in memory; the earlier ones go to a private temporary SQLite database on disk, created
only for files longer than one chunk and deleted when the import ends. A 1 MB bitmap of the
ids' hashes answers "never seen" for nearly every new id without asking the disk (a query
costs ~20 times the bitmap's two lookups); a set bit only means "ask the disk".
"""

from __future__ import annotations

import sqlite3

_BITMAP_BITS = 1 << 23  # 1 MB: ~1 % false "maybe seen" at 500,000 ids, ~14 % at 2 million
_MASK = _BITMAP_BITS - 1


class SeenIds:
    def __init__(self) -> None:
        # An id's place: its line, or "line L, item N" for a row from a JSON array or page.
        self.recent: dict[str, int | str] = {}
        self._disk: sqlite3.Connection | None = None
        self._spilled = bytearray(_BITMAP_BITS // 8)

    def first_line(self, video_id: str, line: int | str) -> int | str:
        """The line `video_id` first appeared on; `line` (and remembered) when it is new."""
        first = self.recent.get(video_id)
        if first is not None:
            return first
        if self._disk is not None:
            # _maybe_spilled, inlined: most ids are new, and this runs for every row.
            value, bitmap = hash(video_id), self._spilled
            low, high = value & _MASK, (value >> 32) & _MASK
            maybe = bitmap[low >> 3] & (1 << (low & 7)) and bitmap[high >> 3] & (1 << (high & 7))
        else:
            maybe = False
        if maybe:
            found = self._disk.execute("SELECT line FROM seen WHERE video_id = ?", (video_id,)).fetchone()
            if found:
                return found[0]
        self.recent[video_id] = line
        return line

    def spill(self) -> None:
        """Move the ids held in memory to disk (called once per written chunk)."""
        if not self.recent:
            return
        if self._disk is None:
            # "" opens a temporary database in a file that SQLite deletes when it is closed.
            self._disk = sqlite3.connect("")
            self._disk.execute("CREATE TABLE seen (video_id TEXT PRIMARY KEY, line INTEGER) WITHOUT ROWID")
        with self._disk:
            self._disk.executemany("INSERT OR IGNORE INTO seen VALUES (?, ?)", self.recent.items())
        bitmap = self._spilled
        for video_id in self.recent:  # _bits, inlined
            value = hash(video_id)
            low, high = value & _MASK, (value >> 32) & _MASK
            bitmap[low >> 3] |= 1 << (low & 7)
            bitmap[high >> 3] |= 1 << (high & 7)
        self.recent.clear()

    def _maybe_spilled(self, video_id: str) -> bool:
        bitmap = self._spilled
        return all(bitmap[bit >> 3] & (1 << (bit & 7)) for bit in _bits(video_id))

    def close(self) -> None:
        if self._disk is not None:
            self._disk.close()
            self._disk = None
        self.recent.clear()


def _bits(video_id: str) -> tuple[int, int]:
    """Two bitmap positions from the id's hash (str hashes are fixed within a process)."""
    value = hash(video_id)
    return value & _MASK, (value >> 32) & _MASK
