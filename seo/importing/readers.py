"""Stream rows out of an uploaded trend file (CSV or JSON Lines) with their line numbers.

Files are read as bytes, one line at a time, so memory stays flat for any size and
a decoding problem can be reported with the line it sits on.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REQUIRED_COLUMNS = ("video_id", "caption")
CANONICAL_COLUMNS = (
    "video_id", "caption", "hashtags", "author", "views", "likes", "comments", "shares", "saves",
    "posted_at", "region", "language", "sound", "duration_s", "url",
)  # fmt: skip
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
CSV_SUFFIXES = {".csv", ".txt"}
_SNIFF_BYTES = 8192


class FileRejected(Exception):
    """The whole file is unusable (empty, binary, not UTF-8, no required columns)."""

    def __init__(self, message: str, *, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


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
        head = handle.read(_SNIFF_BYTES).lstrip(b"\xef\xbb\xbf \t\r\n")
    return "jsonl" if head.startswith(b"{") else "csv"


def file_check(path: Path) -> None:
    """Reject files that are empty or binary before any row is read."""
    if not path.exists():
        raise FileRejected("file not found")
    with path.open("rb") as handle:
        head = handle.read(_SNIFF_BYTES)
    if not head.strip():
        raise FileRejected("the file is empty")
    if b"\x00" in head:
        raise FileRejected("this is a binary file, not CSV or JSON Lines text (it contains NUL bytes)")


def estimate_rows(path: Path) -> int:
    """Rows in a file, from its line count (captions spanning lines make it an upper bound)."""
    lines = 0
    with path.open("rb") as handle:
        while block := handle.read(1 << 20):
            lines += block.count(b"\n")
    return max(lines, 1)


def _decoded_lines(path: Path) -> Iterator[str]:
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            if b"\x00" in raw:
                raise FileRejected(
                    "this is a binary file, not CSV or JSON Lines text (NUL byte)", line=number
                )
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise FileRejected(
                    f"the file is not UTF-8 text: byte 0x{raw[exc.start]:02X} at column {exc.start + 1} "
                    "cannot be decoded. Save the file as UTF-8 and upload it again.",
                    line=number,
                ) from None
            if number == 1:
                text = text.removeprefix("\ufeff")
            yield text


def read_rows(path: Path) -> Iterator[RawRow]:
    file_check(path)
    if file_format(path) == "jsonl":
        yield from _read_jsonl(path)
    else:
        yield from _read_csv(path)


def _read_csv(path: Path) -> Iterator[RawRow]:
    reader = csv.reader(_decoded_lines(path))
    try:
        header = next(reader, None)
        while header is not None and not any(cell.strip() for cell in header):
            header = next(reader, None)
        if header is None:
            raise FileRejected("the file is empty")
        header_line = reader.line_num
        columns = [name.strip().lower() for name in header]
        missing = [name for name in REQUIRED_COLUMNS if name not in columns]
        if missing:
            raise FileRejected(
                f"missing required column{'s' if len(missing) > 1 else ''} {', '.join(missing)} "
                f"in the header (found: {', '.join(c for c in columns if c) or 'nothing'})",
                line=header_line,
            )
        wanted = [(index, name) for index, name in enumerate(columns) if name in CANONICAL_COLUMNS]
        previous_end = header_line
        rows = 0
        for record in reader:
            start, previous_end = previous_end + 1, reader.line_num
            if not any(cell.strip() for cell in record):
                continue
            if len(record) != len(columns):
                rows += 1
                yield RawRow(
                    line=start,
                    problem=f"has {len(record)} fields but the header has {len(columns)} "
                    "(check quoting: a caption with commas or quotes must be in double quotes)",
                )
                continue
            rows += 1
            yield RawRow(line=start, data={name: record[index] for index, name in wanted})
        if not rows:
            raise FileRejected("the file has a header row but no posts", line=header_line)
    except csv.Error as exc:
        raise FileRejected(f"the CSV is malformed: {exc}", line=reader.line_num) from None


def _read_jsonl(path: Path) -> Iterator[RawRow]:
    for number, text in enumerate(_decoded_lines(path), start=1):
        if not text.strip():
            continue
        try:
            value = json.loads(text)
        except json.JSONDecodeError as exc:
            yield RawRow(line=number, problem=f"is not valid JSON ({exc.msg} at column {exc.colno})")
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
