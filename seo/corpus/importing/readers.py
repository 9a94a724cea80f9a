"""Stream rows out of an uploaded trend file with their line (and item) numbers.

CSV and JSON Lines are read one bounded line at a time (seo.corpus.importing.lines), so memory
stays flat for any size, and a row too long, too deep or with a number too big to read is
reported on its own line while the rest of the file is read. JSON is recognised by its
content: JSON Lines, a JSON array (streamed one item at a time) or whole JSON documents one
after another, each holding canonical rows, TikTok Research API pages or videos, or
scraper dataset items (seo.corpus.importing.formats).
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from seo.corpus.importing.formats import (
    CANONICAL,
    FLAT_SHAPES,
    RESEARCH,
    is_research_page,
    mapped_row,
    research_page_videos,
    shape_of,
)
from seo.corpus.importing.lines import (
    MAX_LINE_BYTES,
    FileRejected,
    LineReader,
    file_encoding,
)
from seo.corpus.importing.tables import (
    CANONICAL_COLUMNS,
    REQUIRED_COLUMNS,
    RawRow,
    read_csv,
    too_long_problem,
)
from seo.corpus.importing.xlsx import is_xlsx, xlsx_row_estimate, xlsx_rows

__all__ = ["CANONICAL_COLUMNS", "FileRejected", "RawRow", "read_rows"]

JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
CSV_SUFFIXES = {".csv", ".txt"}
_SNIFF_BYTES = 8192
# A JSON Lines line may hold a whole Research API response page (up to 100 videos with
# their transcripts); a canonical row's line keeps the MAX_LINE_BYTES limit.
MAX_PAGE_BYTES = 8 * 1024 * 1024
# The most one JSON value is allowed to take when read whole: a pretty-printed response
# page, or one item of a JSON array (arrays themselves are streamed item by item).
MAX_DOCUMENT_BYTES = 16 * 1024 * 1024
_READ_CHUNK = 1 << 20
_NON_SPACE = re.compile(r"[^ \t\r\n\ufeff]")
_DECODER = json.JSONDecoder()


def file_format(path: Path) -> str:
    """'jsonl' or 'csv': JSON when the file starts with { or [, else from the extension."""
    with path.open("rb") as handle:
        head = handle.read(_SNIFF_BYTES)
    encoding, bom = file_encoding(head)
    text = head[bom:].decode(encoding, errors="ignore").lstrip(" \t\r\n\ufeff")
    if text.startswith(("{", "[")):
        return "jsonl"
    return "jsonl" if path.suffix.lower() in JSONL_SUFFIXES else "csv"


def json_layout(path: Path) -> str:
    """How a JSON file holds its values: 'lines' (one per line), or 'values' (a JSON array,
    or documents that span lines, such as a pretty-printed Research API response)."""
    with path.open("rb") as handle:
        head = handle.read(_SNIFF_BYTES)
    encoding, bom = file_encoding(head)
    text = head[bom:].decode(encoding, errors="ignore").lstrip(" \t\r\n\ufeff")
    if text.startswith("[") and text[1:].lstrip(" \t\r\n").startswith(("{", "]")):
        return "values"  # a JSON array of objects, streamed item by item
    first, newline, _ = text.partition("\n")
    first = first.strip()
    if not newline or not first.endswith(("{", "[", ",", ":")):
        return "lines"
    try:
        json.loads(first)
    except (ValueError, RecursionError):
        return "values"  # the first line opens a value that the next lines continue
    return "lines"


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
    """Rows in a file, from its line count (captions spanning lines make it an upper bound),
    or from its "id" keys when more (a JSON Lines line may be a page of 100 videos)."""
    if is_xlsx(path):
        return xlsx_row_estimate(path)
    lines = ids = 0
    with path.open("rb") as handle:
        while block := handle.read(1 << 20):
            lines += block.count(b"\n")
            ids += block.count(b'"id"')
    return max(lines, ids, 1)


def read_rows(path: Path, file_format_name: str | Mapping[str, str] | None = None) -> Iterator[RawRow]:
    """The file's rows. `file_format_name` forces a reader: 'csv', 'xlsx', 'jsonl' (canonical
    rows), 'research' or 'scraper', or is a column mapping ({column: field}, for a CSV or
    .xlsx of any columns; seo.corpus.importing.mapping); without it the format is recognised from
    the content."""
    mapping = file_format_name if isinstance(file_format_name, Mapping) else None
    forced = None if mapping is not None else file_format_name
    if is_xlsx(path):
        if forced not in (None, "csv", "xlsx", *FLAT_SHAPES):
            raise FileRejected(f"this is an .xlsx workbook, not {forced} (leave out the format to read it)")
        yield from xlsx_rows(path, shape=forced if forced in FLAT_SHAPES else None, mapping=mapping)
        return
    if forced == "xlsx":
        raise FileRejected(
            "this is not an .xlsx workbook (Excel 2007 or later, or Google Sheets' .xlsx download)"
        )
    lines = file_check(path)
    detected = file_format(path)
    fmt = "csv" if mapping is not None else forced or detected
    if fmt == "csv" or (fmt in FLAT_SHAPES and detected == "csv"):
        yield from read_csv(lines, None if fmt == "csv" else fmt, mapping)
        return
    shape = None if forced is None else fmt
    if json_layout(path) == "values":
        yield from _read_json_values(lines, shape)
    else:
        yield from _read_jsonl(lines, shape)


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


def _read_jsonl(lines: LineReader, shape: str | None = None) -> Iterator[RawRow]:
    """JSON Lines: each line a canonical row, a scraper item, a Research API video or a
    whole response page (which gives one row per video, numbered as items)."""
    if shape != CANONICAL:
        lines.max_line = MAX_PAGE_BYTES
    for line in lines:
        lines.record_start()  # each line is a row (or a page) of its own
        number = line.number
        if line.text is None:
            yield RawRow(line=number, problem=too_long_problem(line.size))
            continue
        if not line.text.strip():
            continue
        if line.size > MAX_LINE_BYTES and not _page_like(line.text):
            yield RawRow(line=number, problem=too_long_problem(line.size))
            continue
        value = _json_object(line.text)
        if isinstance(value, str):
            yield RawRow(line=number, problem=value)
            continue
        yield from _value_rows(value, number, shape, size=line.size)


def _page_like(text: str) -> bool:
    """Whether a line may be a Research API response page, the one kind of line allowed to be
    longer than MAX_LINE_BYTES (its "data" key comes first, or after a short "error")."""
    return text.lstrip().startswith("{") and '"data"' in text[:1000]


def _value_rows(value: Any, line: int, shape: str | None, *, item: int | None = None, size: int = 0):
    """The rows of one JSON value that starts on `line`."""
    kind = shape or (shape_of(value) if isinstance(value, dict) else CANONICAL)
    if kind == RESEARCH and is_research_page(value):
        videos, problem = research_page_videos(value)
        if problem:
            yield RawRow(line=line, item=item, problem=problem, shape=kind)
            return
        for number, video in enumerate(videos, start=1):
            yield _item_row(video, line, RESEARCH, item=number)
        return
    if kind == CANONICAL:
        if size > MAX_LINE_BYTES:
            yield RawRow(line=line, item=item, problem=too_long_problem(size))
            return
        yield _canonical_row(value, line, item)
        return
    yield _item_row(value, line, kind, item=item)


def _item_row(value: Any, line: int, shape: str, *, item: int | None) -> RawRow:
    data, problem = mapped_row(value, shape)
    return RawRow(line=line, item=item, data=data or {}, problem=problem, shape=shape)


def _canonical_row(value: Any, line: int, item: int | None) -> RawRow:
    if not isinstance(value, dict):
        return RawRow(line=line, item=item, problem="is not a JSON object ({...}) with the post's fields")
    data = {str(key).strip().lower(): entry for key, entry in value.items()}
    missing = [name for name in REQUIRED_COLUMNS if name not in data]
    if missing:
        return RawRow(line=line, item=item, problem=f"has no {' or '.join(missing)} key")
    if isinstance(data.get("hashtags"), list):
        data["hashtags"] = " ".join(str(tag) for tag in data["hashtags"])
    return RawRow(line=line, item=item, data={k: v for k, v in data.items() if k in CANONICAL_COLUMNS})


def _read_json_values(lines: LineReader, shape: str | None) -> Iterator[RawRow]:
    """JSON values that span lines: a JSON array, read one item at a time, or documents
    (such as pretty-printed Research API response pages) one after another."""
    text = _JsonText(lines)
    try:
        while (char := text.peek()) is not None:
            if char != "[":
                line = text.line
                yield from _value_rows(text.value(), line, shape)
                continue
            text.advance()
            if text.peek() == "]":
                text.advance()
                continue
            number = 0
            while True:
                number += 1
                line = text.line
                yield from _value_rows(text.value(), line, shape, item=number)
                char = text.peek()
                text.advance()
                if char == "]":
                    break
                if char != ",":
                    raise FileRejected(
                        f"the JSON array is malformed: expected , or ] after item {number}", line=text.line
                    )
    finally:
        text.close()


class _JsonText:
    """A JSON file's text read in chunks, for decoding one value at a time with its line."""

    def __init__(self, lines: LineReader) -> None:
        self.encoding = lines.encoding
        self.handle = lines.path.open("rb")
        self.handle.seek(lines.bom)
        self.decoder = codecs.getincrementaldecoder(lines.encoding)()
        self.text = ""
        self.pos = 0
        self.line = 1
        self.eof = False

    def close(self) -> None:
        self.handle.close()

    def _read(self, size: int) -> None:
        raw = self.handle.read(size)
        if self.encoding == "utf-8" and b"\x00" in raw:
            raise FileRejected("this is a binary file, not JSON text (NUL byte)", line=self.line)
        try:
            chunk = self.decoder.decode(raw, final=not raw)
        except UnicodeDecodeError:
            raise FileRejected(
                f"the file is not {self.encoding.upper()} text. Save it as UTF-8 and upload it again.",
                line=self.line,
            ) from None
        self.eof = not raw
        self.text = self.text[self.pos :] + chunk
        self.pos = 0

    def peek(self) -> str | None:
        """The next character that is not white space (None at the end), moved to."""
        while True:
            found = _NON_SPACE.search(self.text, self.pos)
            end = found.start() if found else len(self.text)
            self.line += self.text.count("\n", self.pos, end)
            self.pos = end
            if found:
                return self.text[end]
            if self.eof:
                return None
            self._read(_READ_CHUNK)

    def advance(self) -> None:
        self.pos += 1

    def value(self) -> Any:
        """Decode the JSON value starting at the next non-space character, reading on until it is whole."""
        if self.peek() is None:
            raise FileRejected("the JSON ends before its last value", line=self.line)
        while True:
            try:
                value, end = _DECODER.raw_decode(self.text, self.pos)
                if end < len(self.text) or self.eof:  # a number at the end may go on
                    break
            except json.JSONDecodeError as exc:
                if self.eof:
                    where = self.line + self.text.count("\n", self.pos, exc.pos)
                    raise FileRejected(f"the JSON is malformed: {exc.msg}", line=where) from None
            except RecursionError:
                raise FileRejected("the JSON is nested too deeply to be posts", line=self.line) from None
            except ValueError as exc:  # e.g. an integer of more than 4,300 digits
                raise FileRejected(f"the JSON is not valid ({exc})", line=self.line) from None
            held = len(self.text) - self.pos
            if held > MAX_DOCUMENT_BYTES:
                raise FileRejected(
                    f"one JSON value here is longer than {MAX_DOCUMENT_BYTES:,} characters, so it was not read; "
                    "split the file into JSON Lines or smaller arrays",
                    line=self.line,
                )
            self._read(max(_READ_CHUNK, held))
        self.line += self.text.count("\n", self.pos, end)
        self.pos = end
        return value
