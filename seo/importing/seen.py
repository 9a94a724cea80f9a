"""The video ids a file has used so far, to refuse a second row with the same id.

A dict of every id would grow with the file (about 200 bytes an id: a million-row file
alone would pass the importer's 250 MB memory target), so only the current chunk's ids stay
in memory; the earlier ones go to a private temporary SQLite database on disk, created
only for files longer than one chunk and deleted when the import ends.
"""

from __future__ import annotations

import sqlite3


class SeenIds:
    def __init__(self) -> None:
        # An id's place: its line, or "line L, item N" for a row from a JSON array or page.
        self.recent: dict[str, int | str] = {}
        self._disk: sqlite3.Connection | None = None

    def first_line(self, video_id: str, line: int | str) -> int | str:
        """The line `video_id` first appeared on; `line` (and remembered) when it is new."""
        first = self.recent.get(video_id)
        if first is not None:
            return first
        if self._disk is not None:
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
        self.recent.clear()

    def close(self) -> None:
        if self._disk is not None:
            self._disk.close()
            self._disk = None
        self.recent.clear()
