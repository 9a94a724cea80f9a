"""creator_posts_import: a creator's own posts from one uploaded file, into CreatorPost only.

Reads TikTok Studio's Content export (CSV/XLSX, creator_posts.studio) or any file the trend
importer reads (canonical CSV/JSON Lines, Research API pages, scraper items; through
seo.corpus.importing.readers, read-only reuse), validates every row with the trend importer's
row_clean, and upserts by (owner, video_id), so uploading the same export again updates the
posts instead of doubling them. All or nothing: with any bad row nothing is written unless
the creator asks to skip the bad rows. Nothing here touches seo.TrendPost or the index.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction

from creator_posts.models import CreatorPost
from creator_posts.studio import COLUMN_NAMES, overview_hint, sheet_read, studio_row
from seo.corpus.importing.lines import FileRejected
from seo.corpus.importing.readers import read_rows
from seo.corpus.importing.rows import PostRow, row_clean

MAX_ROWS = 20_000
MAX_LISTED_ERRORS = 200
SAVED_FIELDS = (
    "caption", "posted_at", "views", "likes", "comments", "shares", "saves", "engagement_rate",
    "duration_s", "average_watch_s", "full_watch_rate", "url",
)  # fmt: skip


def max_upload_bytes() -> int:
    return settings.CREATOR_POSTS_MAX_UPLOAD_BYTES  # a year of daily posts is ~100 KB


@dataclass
class UploadReport:
    file_name: str
    file_kind: str = ""
    rows_read: int = 0
    created: int = 0
    updated: int = 0
    skipped: int = 0
    error_count: int = 0
    errors: list[str] = field(default_factory=list)
    columns: dict[str, str] = field(default_factory=dict)
    ignored_columns: list[str] = field(default_factory=list)
    rejected: str = ""  # the whole file was refused, and why

    @property
    def imported(self) -> int:
        return self.created + self.updated

    @property
    def saved_nothing(self) -> bool:
        return self.imported == 0

    def error(self, where: str, message: str) -> None:
        self.error_count += 1
        if len(self.errors) < MAX_LISTED_ERRORS:
            self.errors.append(f"{where}: {message}")


@dataclass
class _Clean:
    where: str
    post: PostRow
    extras: dict


def creator_posts_import(
    *, owner, path: Path, file_name: str, zone: ZoneInfo, skip_invalid: bool = False
) -> UploadReport:
    """Import `path` as `owner`'s own posts and say what happened, row by row."""
    report = UploadReport(file_name=file_name)
    try:
        cleaned = _rows(path, zone=zone, report=report)
    except FileRejected as exc:
        report.rejected = exc.message
        return report
    if report.error_count and not skip_invalid:
        return report  # all or nothing: the creator fixes the file, or ticks "skip the bad rows"
    report.skipped = report.error_count
    _upsert(owner=owner, rows=cleaned, report=report)
    return report


def _rows(path: Path, *, zone: ZoneInfo, report: UploadReport) -> list[_Clean]:
    sheet = sheet_read(path)
    if sheet is not None:
        report.file_kind = "spreadsheet of your posts (TikTok Studio Content export or similar)"
        report.columns, report.ignored_columns = sheet.columns, sheet.ignored
        raw = []
        for row in sheet.rows:
            data, extras, problems = studio_row(row.data, zone=zone)
            raw.append((row.where, data, extras, problems))
    else:
        report.file_kind = "Hookline import file (CSV, JSON Lines, Research API or scraper JSON)"
        try:
            raw = [
                (
                    f"line {r.line}" + (f", item {r.item}" if r.item else ""),
                    None if r.problem else r.data,
                    {},
                    [],
                )
                for r in read_rows(path)
            ]
        except FileRejected as exc:
            hint = _header_hint(path)
            raise FileRejected(exc.message + hint) from None
        for where, data, _, _ in raw:
            if data is None:
                report.error(where, "this row could not be read (broken quoting or JSON)")
    if len(raw) > MAX_ROWS:
        raise FileRejected(f"the file has {len(raw):,} rows; at most {MAX_ROWS:,} can be uploaded at once")
    report.rows_read = len(raw)
    cleaned: list[_Clean] = []
    first_seen: dict[str, str] = {}
    for where, data, extras, problems in raw:
        if data is None:
            continue
        result = row_clean(0, data)
        problems = problems + ([] if isinstance(result, PostRow) else [p.message for p in result])
        if problems:
            report.error(where, "; ".join(problems))
            continue
        if result.video_id in first_seen:
            report.error(
                where, f"the same post appears twice in this file (first on {first_seen[result.video_id]})"
            )
            continue
        first_seen[result.video_id] = where
        cleaned.append(_Clean(where, result, extras))
    if not raw:
        raise FileRejected("the file has a header but no rows")
    return cleaned


def _header_hint(path: Path) -> str:
    """Why a CSV was not read as one row per post, when its header says so."""
    try:
        first = path.read_text(encoding="utf-8-sig", errors="replace").splitlines()[0]
    except (OSError, IndexError):
        return ""
    cells = [cell.strip().strip('"') for cell in first.replace(";", ",").replace("\t", ",").split(",")]
    hint = overview_hint(cells)
    if hint:
        return "." + hint
    names = ", ".join(aliases[0] for aliases in COLUMN_NAMES.values())
    return f". A spreadsheet of your posts needs a views column and a title, link or id column (accepted: {names}, …)"


@transaction.atomic
def _upsert(*, owner, rows: list[_Clean], report: UploadReport) -> None:
    existing = set(
        CreatorPost.objects.filter(owner=owner, video_id__in=[r.post.video_id for r in rows]).values_list(
            "video_id", flat=True
        )
    )
    posts = []
    for row in rows:
        values = {name: getattr(row.post, name, None) for name in SAVED_FIELDS if name not in row.extras}
        values.update(row.extras)
        posts.append(CreatorPost(owner=owner, video_id=row.post.video_id, **values))
    CreatorPost.objects.bulk_create(
        posts,
        batch_size=500,
        update_conflicts=True,
        unique_fields=["owner", "video_id"],
        update_fields=[*SAVED_FIELDS, "has_time", "updated_at"],
    )
    report.updated = sum(1 for row in rows if row.post.video_id in existing)
    report.created = len(rows) - report.updated


def creator_posts_delete_all(*, owner) -> int:
    """Delete every own post of `owner`; the count deleted."""
    deleted, _ = CreatorPost.objects.filter(owner=owner).delete()
    return deleted
