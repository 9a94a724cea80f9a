""".xlsx workbooks (Excel, Google Sheets' download) read through openpyxl in read-only mode.

Read-only mode streams the sheet's XML row by row, so a workbook of any number of rows is
read in bounded memory; only the shared strings table (each distinct text once) is held
whole, and a workbook whose table is over MAX_SHARED_STRINGS_BYTES is refused before it is
loaded. The first sheet is read; its first non-empty row is the header, and a row's number
is its row number in the sheet, so errors point at the row staff see in Excel.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from seo.corpus.importing.lines import FileRejected
from seo.corpus.importing.tables import RawRow, TablePlan

MAX_SHARED_STRINGS_BYTES = 64 * 1024 * 1024
_ZIP_MAGIC = b"PK\x03\x04"


def is_xlsx(path: Path) -> bool:
    """A zip holding a workbook part, whatever the file is called."""
    try:
        with path.open("rb") as handle:
            if handle.read(4) != _ZIP_MAGIC:
                return False
        with zipfile.ZipFile(path) as archive:
            return "xl/workbook.xml" in archive.namelist()
    except (OSError, zipfile.BadZipFile):
        return False


@contextmanager
def _first_sheet(path: Path):
    import openpyxl  # imported here: only imports of workbooks pay for it

    with zipfile.ZipFile(path) as archive:
        try:
            strings = archive.getinfo("xl/sharedStrings.xml").file_size
        except KeyError:
            strings = 0
    if strings > MAX_SHARED_STRINGS_BYTES:
        raise FileRejected(
            f"the workbook's text table is {strings / 1e6:,.0f} MB unpacked (at most "
            f"{MAX_SHARED_STRINGS_BYTES // 1024 // 1024} MB); save the sheet as CSV (UTF-8) and import that"
        )
    # Opened as a file, not by name: openpyxl checks a name's extension, and an export
    # is recognised by its content whatever it is called.
    with path.open("rb") as handle:
        try:
            workbook = openpyxl.load_workbook(handle, read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many kinds for a damaged workbook
            raise FileRejected(f"the .xlsx workbook could not be opened ({exc})") from None
        try:
            if not workbook.worksheets:
                raise FileRejected("the workbook has no sheet")
            yield workbook.worksheets[0]
        finally:
            workbook.close()


def cell_value(value: Any) -> Any:
    """A cell as the importer reads text: dates as ISO 8601, whole numbers without `.0`."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat()
    return value


def sheet_rows(path: Path) -> Iterator[tuple[int, list[Any]]]:
    """(row number, cells) for each non-empty row of the first sheet."""
    with _first_sheet(path) as sheet:
        try:
            for number, values in enumerate(sheet.iter_rows(min_row=1, values_only=True), start=1):
                cells = [cell_value(value) for value in values]
                if any(cell != "" for cell in cells):
                    yield number, cells
        except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
            raise FileRejected(f"the .xlsx workbook is damaged ({exc})") from None


def xlsx_rows(
    path: Path, *, shape: str | None = None, mapping: Mapping[str, str] | None = None
) -> Iterator[RawRow]:
    rows = sheet_rows(path)
    first = next(rows, None)
    if first is None:
        raise FileRejected("the workbook's first sheet is empty")
    header_line, header = first
    plan = TablePlan([str(cell) for cell in header], line=header_line, shape=shape, mapping=mapping)
    count = 0
    for number, cells in rows:
        count += 1
        yield plan.row(number, cells)
    if not count:
        raise FileRejected("the sheet has a header row but no posts", line=header_line)


def xlsx_row_estimate(path: Path) -> int:
    """The sheet's row count as its dimension says (no rows are read)."""
    try:
        with _first_sheet(path) as sheet:
            return max(sheet.max_row or 1, 1)
    except FileRejected:
        return 1
