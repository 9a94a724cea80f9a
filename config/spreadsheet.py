"""The one rule for a CSV cell that a spreadsheet will open: text, never a formula.

Every CSV Hookline writes (the plan export, the staff trend export, batch scores) passes its
cells through `csv_safe`, so a caption such as `=HYPERLINK(...)` cannot run in Excel (CSV
injection): a cell that starts like a formula gets a leading apostrophe, which spreadsheets
show as text.
"""

from __future__ import annotations

# Spreadsheets start a formula with one of these (tab and carriage return too, as some
# strip them first and then read the next character as the start of the cell).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: object) -> str:
    """The cell as text (dates in ISO 8601, None empty), with an apostrophe before a formula."""
    if value is None:
        return ""
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text
