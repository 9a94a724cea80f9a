"""Read a trend file's lines with bounded memory: encoding from the byte-order mark, every
line capped in length before it is decoded, and the CSV delimiter guessed from the header.

A line longer than MAX_LINE_BYTES is skipped unread (only its size and its quote count are
kept), so a 300 MB single-line file costs no more memory than a short one, and the row it
belongs to is reported by line instead of stopping the whole file.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

# A caption holds at most 5,000 characters (seo.corpus.importing.rows), 20 KB in UTF-8 at worst;
# a whole row with every other field full stays far below this.
MAX_LINE_BYTES = 64 * 1024
# A CSV row may span lines (captions with line breaks); it is capped as a whole too, below
# the csv module's field limit (131,072 characters), which would otherwise stop the file.
MAX_RECORD_BYTES = 64 * 1024
_SKIP_BYTES = 1 << 20
DELIMITERS = (",", ";", "\t")
_DELIMITER_NAMES = {",": "commas", ";": "semicolons", "\t": "tabs"}
_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


class FileRejected(Exception):
    """The whole file is unusable (empty, binary, undecodable, no required columns)."""

    def __init__(self, message: str, *, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


@dataclass(slots=True)
class Line:
    number: int
    # None when the line was too long to read: only its size and its quotes were counted.
    text: str | None
    size: int
    quotes: int = 0


def file_encoding(head: bytes) -> tuple[str, int]:
    """The encoding of a file starting with `head`, and the length of its byte-order mark.

    Excel's "Unicode text" is UTF-16 with a mark; without one, ASCII text in UTF-16 still
    shows as a NUL beside every character, which tells its byte order.
    """
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return encoding, len(bom)
    pairs = len(head) // 2
    if pairs >= 8:
        nul_even = head[0 : 2 * pairs : 2].count(0) / pairs
        nul_odd = head[1 : 2 * pairs : 2].count(0) / pairs
        if nul_odd > 0.9 and nul_even < 0.1:
            return "utf-16-le", 0
        if nul_even > 0.9 and nul_odd < 0.1:
            return "utf-16-be", 0
    return "utf-8", 0


def _binary(number: int) -> FileRejected:
    return FileRejected("this is a binary file, not CSV or JSON Lines text (NUL byte)", line=number)


class LineReader:
    """A file's lines as `Line`s, one at a time, none longer than MAX_LINE_BYTES in memory.

    `record_start()` tells the reader a new CSV row begins; a row's lines past
    MAX_RECORD_BYTES together are then skipped like an over-long line.
    """

    def __init__(self, path: Path, head: bytes) -> None:
        self.path = path
        self.encoding, self.bom = file_encoding(head)
        self.record_bytes = 0
        # Raised (seo.corpus.importing.readers) for JSON Lines whose lines may be whole response pages.
        self.max_line: int | None = None

    @property
    def line_limit(self) -> int:
        return self.max_line or MAX_LINE_BYTES

    def record_start(self) -> None:
        self.record_bytes = 0

    def __iter__(self) -> Iterator[Line]:
        if self.encoding == "utf-8":
            yield from self._utf8_lines()
        else:
            yield from self._utf16_lines()

    def _bounded(self, line: Line) -> Line:
        self.record_bytes += line.size
        limit = MAX_RECORD_BYTES if self.max_line is None else max(MAX_RECORD_BYTES, self.max_line)
        if line.text is not None and self.record_bytes > limit:
            line.text = None
        return line

    def _utf8_lines(self) -> Iterator[Line]:
        with self.path.open("rb") as handle:
            handle.seek(self.bom)
            number = 0
            limit = self.line_limit
            while raw := handle.readline(limit + 1):
                number += 1
                if len(raw) > limit:
                    yield self._bounded(_skipped(handle, number, raw))
                    continue
                if b"\x00" in raw:
                    raise _binary(number)
                try:
                    text = raw.decode("utf-8")
                except UnicodeDecodeError as exc:
                    raise FileRejected(
                        f"the file is not UTF-8 text: byte 0x{raw[exc.start]:02X} at column {exc.start + 1} "
                        "cannot be decoded. Save the file as UTF-8 (or as Unicode text) and upload it again.",
                        line=number,
                    ) from None
                yield self._bounded(Line(number, text, len(raw), text.count('"')))

    def _utf16_lines(self) -> Iterator[Line]:
        # The text layer decodes in bounded chunks; readline(limit) never holds more than limit.
        limit = self.line_limit // 2
        with self.path.open("rb") as raw_handle:
            raw_handle.seek(self.bom)
            handle = io.TextIOWrapper(raw_handle, encoding=self.encoding, newline="\n")
            number = 0
            try:
                while text := handle.readline(limit + 1):
                    number += 1
                    if len(text) > limit:
                        size, quotes = len(text), text.count('"')
                        while not text.endswith("\n") and (text := handle.readline(_SKIP_BYTES)):
                            size, quotes = size + len(text), quotes + text.count('"')
                        yield self._bounded(Line(number, None, 2 * size, quotes))
                        continue
                    if "\x00" in text:
                        raise _binary(number)
                    yield self._bounded(Line(number, text, 2 * len(text), text.count('"')))
            except UnicodeDecodeError:
                raise FileRejected(
                    f"the file is not valid {self.encoding.upper()} text. Save it as UTF-8 and upload it again.",
                    line=number + 1,
                ) from None


def _skipped(handle, number: int, start: bytes) -> Line:
    """Read past the rest of an over-long line, keeping only its size and quote count."""
    size, quotes, raw = len(start), start.count(b'"'), start
    while not raw.endswith(b"\n") and (raw := handle.readline(_SKIP_BYTES)):
        size, quotes = size + len(raw), quotes + raw.count(b'"')
    return Line(number, None, size, quotes)


def csv_text(line: Line) -> str:
    """What the csv module reads for a line: the line, or for a skipped one a stand-in with
    the same effect on quoting (an odd number of quotes opens or closes a quoted field), so
    the rows after it are split where they would have been."""
    if line.text is not None:
        return line.text
    return ('"' if line.quotes % 2 else "") + "\x00\n"


def csv_delimiter(header: str, required: tuple[str, ...]) -> str:
    """The delimiter among comma, semicolon and tab that makes `header` name the required
    columns: Norwegian and German Excel save "CSV" with semicolons, "Unicode text" with tabs."""
    try:
        # A header is a few hundred characters; the sniffer's patterns are slow on long text.
        sniffed = [csv.Sniffer().sniff(header[:1024], delimiters="".join(DELIMITERS)).delimiter]
    except csv.Error:
        sniffed = []
    for delimiter in dict.fromkeys([*sniffed, *DELIMITERS]):
        columns = {cell.strip().lower() for cell in next(csv.reader([header], delimiter=delimiter), [])}
        if all(name in columns for name in required):
            return delimiter
    return sniffed[0] if sniffed else ","


def header_cells(header: str, delimiter: str) -> list[str]:
    return [cell.strip() for cell in next(csv.reader([header], delimiter=delimiter), [])]


def delimiter_name(delimiter: str) -> str:
    return _DELIMITER_NAMES.get(delimiter, repr(delimiter))
