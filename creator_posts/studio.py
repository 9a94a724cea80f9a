"""Read a creator's per-post spreadsheet: TikTok Studio's "Content" analytics export (CSV or
XLSX), or any CSV/XLSX whose header names the same things (Hookline's own columns included).

Columns are recognised by name, case-insensitively, ignoring spaces, underscores, dashes,
"(%)"-style units and the words "total"/"number of", so "Video views", "Total views" and
"video_views" are one column. The accepted names are in COLUMN_NAMES and docs/your-posts.md.
Times without an offset are the creator's local time (Studio shows local times).
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from seo.corpus.importing.lines import DELIMITERS, FileRejected, file_encoding
from seo.corpus.importing.values import FieldError, is_blank

COLUMN_NAMES: dict[str, tuple[str, ...]] = {
    "video_id": ("video id", "video_id", "id", "item id", "post id"),
    "url": ("video link", "link", "url", "video url", "share url", "post link"),
    "caption": ("video title", "title", "caption", "video caption", "description", "video description",
                "post title", "text"),
    "posted_at": ("post time", "posted at", "posted_at", "post date", "date posted", "publish time",
                  "published", "create time", "video create time", "created", "date", "time"),
    "views": ("video views", "views", "plays", "play count", "view count"),
    "likes": ("likes", "like count", "diggs"),
    "comments": ("comments", "comment count"),
    "shares": ("shares", "share count"),
    "saves": ("saves", "favorites", "favourites", "add to favorites", "bookmarks", "collects"),
    "duration_s": ("duration", "video duration", "duration s", "duration_s", "video length"),
    "average_watch_s": ("average watch time", "avg watch time", "average time watched",
                        "average watch time s", "avg time watched"),
    "full_watch_rate": ("watched full video", "watched full video rate", "full video watched rate",
                        "completion rate", "video completion rate", "finish rate"),
}  # fmt: skip
IGNORED_NAMES = (
    "total play time",
    "total time watched",
    "reach",
    "new followers",
    "profile views",
    "hashtags",
)
EXTRA_FIELDS = ("average_watch_s", "full_watch_rate")  # stored on CreatorPost, unknown to row_clean
_NOISE = re.compile(r"\(.*?\)|%|\btotal\b|\bnumber of\b|[^a-z0-9]+")
_VIDEO_ID_IN_URL = re.compile(r"/video/(\d+)")
_DATE_FORMATS = (
    "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d", "%Y/%m/%d %H:%M", "%Y/%m/%d",
    "%b %d, %Y %H:%M", "%b %d, %Y", "%d %b %Y %H:%M", "%d %b %Y", "%d.%m.%Y %H:%M", "%d.%m.%Y",
)  # fmt: skip
DATE_ONLY_TIME = dt.time(12, 0)  # a date without a time: midday, so the local day is right in any zone
HEADER_SEARCH_ROWS = 10  # exports sometimes put a title line or two above the header


def _key(name: str) -> str:
    return _NOISE.sub(" ", str(name).lower()).strip()


_LOOKUP = {_key(alias): field for field, aliases in COLUMN_NAMES.items() for alias in aliases}


@dataclass
class SheetRow:
    where: str  # "line 4" (CSV) or "row 4" (XLSX)
    data: dict[str, Any]


@dataclass
class Sheet:
    columns: dict[str, str]  # our field -> the header as written
    ignored: list[str]
    rows: list[SheetRow]


def header_fields(header: list[Any]) -> dict[int, str]:
    """Column index -> our field, first match wins (a second "Date" column is ignored)."""
    found: dict[int, str] = {}
    for index, name in enumerate(header):
        field = _LOOKUP.get(_key(name)) if not is_blank(name) else None
        if field and field not in found.values():
            found[index] = field
    return found


def is_per_post(fields: dict[int, str]) -> bool:
    """A header of one row per post: a title, link or id, and views."""
    names = set(fields.values())
    return "views" in names and bool(names & {"caption", "url", "video_id"})


def overview_hint(header: list[Any]) -> str:
    names = set(header_fields(header).values())
    if "views" in names and "posted_at" in names:
        return (
            " It looks like the Overview export (one row per day); upload the Content export,"
            " which has one row per post (Video title, Post time, Video views …)."
        )
    return ""


def sheet_read(path: Path) -> Sheet | None:
    """The rows of a per-post CSV/XLSX, or None when the file is not one (then the trend
    importer's readers get it). Raises FileRejected for a spreadsheet with no per-post header."""
    if _is_xlsx(path):
        return _xlsx_read(path)
    rows = _csv_rows(path)
    return _sheet_from(rows, label="line")


def _is_xlsx(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(4) == b"PK\x03\x04"


def _csv_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    raw = path.read_bytes()
    encoding, bom = file_encoding(raw[:8192])
    try:
        text = raw[bom:].decode(encoding)
    except UnicodeDecodeError as exc:
        raise FileRejected(
            f"the file is not UTF-8 text (byte 0x{raw[bom + exc.start]:02X}); save it as UTF-8"
        ) from None
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max(DELIMITERS, key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for cells in reader:
            yield reader.line_num, cells
    except csv.Error as exc:
        raise FileRejected(f"line {reader.line_num}: {exc}") from None


def _xlsx_read(path: Path) -> Sheet:
    try:
        import openpyxl
    except ImportError:  # pragma: no cover - openpyxl is in requirements.txt
        raise FileRejected(
            "reading .xlsx needs openpyxl, which is not installed; export as CSV instead"
        ) from None
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise FileRejected(
            f"this .xlsx file cannot be opened ({exc.__class__.__name__}); save it again from Excel"
        ) from None
    try:
        tried = []
        for sheet in book.worksheets:
            rows = (
                (number, list(cells)) for number, cells in enumerate(sheet.iter_rows(values_only=True), 1)
            )
            found = _sheet_from(rows, label="row")
            if found is not None:
                return found
            tried.append(sheet.title)
    finally:
        book.close()
    raise FileRejected(
        f"no sheet has one row per post (sheets: {', '.join(tried)}); the Content export has"
        " Video title, Post time and Video views columns"
    )


def _sheet_from(rows: Iterator[tuple[int, list[Any]]], *, label: str) -> Sheet | None:
    header: list[Any] | None = None
    fields: dict[int, str] = {}
    for number, cells in rows:
        if header is None:
            if number > HEADER_SEARCH_ROWS:
                return None
            fields = header_fields(cells)
            if is_per_post(fields):
                header = cells
                sheet = Sheet(
                    columns={field: str(header[i]).strip() for i, field in fields.items()},
                    ignored=[
                        str(c).strip() for i, c in enumerate(header) if i not in fields and not is_blank(c)
                    ],
                    rows=[],
                )
            continue
        if all(is_blank(cell) for cell in cells):
            continue
        data = {field: cells[i] if i < len(cells) else None for i, field in fields.items()}
        sheet.rows.append(SheetRow(f"{label} {number}", data))
    return sheet if header is not None else None


# --- values --------------------------------------------------------------------------------


def studio_row(data: dict[str, Any], *, zone: ZoneInfo) -> tuple[dict[str, Any], dict[str, Any], list[str]]:
    """(fields for seo.corpus.importing.rows.row_clean, extras, problems) from one sheet row. The
    problems are those of values only this reader knows (local times, watch time, completion);
    row_clean reports the rest, so a row's every problem is listed at once."""
    problems: list[str] = []

    def read(parse, *args):
        try:
            return parse(*args)
        except FieldError as exc:
            problems.append(str(exc))
            return None

    row = {name: value for name, value in data.items() if name not in EXTRA_FIELDS}
    for name in ("views", "likes", "comments", "shares", "saves"):
        if isinstance(row.get(name), float) and row[name].is_integer():
            row[name] = int(row[name])  # spreadsheets store counts as floats
    row["posted_at"] = read(_when, data.get("posted_at"), zone)
    url = "" if is_blank(data.get("url")) else str(data["url"]).strip()
    video_id = "" if is_blank(data.get("video_id")) else str(data["video_id"]).strip()
    if isinstance(data.get("video_id"), float):
        video_id = str(int(data["video_id"]))
    if not video_id and (match := _VIDEO_ID_IN_URL.search(url)):
        video_id = match.group(1)
    if not video_id:
        video_id = _stable_id(row["posted_at"], data.get("caption"))
    row["video_id"], row["url"] = video_id, url
    row["caption"] = "" if is_blank(data.get("caption")) else str(data["caption"])
    extras = {
        "average_watch_s": read(_seconds, data.get("average_watch_s"), "average watch time"),
        "full_watch_rate": read(_share, data.get("full_watch_rate")),
        "has_time": has_clock_time(data.get("posted_at")),
    }
    return row, extras, problems


def has_clock_time(value: Any) -> bool:
    """Whether a post time says the time of day: a date alone ("2026-09-01", a date cell) does
    not, and such posts are kept out of peak hours (they would all land on one hour)."""
    if isinstance(value, dt.datetime):
        return True
    if isinstance(value, dt.date) or is_blank(value):
        return False
    text = str(value).strip()
    return ":" in text or (text.isdigit() and len(text) >= 9)


def _when(value: Any, zone: ZoneInfo) -> str | None:
    """An ISO time for row_clean: naive values are the creator's local time."""
    if is_blank(value):
        return None
    if isinstance(value, dt.datetime):
        moment = value
    elif isinstance(value, dt.date):
        moment = dt.datetime.combine(value, DATE_ONLY_TIME)
    else:
        text = str(value).strip()
        moment = None
        if text.isdigit() and len(text) >= 9:  # Unix seconds (a scraper's createTime)
            return dt.datetime.fromtimestamp(int(text), tz=dt.UTC).isoformat()
        try:
            moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            for pattern in _DATE_FORMATS:
                try:
                    moment = dt.datetime.strptime(text, pattern)
                    break
                except ValueError:
                    continue
        if moment is None:
            raise FieldError(
                f"posted_at {text!r} is not a time (use 2025-05-20 18:05, May 20, 2025 18:05 or 20.05.2025)"
            )
        if not has_clock_time(value):
            moment = dt.datetime.combine(moment.date(), DATE_ONLY_TIME)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone)
    return moment.isoformat()


def _stable_id(posted_at: str | None, caption: Any) -> str:
    """A key for a row without a video id: the same post in a later export gets the same key."""
    title = " ".join(str(caption or "").split()).casefold()
    digest = hashlib.sha256(f"{(posted_at or '')[:16]}|{title}".encode()).hexdigest()[:20]
    return f"studio-{digest}"


def _seconds(value: Any, name: str) -> float | None:
    """8.5, "8.5s", "0:08" or "00:00:08" -> seconds."""
    if is_blank(value):
        return None
    if isinstance(value, dt.time):
        return value.hour * 3600 + value.minute * 60 + value.second
    text = str(value).strip().lower().removesuffix("s").strip()
    try:
        if ":" in text:
            total = 0.0
            for part in text.split(":"):
                total = total * 60 + float(part)
            return total
        seconds = float(text)
    except ValueError:
        raise FieldError(f"{name} {value!r} is not a time in seconds (use 8.5 or 0:08)") from None
    if seconds < 0:
        raise FieldError(f"{name} {value!r} is negative")
    return seconds


def _share(value: Any) -> float | None:
    """'12.5%' or 12.5 -> 0.125; a value of 1 or less is already a share (0.125)."""
    if is_blank(value):
        return None
    text = str(value).strip()
    try:
        number = float(text.removesuffix("%").strip())
    except ValueError:
        raise FieldError(f"watched full video {value!r} is not a percentage (use 12.5%)") from None
    share = number / 100 if text.endswith("%") or number > 1 else number
    if not 0 <= share <= 1:
        raise FieldError(f"watched full video {value!r} is not between 0 and 100%")
    return share
