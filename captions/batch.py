"""Batch scoring: a CSV of planned captions in, a CSV of scores and suggested hashtags out.

The upload is checked while the creator waits (size, encoding, header, row limit),
so a file that cannot work is refused at once with the reason; rows that are bad on
their own are reported by line and the rest are scored. The scoring itself runs in
a Celery job (captions.tasks, which also enqueues it) that writes DATA_DIR/exports/<job id>.csv. Every row
goes through the same caption_score as the editor and the API, and suggest() serves
every row from the one suggestion index loaded in the worker process.
"""

from __future__ import annotations

import csv
import io
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.urls import reverse

from config.spreadsheet import csv_safe
from jobs.models import Job
from jobs.runner import JobError
from jobs.services import job_create, job_progress
from seo.corpus.importing.lines import csv_delimiter, file_encoding
from seo.score.inputs import caption_score_for

JOB_KIND = "caption_batch"
MAX_CAPTION_CHARS = 20_000
MAX_TITLE_CHARS = 200
PROGRESS_EVERY = 50
SUGGESTED_TAGS = 5
ERRORS_REPORTED = 200
_LANGUAGE = re.compile(r"^[a-z]{2,3}(?:[-_][a-z0-9]{2,8})?$")
OUTPUT_COLUMNS = [
    "line", "title", "language", "score", "failed_checks", "warned_checks", "advice",
    "suggested_hashtags", "caption", "problem",
]  # fmt: skip


class BatchError(JobError):
    """A file that cannot be scored at all, with a message fit to show the creator."""


@dataclass(frozen=True)
class BatchRow:
    line: int
    title: str
    caption: str
    language: str


def max_bytes() -> int:
    return settings.CAPTION_BATCH_MAX_BYTES


def max_rows() -> int:
    return settings.CAPTION_BATCH_MAX_ROWS


def _size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB".replace(".0 MB", " MB")
    return f"{size / 1024:.0f} KB" if size >= 1024 else f"{size} bytes"


def _decode(data: bytes) -> str:
    """UTF-8, or UTF-16 as Excel saves "Unicode text" (told by its byte-order mark)."""
    encoding, bom = file_encoding(data[:4096])
    if encoding != "utf-8":
        try:
            return data[bom:].decode(encoding)
        except UnicodeDecodeError:
            raise BatchError(
                f"The file is not valid {encoding.upper()} text. Choose “CSV UTF-8” when saving."
            ) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise BatchError(
            f"The file is not UTF-8 text (first bad byte on line {line}). "
            "In your spreadsheet choose “CSV UTF-8” when saving."
        ) from None


def _csv_error(line: int, exc: csv.Error) -> BatchError:
    if "field larger than field limit" in str(exc):
        return BatchError(
            f"Line {line} has a cell of more than {csv.field_size_limit():,} characters; "
            f"a caption may have at most {MAX_CAPTION_CHARS:,}."
        )
    return BatchError(f"Line {line} is not valid CSV: {exc}.")


def batch_parse(*, data: bytes) -> tuple[list[BatchRow], list[dict[str, Any]]]:
    """The file's rows to score and the rows refused, each refusal with its line number."""
    if len(data) > max_bytes():
        raise BatchError(f"The file is {_size_text(len(data))}; the limit is {_size_text(max_bytes())}.")
    text = _decode(data)
    if "\x00" in text:
        raise BatchError("The file contains NUL bytes: it looks like a spreadsheet, not a CSV file.")
    # Norwegian and German Excel save "CSV" with semicolons, "Unicode text" with tabs.
    first_line = next((line for line in io.StringIO(text, newline="") if line.strip()), "")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=csv_delimiter(first_line, ("caption",)))
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise _csv_error(1, exc) from None
    columns = [name.strip().lower() for name in header or []]
    if "caption" not in columns:
        raise BatchError(
            "The first line must name the columns, including “caption” (and optionally title, language)."
        )
    index = {name: columns.index(name) for name in ("title", "caption", "language") if name in columns}
    rows: list[BatchRow] = []
    errors: list[dict[str, Any]] = []
    start = reader.line_num + 1
    while True:
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise _csv_error(start, exc) from None
        line, start = start, reader.line_num + 1
        if not any(cell.strip() for cell in record):
            continue  # blank lines are nobody's mistake
        if len(rows) + len(errors) >= max_rows():
            raise BatchError(f"The file has more than {max_rows():,} captions; split it into smaller files.")
        cell = {name: record[i].strip() if i < len(record) else "" for name, i in index.items()}
        problem = _row_problem(cell)
        if problem:
            errors.append(
                {"line": line, "message": problem, "title": cell.get("title", "")[:MAX_TITLE_CHARS]}
            )
            continue
        language = cell.get("language", "").lower().replace("_", "-")
        rows.append(
            BatchRow(line=line, title=cell.get("title", ""), caption=cell["caption"], language=language)
        )
    if not rows and not errors:
        raise BatchError("The file has a header but no captions.")
    return rows, errors


def _row_problem(cell: dict[str, str]) -> str:
    if not cell["caption"]:
        return "the caption is empty"
    if len(cell["caption"]) > MAX_CAPTION_CHARS:
        return f"the caption is {len(cell['caption']):,} characters; at most {MAX_CAPTION_CHARS:,} are scored"
    if len(cell.get("title", "")) > MAX_TITLE_CHARS:
        return f"the title is longer than {MAX_TITLE_CHARS} characters"
    language = cell.get("language", "")
    if language and not _LANGUAGE.match(language.lower()):
        return f"“{language[:20]}” is not a language code such as en or nb"
    return ""


def _upload_dir() -> Path:
    return Path(settings.DATA_DIR) / "uploads" / "caption-batches"


def export_path(job_id: str) -> Path:
    return Path(settings.DATA_DIR) / "exports" / f"caption-scores-{job_id}.csv"


def batch_job_create(*, user, uploaded_file: UploadedFile) -> Job:
    """Check the upload, keep it, and create its scoring job; BatchError when refused.

    captions.tasks.batch_upload enqueues the job (this module never imports the task)."""
    if uploaded_file.size is not None and uploaded_file.size > max_bytes():
        raise BatchError(
            f"The file is {_size_text(uploaded_file.size)}; the limit is {_size_text(max_bytes())}."
        )
    data = uploaded_file.read(max_bytes() + 1)
    rows, errors = batch_parse(data=data)
    name = Path(uploaded_file.name or "captions.csv").name[:100]
    job = job_create(
        kind=JOB_KIND,
        title=f"Scoring {name}",
        user=user,
        params={"filename": name, "rows": len(rows), "refused": len(errors)},
    )
    path = _upload_dir() / f"{job.pk}.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return job


def _scored_row(row: BatchRow) -> tuple[dict[str, Any], list[str], int]:
    score, inputs = caption_score_for(caption=row.caption, language=row.language or None, tags=True)
    suggested = inputs.suggestions.recommended[:SUGGESTED_TAGS] if inputs.suggestions else []
    out = {
        "line": row.line,
        "title": row.title,
        "language": inputs.language,
        "score": score.score,
        "failed_checks": "; ".join(item.label for item in score.failed),
        "warned_checks": "; ".join(item.label for item in score.warned),
        "advice": " ".join(item.why for item in score.failed),
        "suggested_hashtags": " ".join(f"#{tag}" for tag in suggested),
        "caption": row.caption,
        "problem": "",
    }
    return out, inputs.notes, score.score


def batch_score(*, job_id: str) -> dict[str, Any]:
    """Score the job's file into its export CSV; returns the job's report."""
    source = _upload_dir() / f"{job_id}.csv"
    if not source.exists():
        raise BatchError("The uploaded file is gone; please upload it again.")
    rows, errors = batch_parse(data=source.read_bytes())
    job_progress(job_id=job_id, done=0, total=len(rows), message="captions scored")
    target = export_path(job_id)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".part")
    scores: list[int] = []
    notes: dict[str, None] = {}
    by_line: dict[int, dict[str, Any]] = {e["line"]: e for e in errors}
    with partial.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=OUTPUT_COLUMNS)
        writer.writeheader()
        pending = sorted(
            [*((row.line, row) for row in rows), *((line, None) for line in by_line)], key=lambda p: p[0]
        )
        for line, row in pending:
            if row is None:
                refused = by_line[line]
                out = {"line": line, "title": refused["title"], "problem": refused["message"]}
            else:
                out, row_notes, value = _scored_row(row)
                scores.append(value)
                notes.update(dict.fromkeys(row_notes))
                if len(scores) % PROGRESS_EVERY == 0:
                    job_progress(job_id=job_id, done=len(scores))
            writer.writerow({column: csv_safe(out.get(column, "")) for column in OUTPUT_COLUMNS})
    os.replace(partial, target)  # the download never sees a half-written file
    source.unlink(missing_ok=True)
    job_progress(job_id=job_id, done=len(scores))
    average = round(sum(scores) / len(scores)) if scores else None
    summary = f"Scored {len(scores):,} caption{'s' if len(scores) != 1 else ''}"
    summary += f" (average {average})" if average is not None else ""
    summary += f"; {len(errors)} row{'s' if len(errors) != 1 else ''} could not be scored." if errors else "."
    if notes:  # e.g. no suggestion index yet: say why keywords and hashtags are missing
        summary += " " + next(iter(notes))
    return {
        "summary": summary,
        "scored": len(scores),
        "average_score": average,
        "errors": [{"line": e["line"], "message": e["message"]} for e in errors[:ERRORS_REPORTED]],
        "notes": list(notes)[:5],
        "download_url": reverse("captions:batch_download", args=[job_id]),
    }
