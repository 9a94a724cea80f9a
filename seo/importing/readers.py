"""Stream rows out of an uploaded trend file (CSV or JSON Lines) with their line numbers.

Files are read one bounded line at a time (seo.importing.lines), so memory stays flat
for any size, and a row too long, too deep or with a number too big to read is reported
on its own line while the rest of the file is read.
"""

from __future__ import annotations

import csv
import itertools
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from seo.importing.lines import (
    MAX_LINE_BYTES,
    FileRejected,
    Line,
    LineReader,
    csv_delimiter,
    csv_text,
    delimiter_name,
    file_encoding,
)

REQUIRED_COLUMNS = ("video_id", "caption")
CANONICAL_COLUMNS = (
    "video_id", "caption", "hashtags", "author", "views", "likes", "comments", "shares", "saves",
    "posted_at", "region", "language", "sound", "duration_s", "url",
)  # fmt: skip
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
CSV_SUFFIXES = {".csv", ".txt"}
_SNIFF_BYTES = 8192


@dataclass(slots=True)
class RawRow:
    line: int
    data: dict[str, Any] = field(default_factory=dict)
    # Set when the row could not even be split into fields (bad JSON, wrong field count).
    problem: str | None = None


def file_format(path: Path) -> str:
    """'jsonl' or 'csv', from the extension, else from the first non-blank byte."""
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in CSV_SUFFIXES:
        return "csv"
    with path.open("rb") as handle:
        head = handle.read(_SNIFF_BYTES)
    encoding, bom = file_encoding(head)
    text = head[bom:].decode(encoding, errors="ignore")
    return "jsonl" if text.lstrip().startswith("{") else "csv"


def file_check(path: Path) -> LineReader:
    """Reject files that are empty or binary before any row is read; the file's line reader."""
    if not path.exists():
        raise FileRejected("file not found")
    with path.open("rb") as handle:
        head = handle.read(_SNIFF_BYTES)
    lines = LineReader(path, head)
    text = head[lines.bom :].decode(lines.encoding, errors="ignore")
    if not text.strip():
        raise FileRejected("the file is empty")
    if "\x00" in text:
        raise FileRejected("this is a binary file, not CSV or JSON Lines text (it contains NUL bytes)")
    return lines


def estimate_rows(path: Path) -> int:
    """Rows in a file, from its line count (captions spanning lines make it an upper bound)."""
    lines = 0
    with path.open("rb") as handle:
        while block := handle.read(1 << 20):
            lines += block.count(b"\n")
    return max(lines, 1)


def _too_long(size: int) -> str:
    return (
        f"is longer than {MAX_LINE_BYTES:,} bytes ({size:,} or more), so it was not read; "
        "a caption holds at most 5,000 characters"
    )


def read_rows(path: Path) -> Iterator[RawRow]:
    lines = file_check(path)
    if file_format(path) == "jsonl":
        yield from _read_jsonl(lines)
    else:
        yield from _read_csv(lines)


def _read_csv(lines: LineReader) -> Iterator[RawRow]:
    source = iter(lines)
    skipped: list[Line] = []  # over-long lines not yet matched to the row they belong to

    def texts(first: list[Line]) -> Iterator[str]:
        for line in itertools.chain(first, source):
            if line.text is None:
                skipped.append(line)
            yield csv_text(line)

    blank = []
    for line in source:
        blank.append(line)
        if line.text is None or line.text.strip():
            break
    header_line = blank[-1] if blank else None
    if header_line is None or header_line.text is None or not header_line.text.strip():
        raise FileRejected("the file is empty" if header_line is None else "the header row is too long")
    delimiter = csv_delimiter(header_line.text, REQUIRED_COLUMNS)
    reader = csv.reader(texts(blank), delimiter=delimiter)
    try:
        header = next(reader)
        while not any(cell.strip() for cell in header):
            header = next(reader)
        header_end = reader.line_num
        columns = [name.strip().lower() for name in header]
        missing = [name for name in REQUIRED_COLUMNS if name not in columns]
        if missing:
            separated = f", separated by {delimiter_name(delimiter)}" if delimiter != "," else ""
            raise FileRejected(
                f"missing required column{'s' if len(missing) > 1 else ''} {', '.join(missing)} "
                f"in the header (found: {', '.join(c for c in columns if c) or 'nothing'}{separated})",
                line=header_end,
            )
        wanted = [(index, name) for index, name in enumerate(columns) if name in CANONICAL_COLUMNS]
        previous_end = header_end
        rows = 0
        lines.record_start()
        for record in reader:
            start, previous_end = previous_end + 1, reader.line_num
            lines.record_start()
            too_long = [line for line in skipped if line.number <= previous_end]
            if too_long:
                del skipped[: len(too_long)]
                rows += 1
                yield RawRow(line=start, problem=_too_long(sum(line.size for line in too_long)))
                continue
            if not any(cell.strip() for cell in record):
                continue
            rows += 1
            if len(record) != len(columns):
                yield RawRow(
                    line=start,
                    problem=f"has {len(record)} fields but the header has {len(columns)} "
                    "(check quoting: a caption with commas or quotes must be in double quotes)",
                )
                continue
            yield RawRow(line=start, data={name: record[index] for index, name in wanted})
        if not rows:
            raise FileRejected("the file has a header row but no posts", line=header_end)
    except StopIteration:
        raise FileRejected("the file is empty") from None
    except csv.Error as exc:
        raise FileRejected(f"the CSV is malformed: {exc}", line=reader.line_num) from None


def _json_object(text: str) -> Any:
    """The line's JSON value, or a RawRow problem for a line that cannot be read as one."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        return f"is not valid JSON ({exc.msg} at column {exc.colno})"
    except RecursionError:
        return "is nested too deeply to be a post's fields"
    except ValueError as exc:  # e.g. an integer of more than 4,300 digits
        return f"is not valid JSON ({exc})"


def _read_jsonl(lines: LineReader) -> Iterator[RawRow]:
    for line in lines:
        lines.record_start()  # each line is a row of its own
        number = line.number
        if line.text is None:
            yield RawRow(line=number, problem=_too_long(line.size))
            continue
        if not line.text.strip():
            continue
        value = _json_object(line.text)
        if isinstance(value, str):
            yield RawRow(line=number, problem=value)
            continue
        if not isinstance(value, dict):
            yield RawRow(line=number, problem="is not a JSON object ({...}) with the post's fields")
            continue
        data = {str(key).strip().lower(): item for key, item in value.items()}
        missing = [name for name in REQUIRED_COLUMNS if name not in data]
        if missing:
            yield RawRow(line=number, problem=f"has no {' or '.join(missing)} key")
            continue
        if isinstance(data.get("hashtags"), list):
            data["hashtags"] = " ".join(str(tag) for tag in data["hashtags"])
        yield RawRow(line=number, data={k: v for k, v in data.items() if k in CANONICAL_COLUMNS})
