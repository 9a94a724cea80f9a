"""Rows of a table (a CSV file or a spreadsheet's first sheet) as raw post rows.

A table's header decides how its cells are read: Hookline's own columns (`video_id`,
`caption`, ...), a scraper's flattened columns (`authorMeta/name`, `hashtags/0/name`), or a
column mapping staff chose (seo.importing.mapping). CSV (seo.importing.readers) and .xlsx
(seo.importing.xlsx) share this, so every kind of table is validated the same way.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from seo.importing.formats import flat_shape, mapped_row, unflatten
from seo.importing.lines import FileRejected
from seo.importing.mapping import mapping_columns

REQUIRED_COLUMNS = ("video_id", "caption")
CANONICAL_COLUMNS = (
    "video_id", "caption", "hashtags", "author", "views", "likes", "comments", "shares", "saves",
    "posted_at", "region", "language", "sound", "duration_s", "url",
)  # fmt: skip
# Spreadsheets keep numbers as doubles: an id past 2**53 has already lost its last digits.
_EXACT_FLOAT = 2**53


@dataclass(slots=True)
class RawRow:
    line: int
    data: dict[str, Any] = field(default_factory=dict)
    # Set when the row could not even be split into fields (bad JSON, wrong field count).
    problem: str | None = None
    # The row's place in the list it came from (a JSON array, a response page's videos).
    item: int | None = None
    # The JSON shape it was read as (seo.importing.formats), when not a canonical row.
    shape: str | None = None

    @property
    def where(self) -> int | str:
        """Where the row is, for "first on …": its line, or its line and item."""
        return self.line if self.item is None else f"line {self.line}, item {self.item}"


class TablePlan:
    """Which cells of each record become which field, decided once from the header."""

    def __init__(
        self,
        header: list[str],
        *,
        line: int,
        shape: str | None = None,
        mapping: Mapping[str, str] | None = None,
        separated: str = "",
    ) -> None:
        self.names = [name.strip() for name in header]
        self.flat: str | None = None
        if mapping is not None:
            self.wanted = mapping_columns(mapping, self.names)
            return
        columns = [name.lower() for name in self.names]
        missing = [name for name in REQUIRED_COLUMNS if name not in columns]
        self.flat = shape or (flat_shape(self.names) if missing else None)
        if missing and not self.flat:
            raise FileRejected(
                f"missing required column{'s' if len(missing) > 1 else ''} {', '.join(missing)} "
                f"in the header (found: {', '.join(c for c in self.names if c) or 'nothing'}{separated}). "
                "For another export's columns, choose them in the admin upload or use --preset",
                line=line,
            )
        self.wanted = [(index, name) for index, name in enumerate(columns) if name in CANONICAL_COLUMNS]

    def row(self, line: int, record: list[Any]) -> RawRow:
        if self.flat:  # a scraper's flattened columns, mapped like its JSON items
            data, problem = mapped_row(unflatten(dict(zip(self.names, record, strict=False))), self.flat)
            return RawRow(line=line, data=data or {}, problem=problem, shape=self.flat)
        data = {name: record[index] for index, name in self.wanted if index < len(record)}
        video_id = data.get("video_id")
        if isinstance(video_id, float) and abs(video_id) >= _EXACT_FLOAT:
            return RawRow(
                line=line,
                problem=f"has video id {video_id:.6g}, a number the spreadsheet rounded (it keeps 15 digits); "
                "format the id column as text and export again",
            )
        return RawRow(line=line, data=data)
