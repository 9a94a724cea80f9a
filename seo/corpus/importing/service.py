"""trend_import: the one implementation behind the command, the admin upload job and the demo data."""

from __future__ import annotations

import contextlib
import gc
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from seo.corpus.curation import hashtag_counts_refresh
from seo.corpus.importing.formats import SOURCE_FIELDS
from seo.corpus.importing.languages import languages_fill
from seo.corpus.importing.readers import FileRejected, RawRow, estimate_rows, read_rows
from seo.corpus.importing.rows import PostRow, RowError, row_clean
from seo.corpus.importing.seen import SeenIds
from seo.corpus.importing.writers import writer_for
from seo.models import TrendPost

# Rows validated before they are written. 5,000 rows hold ~30 MB where 20,000 held ~60 MB
# (the peak-memory target is 250 MB, of which Django and lingua take ~200 MB) and import as
# fast (per-chunk statements are few: 100,000 rows in 41.6 s against 44.8 s, same machine).
CHUNK_ROWS = 5_000
# From this many rows (estimated from line counts) a PostgreSQL import suspends the link
# table's foreign keys and validates them once at the end (see PostgresCopyWriter).
BULK_ROWS = 50_000
# A report lists this many problems; the count of all of them is kept separately.
MAX_LISTED_ERRORS = 1000
SOURCE_MAX_LENGTH = TrendPost._meta.get_field("source").max_length

Progress = Callable[[int, int], None]


@dataclass
class ImportReport:
    files: list[str] = field(default_factory=list)
    source: str = "import"
    dry_run: bool = False
    skip_invalid: bool = False
    rows_read: int = 0
    created: int = 0
    updated: int = 0
    skipped: int = 0
    new_hashtags: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)
    error_count: int = 0
    elapsed: float = 0.0
    # False when errors stopped the import (nothing was written).
    imported: bool = True

    def add_error(self, error: RowError, *, file: str | None = None) -> None:
        self.error_count += 1
        if len(self.errors) < MAX_LISTED_ERRORS:
            entry = error.as_dict()
            if file and len(self.files) > 1:
                entry["file"] = file
            self.errors.append(entry)

    @property
    def rows_per_second(self) -> float:
        return self.rows_read / self.elapsed if self.elapsed else 0.0

    @property
    def summary(self) -> str:
        problems = f"{self.error_count:,} problem{'s' if self.error_count != 1 else ''}"
        if not self.imported:
            return (
                f"Imported nothing: {problems} in {self.rows_read:,} rows. Fix the lines listed, "
                "or import with skip-invalid to keep the valid rows."
            )
        verb = "Would create" if self.dry_run else "Created"
        text = (
            f"{verb} {self.created:,} and {'would update' if self.dry_run else 'updated'} {self.updated:,} "
            f"of {self.rows_read:,} rows"
        )
        if self.skipped:
            text += f"; skipped {self.skipped:,} invalid"
        if self.error_count and not self.skipped:
            text += f"; {problems}"
        text += f" in {self.elapsed:.1f} s"
        return text + (" (dry run: nothing was written)." if self.dry_run else ".")

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["summary"] = self.summary
        data["rows_per_second"] = round(self.rows_per_second)
        return data


class _Rollback(Exception):
    pass


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector off for the import: its rows, tags and statements form no
    reference cycles (reference counting frees them), yet the collector kept re-scanning
    every chunk's live objects, 5-6 % of an import's CPU. Cycles made meanwhile, here or in
    another thread, are collected when it is back on."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def trend_import(
    *,
    paths: Iterable[str | Path],
    source: str = "import",
    dry_run: bool = False,
    skip_invalid: bool = False,
    progress: Progress | None = None,
    file_format: str | None = None,
) -> ImportReport:
    """Import trend files, upserting posts by (source, video_id).

    Each file's format (canonical CSV or JSON Lines, TikTok Research API responses, scraper
    JSON) is recognised from its content unless `file_format` names one
    (seo.corpus.importing.formats.FORMATS). By default one invalid row anywhere means nothing is
    written (one transaction); with skip_invalid the valid rows go in and every skipped
    line is reported.
    """
    started = time.perf_counter()
    files = [Path(p) for p in paths]
    report = ImportReport(
        files=[str(p) for p in files], source=source, dry_run=dry_run, skip_invalid=skip_invalid
    )
    source = (source or "").strip()
    if not source or len(source) > SOURCE_MAX_LENGTH:
        report.add_error(
            RowError(line=0, field="source", message=f"source must be 1 to {SOURCE_MAX_LENGTH} characters")
        )
        report.imported = False
        return report
    total = sum(estimate_rows(p) for p in files if p.is_file())
    writer = writer_for(source=source, dry_run=dry_run)
    try:
        with _collector_paused(), writer.transaction():
            bulk = total >= BULK_ROWS and hasattr(writer, "constraints_suspend")
            if bulk:
                writer.constraints_suspend()
            for path in files:
                _import_file(
                    path,
                    writer=writer,
                    report=report,
                    progress=progress,
                    total=total,
                    file_format=file_format,
                )
            if report.error_count and not skip_invalid:
                raise _Rollback
            if bulk:
                writer.constraints_restore()
            if not dry_run and (report.created or report.updated):
                with writer.publish():
                    hashtag_counts_refresh()
    except _Rollback:
        report.imported = False
        report.skipped = report.rows_read
        report.created = report.updated = 0
    report.new_hashtags = writer.tags.created if report.imported else 0
    report.elapsed = time.perf_counter() - started
    if progress:
        progress(report.rows_read, max(total, report.rows_read))
    return report


def _row_errors(raw: RawRow) -> PostRow | list[RowError]:
    """The row cleaned, or its errors with its item and the field names of its own format."""
    if raw.problem:
        return [RowError(line=raw.line, item=raw.item, message=f"Row {raw.problem}")]
    cleaned = row_clean(raw.line, raw.data, detect=False)
    if isinstance(cleaned, PostRow) or (raw.item is None and raw.shape is None):
        return cleaned
    sources = SOURCE_FIELDS.get(raw.shape or "", {})
    for error in cleaned:
        error.item = raw.item
        source = sources.get(error.field or "")
        if source and error.message.startswith(f"{error.field} "):
            error.message = f"{error.field} (from {source}) {error.message.removeprefix(f'{error.field} ')}"
    return cleaned


def _first_seen(where: int | str) -> str:
    return f"line {where}" if isinstance(where, int) else where


def _import_file(
    path: Path,
    *,
    writer,
    report: ImportReport,
    progress: Progress | None,
    total: int,
    file_format: str | None = None,
) -> None:
    """One file inside its own savepoint, so a file rejected halfway leaves nothing behind."""
    seen = SeenIds()
    languages: dict[str, str] = {}  # caption opening -> language, across the file's chunks
    chunk: list[PostRow] = []
    counts = {"rows": 0, "created": 0, "updated": 0, "skipped": 0}
    stop_writing = bool(report.error_count and not report.skip_invalid)

    def flush() -> None:
        if chunk and not stop_writing:
            if not report.dry_run:  # a dry run stores nothing, so it needs no languages
                languages_fill(chunk, languages)
            created, updated = writer.write(chunk)
            counts["created"] += created
            counts["updated"] += updated
        chunk.clear()
        seen.spill()
        if progress:
            progress(report.rows_read + counts["rows"], max(total, report.rows_read + counts["rows"]))

    try:
        with writer.file_scope():
            for raw in read_rows(path, file_format):
                counts["rows"] += 1
                cleaned = _row_errors(raw)
                if isinstance(cleaned, PostRow):
                    where = raw.where
                    first = seen.first_line(cleaned.video_id, where)
                    if first != where:
                        cleaned = [
                            RowError(
                                line=cleaned.line,
                                item=raw.item,
                                field="video_id",
                                message=f"video_id {cleaned.video_id} appears twice in this file "
                                f"(first on {_first_seen(first)})",
                            )
                        ]
                if isinstance(cleaned, list):
                    counts["skipped"] += 1
                    for error in cleaned:
                        report.add_error(error, file=path.name)
                    stop_writing = stop_writing or not report.skip_invalid
                    continue
                chunk.append(cleaned)
                if len(chunk) >= CHUNK_ROWS:
                    flush()
            flush()
            if hasattr(writer, "drain"):  # the chunk the server may still be writing
                created, updated = writer.drain()
                counts["created"] += created
                counts["updated"] += updated
    except FileRejected as exc:
        seen.close()
        # Tags created inside the rolled-back savepoint are gone: forget their cached ids.
        writer.tags.cache.clear()
        report.add_error(RowError(line=exc.line or 0, message=f"{path.name}: {exc.message}"), file=path.name)
        report.rows_read += counts["rows"]
        report.skipped += counts["rows"]
        return
    seen.close()
    report.rows_read += counts["rows"]
    report.created += counts["created"]
    report.updated += counts["updated"]
    report.skipped += counts["skipped"]
