"""Scheduled imports: fetch a registered source (a folder or an HTTPS address) and import
what is new through the one importer.

- A folder source imports each file once: a file is remembered by name, size and
  modification time once it imported, so a file replaced by a new version is imported
  again, and one still being copied (changed in the last IMPORT_SOURCE_SETTLE_SECONDS)
  waits for the next run.
- An address source is fetched over HTTPS only (http://127.0.0.1 only when the test setting
  IMPORT_SOURCES_ALLOW_LOCAL_HTTP is on), with a timeout and a size cap, into the shared
  uploads folder; a body identical to the last one imported is not imported again.

A run fails when the fetch fails or a file does not import; after IMPORT_SOURCE_MAX_FAILURES
failed runs in a row the source is paused (disabled, with the reason) until staff enable it.
"""

from __future__ import annotations

import hashlib
import logging
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from seo.corpus.importing.service import trend_import
from seo.models import ImportSource

logger = logging.getLogger(__name__)
_LISTED_ERRORS = 20
_LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}


class SourceError(Exception):
    """The source could not be fetched; the message is shown on the job and in the admin."""


@dataclass
class SourceRun:
    """What one run did: each file's import summary, and the failure, if any."""

    source: str
    files: list[dict[str, Any]] = field(default_factory=list)
    error: str = ""
    written: int = 0

    @property
    def ok(self) -> bool:
        return not self.error and all(entry["imported"] for entry in self.files)

    @property
    def summary(self) -> str:
        if self.error:
            return f"{self.source}: {self.error}"
        if not self.files:
            return f"{self.source}: nothing new to import."
        failed = sum(not entry["imported"] for entry in self.files)
        text = f"{self.source}: {len(self.files)} file{'s' if len(self.files) != 1 else ''} imported"
        text += f", {self.written:,} posts created or updated"
        return text + (f"; {failed} failed (see their errors)." if failed else ".")

    def as_report(self) -> dict[str, Any]:
        return {"source": self.source, "files": self.files, "error": self.error, "summary": self.summary}


def url_check(url: str) -> str | None:
    """Why this address may not be a source, or None."""
    parts = urlsplit(url)
    if parts.scheme == "https" and parts.hostname:
        return None
    local = parts.scheme == "http" and parts.hostname in _LOCAL_HOSTS
    if local and settings.IMPORT_SOURCES_ALLOW_LOCAL_HTTP:
        return None
    return "the address must start with https:// (plain http is not accepted)"


class _HttpsOnlyRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        problem = url_check(newurl)
        if problem:
            raise SourceError(f"the address redirected to {newurl[:200]}: {problem}")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def url_download(url: str, target: Path) -> str:
    """Fetch `url` into `target` (at most IMPORT_SOURCE_MAX_BYTES); the body's sha256."""
    problem = url_check(url)
    if problem:
        raise SourceError(problem)
    limit = settings.IMPORT_SOURCE_MAX_BYTES
    opener = urllib.request.build_opener(_HttpsOnlyRedirects)
    # The scheme was checked by url_check just above (https, or local http in tests).
    request = urllib.request.Request(url, headers={"User-Agent": "Hookline scheduled import"})  # noqa: S310
    digest = hashlib.sha256()
    size = 0
    try:
        with opener.open(request, timeout=settings.IMPORT_SOURCE_TIMEOUT_SECONDS) as response:
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > limit:
                raise SourceError(
                    f"the address sends {int(declared):,} bytes; at most {limit:,} are accepted"
                )
            # The timeout bounds each wait for data; a server that drips bytes is stopped by this.
            deadline = time.monotonic() + 10 * settings.IMPORT_SOURCE_TIMEOUT_SECONDS
            with target.open("wb") as handle:
                while chunk := response.read(1 << 16):
                    if time.monotonic() > deadline:
                        raise SourceError(
                            f"the download took longer than {10 * settings.IMPORT_SOURCE_TIMEOUT_SECONDS} s"
                        )
                    size += len(chunk)
                    if size > limit:
                        raise SourceError(
                            f"the address sent more than {limit:,} bytes; at most that is accepted"
                        )
                    digest.update(chunk)
                    handle.write(chunk)
    except urllib.error.HTTPError as exc:
        raise SourceError(f"the address answered HTTP {exc.code} {exc.reason}") from None
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise SourceError(f"the address could not be fetched ({reason})") from None
    if not size:
        raise SourceError("the address sent an empty body")
    return digest.hexdigest()


def folder_new_files(source: ImportSource) -> list[tuple[Path, str]]:
    """(file, its name|size|mtime key) for the folder's files not imported yet, oldest first."""
    folder = Path(source.location)
    if not folder.is_dir():
        raise SourceError(f"the folder {source.location} does not exist or is not readable")
    settled = time.time() - settings.IMPORT_SOURCE_SETTLE_SECONDS
    found = []
    for path in folder.iterdir():
        if path.name.startswith(".") or not path.is_file():
            continue
        stat = path.stat()
        key = f"{path.name}|{stat.st_size}|{int(stat.st_mtime)}"
        if key not in source.seen and stat.st_mtime <= settled:
            found.append((stat.st_mtime, path, key))
    return [(path, key) for _, path, key in sorted(found)]


def _import(source: ImportSource, path: Path, run: SourceRun, shown: str) -> bool:
    report = trend_import(
        paths=[path],
        source=source.post_source,
        skip_invalid=source.skip_invalid,
        file_format=source.preset.columns if source.preset_id else None,
    )
    run.written += report.created + report.updated
    run.files.append(
        {
            "name": shown,
            "imported": report.imported,
            "summary": report.summary,
            "errors": report.errors[:_LISTED_ERRORS],
            "error_count": report.error_count,
        }
    )
    return report.imported


def source_fetch_and_import(source: ImportSource) -> SourceRun:
    """Import what is new at the source; `source.seen` is updated (not saved)."""
    run = SourceRun(source=source.name)
    try:
        if source.kind == ImportSource.Kind.FOLDER:
            for path, key in folder_new_files(source):
                if _import(source, path, run, path.name):
                    source.seen[key] = timezone.now().isoformat()
            return run
        folder = Path(settings.DATA_DIR) / "uploads" / "imports"
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{uuid.uuid4().hex[:12]}-source-{source.pk}"
        try:
            digest = url_download(source.location, target)
            if digest != source.seen.get("sha256") and _import(source, target, run, source.location):
                source.seen = {"sha256": digest}
        finally:
            target.unlink(missing_ok=True)
    except SourceError as exc:
        run.error = str(exc)
    except Exception as exc:  # counted as a failed run too, so a source that crashes is paused
        logger.exception("import source %s failed", source.pk)
        run.error = f"the import stopped unexpectedly ({exc})"
    return run


def import_source_run(*, source_id: int, job_id: str | None = None) -> SourceRun:
    """One run of a source: fetch, import, then record the outcome on the source (pausing
    it after IMPORT_SOURCE_MAX_FAILURES failed runs in a row)."""
    source = ImportSource.objects.select_related("preset").get(pk=source_id)
    run = source_fetch_and_import(source)
    now = timezone.now()
    source.last_run_at = now
    source.last_job_id = job_id
    source.next_run_at = now + timedelta(minutes=source.interval_minutes)
    if run.ok:
        source.failure_count = 0
        source.paused_reason = ""
    else:
        source.failure_count += 1
        if source.failure_count >= settings.IMPORT_SOURCE_MAX_FAILURES:
            source.enabled = False
            source.paused_reason = (
                f"Paused after {source.failure_count} failed runs in a row; the last: "
                f"{run.error or 'a file did not import (see the run report)'}"
            )[:500]
    source.save(
        update_fields=[
            "seen", "last_run_at", "last_job", "next_run_at", "failure_count", "paused_reason", "enabled",
        ]
    )  # fmt: skip
    return run


def import_sources_claim_due(*, now=None) -> list[int]:
    """The enabled sources whose time has come, each claimed by moving its next run on (a
    conditional UPDATE, so two beat processes never start the same run twice)."""
    now = now or timezone.now()
    due = ImportSource.objects.filter(Q(next_run_at__isnull=True) | Q(next_run_at__lte=now), enabled=True)
    claimed = []
    for source in due.only("pk", "next_run_at", "interval_minutes"):
        later = now + timedelta(minutes=source.interval_minutes)
        if ImportSource.objects.filter(pk=source.pk, next_run_at=source.next_run_at).update(
            next_run_at=later
        ):
            claimed.append(source.pk)
    return claimed
