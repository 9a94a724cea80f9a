"""Rows of a table (a CSV file or a spreadsheet's first sheet) as raw post rows, and the CSV reader.

A table's header decides how its cells are read: Hookline's own columns (`video_id`,
`caption`, ...), a scraper's flattened columns (`authorMeta/name`, `hashtags/0/name`), or a
column mapping staff chose (seo.corpus.importing.mapping). CSV (seo.corpus.importing.readers) and .xlsx
(seo.corpus.importing.xlsx) share this, so every kind of table is validated the same way.
"""

from __future__ import annotations

import csv
import itertools
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from seo.corpus.importing.formats import flat_shape, mapped_row, unflatten
from seo.corpus.importing.lines import (
    DELIMITERS,
    MAX_LINE_BYTES,
    FileRejected,
    Line,
    LineReader,
    csv_delimiter,
    csv_text,
    delimiter_name,
    header_cells,
)
from seo.corpus.importing.mapping import header_key, mapping_columns

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
    # The JSON shape it was read as (seo.corpus.importing.formats), when not a canonical row.
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
        self.every: list[str] | None = None
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
        # Every column a canonical one (Hookline's own files): a record zips with the names.
        self.every = [name for _, name in self.wanted] if len(self.wanted) == len(columns) else None

    def row(self, line: int, record: list[Any]) -> RawRow:
        if self.flat:  # a scraper's flattened columns, mapped like its JSON items
            data, problem = mapped_row(unflatten(dict(zip(self.names, record, strict=False))), self.flat)
            return RawRow(line=line, data=data or {}, problem=problem, shape=self.flat)
        if self.every is not None and len(record) == len(self.every):
            data = dict(zip(self.every, record, strict=True))
        else:
            data = {name: record[index] for index, name in self.wanted if index < len(record)}
        video_id = data.get("video_id")
        if isinstance(video_id, float) and abs(video_id) >= _EXACT_FLOAT:
            return RawRow(
                line=line,
                problem=f"has video id {video_id:.6g}, a number the spreadsheet rounded (it keeps 15 digits); "
                "format the id column as text and export again",
            )
        return RawRow(line=line, data=data)


def too_long_problem(size: int) -> str:
    return (
        f"is longer than {MAX_LINE_BYTES:,} bytes ({size:,} or more), so it was not read; "
        "a caption holds at most 5,000 characters"
    )


def table_delimiter(header: str, *, shape: str | None = None, names: Iterable[str] = ()) -> str:
    """The CSV delimiter (comma, semicolon or tab) of a header: the one that splits it into
    the required columns, into a scraper's flattened columns, or into the most of `names`
    (a mapping's columns); with none of those, the one that gives the most columns."""
    if names:
        keys = {header_key(name) for name in names}
        return max(DELIMITERS, key=lambda d: len(keys & {header_key(c) for c in header_cells(header, d)}))
    delimiter = csv_delimiter(header, REQUIRED_COLUMNS)
    cells = header_cells(header, delimiter)
    if (
        shape is None
        and not set(REQUIRED_COLUMNS) <= {c.lower() for c in cells}
        and flat_shape(cells) is None
    ):
        for other in DELIMITERS:  # a scraper's header: find the delimiter that splits it into one
            if flat_shape(header_cells(header, other)):
                return other
        widest = max(DELIMITERS, key=lambda d: len(header_cells(header, d)))
        if len(header_cells(header, widest)) > len(cells):
            return widest
    return delimiter


def read_csv(
    lines: LineReader, shape: str | None = None, mapping: Mapping[str, str] | None = None
) -> Iterator[RawRow]:
    """CSV rows: canonical columns, a scraper's flattened columns (`authorMeta/name`,
    `hashtags/0/name`, …) when the header has no video_id or `shape` says so, or the
    columns a mapping names."""
    source = iter(lines)
    skipped: list[Line] = []  # over-long lines not yet matched to the row they belong to

    def texts(first: list[Line]) -> Iterator[str]:
        for line in itertools.chain(first, source):
            text = line.text
            if text is None:
                skipped.append(line)
                text = csv_text(line)
            yield text

    blank = []
    for line in source:
        blank.append(line)
        if line.text is None or line.text.strip():
            break
    header_line = blank[-1] if blank else None
    if header_line is None or header_line.text is None or not header_line.text.strip():
        raise FileRejected("the file is empty" if header_line is None else "the header row is too long")
    delimiter = table_delimiter(header_line.text, shape=shape, names=mapping or ())
    reader = csv.reader(texts(blank), delimiter=delimiter)
    try:
        header = next(reader)
        while not any(cell.strip() for cell in header):
            header = next(reader)
        header_end = reader.line_num
        separated = f", separated by {delimiter_name(delimiter)}" if delimiter != "," else ""
        plan = TablePlan(header, line=header_end, shape=shape, mapping=mapping, separated=separated)
        previous_end = header_end
        rows = 0
        lines.record_start()
        for record in reader:
            start, previous_end = previous_end + 1, reader.line_num
            lines.record_start()
            if skipped and (too_long := [line for line in skipped if line.number <= previous_end]):
                del skipped[: len(too_long)]
                rows += 1
                yield RawRow(line=start, problem=too_long_problem(sum(line.size for line in too_long)))
                continue
            if not "".join(record).strip():  # every cell blank
                continue
            rows += 1
            if len(record) != len(header):
                yield RawRow(
                    line=start,
                    problem=f"has {len(record)} fields but the header has {len(header)} "
                    "(check quoting: a caption with commas or quotes must be in double quotes)",
                )
                continue
            yield plan.row(start, record)
        if not rows:
            raise FileRejected("the file has a header row but no posts", line=header_end)
    except StopIteration:
        raise FileRejected("the file is empty") from None
    except csv.Error as exc:
        raise FileRejected(f"the CSV is malformed: {exc}", line=reader.line_num) from None
