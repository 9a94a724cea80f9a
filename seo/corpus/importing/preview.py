"""The first rows of an uploaded CSV or .xlsx file, for the admin's column-mapping step.

Reads only the header and a few rows (bounded lines, as the importer does), so a preview of
a large file costs no more than one of a small file.
"""

from __future__ import annotations

import csv
import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from seo.corpus.importing.lines import FileRejected, csv_text, delimiter_name
from seo.corpus.importing.readers import file_check, file_format
from seo.corpus.importing.tables import TablePlan, table_delimiter
from seo.corpus.importing.xlsx import cell_value, is_xlsx, sheet_rows

PREVIEW_ROWS = 5
CELL_CHARS = 80


@dataclass
class TablePreview:
    header: list[str]
    rows: list[list[str]] = field(default_factory=list)
    kind: str = "csv"
    delimiter: str = ","

    @property
    def described(self) -> str:
        if self.kind == "xlsx":
            return ".xlsx workbook (first sheet)"
        return f"CSV separated by {delimiter_name(self.delimiter)}"

    @property
    def recognised(self) -> bool:
        """Whether the importer reads this header by itself (Hookline's own or a scraper's columns)."""
        try:
            TablePlan(self.header, line=1)
        except FileRejected:
            return False
        return True

    def columns(self) -> list[tuple[str, list[str]]]:
        """(column name, its cells in the preview rows)."""
        return [
            (name, [row[i] if i < len(row) else "" for row in self.rows])
            for i, name in enumerate(self.header)
        ]


def _shown(value) -> str:
    text = str(cell_value(value)).replace("\n", " ")
    return text if len(text) <= CELL_CHARS else text[: CELL_CHARS - 1] + "…"


def table_preview(path: Path, *, rows: int = PREVIEW_ROWS) -> TablePreview | None:
    """The header and first rows of a CSV or .xlsx file; None for a JSON file (JSON is
    recognised by its keys and never needs a mapping). FileRejected for an unreadable file."""
    if is_xlsx(path):
        found = list(itertools.islice(sheet_rows(path), rows + 1))
        if not found:
            raise FileRejected("the workbook's first sheet is empty")
        header = [str(cell).strip() for cell in found[0][1]]
        return TablePreview(header, [[_shown(c) for c in cells] for _, cells in found[1:]], kind="xlsx")
    lines = file_check(path)
    if file_format(path) != "csv":
        return None
    texts = _texts(iter(lines))
    first = next(texts, None)
    if first is None:
        raise FileRejected("the file is empty")
    delimiter = table_delimiter(first)
    records = csv.reader(itertools.chain([first], texts), delimiter=delimiter)
    try:
        header = [cell.strip() for cell in next(records)]
        shown = [[_shown(cell) for cell in record] for record in itertools.islice(records, rows)]
    except csv.Error as exc:
        raise FileRejected(f"the CSV is malformed: {exc}") from None
    return TablePreview(header, shown, kind="csv", delimiter=delimiter)


def _texts(lines) -> Iterator[str]:
    """Line texts from the first non-blank one (the header) on."""
    started = False
    for line in lines:
        text = csv_text(line)
        if not started and not text.strip():
            continue
        started = True
        yield text
