"""The admin's trend upload: its forms, and where an uploaded file is kept between the
column-mapping step and the import job.

Uploads are stored under DATA_DIR/uploads/imports (the data directory every process of an
install shares; the import job reads the file from there), named by a random prefix. The
mapping step refers to the file by that stored name only, so the preview and the confirm
may be served by different processes; no state is kept in memory or in the session.
"""

from __future__ import annotations

import re
import time
import uuid
from pathlib import Path

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.text import get_valid_filename

from seo.corpus.importing.mapping import FIELD_LABELS, mapping_problems
from seo.corpus.importing.readers import CSV_SUFFIXES, JSONL_SUFFIXES
from seo.models import ImportPreset

ALLOWED_SUFFIXES = sorted(CSV_SUFFIXES | JSONL_SUFFIXES | {".xlsx"})
_STORED_NAME = re.compile(r"^[0-9a-f]{12}-[\w.-]{1,200}$")
IGNORE = ""
# Uploads older than this are removed when the next file is uploaded: an import job has long
# read its file by then (its report stays on the job), and a mapping step never confirmed
# should not keep a copy of someone's export for good.
UPLOAD_KEEP_DAYS = 7
FIELD_CHOICES = [(IGNORE, "— not imported —"), *FIELD_LABELS.items()]


class ImportOptionsForm(forms.Form):
    source = forms.SlugField(
        max_length=50,
        initial="import",
        help_text="Label for these posts; re-importing the same source updates them.",
    )
    skip_invalid = forms.BooleanField(
        required=False, help_text="Import the valid rows and list the skipped ones."
    )
    dry_run = forms.BooleanField(required=False, help_text="Only check the file and report; write nothing.")


class ImportUploadForm(ImportOptionsForm):
    file = forms.FileField(
        help_text=(
            "CSV (comma, semicolon or tab separated), .xlsx, JSON Lines, a TikTok Research API response, "
            "or a scraper's JSON or CSV export (recognised from the content). Other columns: choose them "
            "in the next step."
        )
    )
    preset = forms.ModelChoiceField(
        queryset=ImportPreset.objects.all(),
        required=False,
        empty_label="— none: recognise the columns —",
        help_text="A saved column mapping, for a CSV or .xlsx export you imported before.",
    )
    choose_columns = forms.BooleanField(
        required=False,
        help_text="Show the columns and choose what each holds, even when Hookline recognises them.",
    )
    field_order = ["file", "preset", "choose_columns", "source", "skip_invalid", "dry_run"]

    def clean_file(self) -> UploadedFile:
        upload = self.cleaned_data["file"]
        if Path(upload.name).suffix.lower() not in ALLOWED_SUFFIXES:
            raise forms.ValidationError(f"Upload a file ending in {', '.join(ALLOWED_SUFFIXES)}.")
        if upload.size == 0:
            raise forms.ValidationError("The file is empty.")
        return upload


class ColumnMappingForm(ImportOptionsForm):
    """One choice per column of the file (`col_0`, `col_1`, ...), and an optional preset name."""

    preset_name = forms.CharField(
        max_length=100,
        required=False,
        label="Save as preset",
        help_text="Name this mapping to use it for the next file (a preset of the same name is replaced).",
    )

    def __init__(self, *args, header: list[str], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.header = header
        for index, name in enumerate(header):
            self.fields[f"col_{index}"] = forms.ChoiceField(
                choices=FIELD_CHOICES, required=False, label=name or f"(column {index + 1} has no name)"
            )

    def column_fields(self):
        return [self[f"col_{index}"] for index in range(len(self.header))]

    def clean(self):
        data = super().clean()
        columns = self.columns()
        for problem in mapping_problems(columns):
            self.add_error(None, problem)
        unnamed = [i + 1 for i, name in enumerate(self.header) if not name and data.get(f"col_{i}")]
        if unnamed:
            self.add_error(None, f"Column {unnamed[0]} has no name in the header, so it cannot be mapped.")
        return data

    def columns(self) -> dict[str, str]:
        """{column name: field} for the columns given a field."""
        data = self.cleaned_data if hasattr(self, "cleaned_data") else {}
        return {name: data[f"col_{i}"] for i, name in enumerate(self.header) if name and data.get(f"col_{i}")}


def upload_save(upload: UploadedFile) -> Path:
    """Store the upload under DATA_DIR/uploads/imports with a unique name; return its path."""
    folder = uploads_folder()
    folder.mkdir(parents=True, exist_ok=True)
    uploads_prune(folder)
    target = folder / f"{uuid.uuid4().hex[:12]}-{get_valid_filename(Path(upload.name).name)}"
    with target.open("wb") as handle:
        for chunk in upload.chunks():
            handle.write(chunk)
    return target


def uploads_prune(folder: Path) -> int:
    """Remove the uploads older than UPLOAD_KEEP_DAYS; how many were removed."""
    cutoff = time.time() - UPLOAD_KEEP_DAYS * 86400
    removed = 0
    for path in folder.iterdir():
        try:
            if path.is_file() and path.stat().st_mtime < cutoff:
                path.unlink()
                removed += 1
        except FileNotFoundError:  # another process removed it first
            continue
    return removed


def uploads_folder() -> Path:
    return Path(settings.DATA_DIR) / "uploads" / "imports"


def upload_find(stored_name: str) -> Path | None:
    """The stored upload of that name, or None (a name that is not one upload_save gives, so
    no path outside the folder can be named, or a file already removed)."""
    if not _STORED_NAME.match(stored_name):
        return None
    path = uploads_folder() / stored_name
    return path if path.is_file() else None


def upload_shown_name(path: Path) -> str:
    """The name the file was uploaded with (the stored name less its random prefix)."""
    return path.name.split("-", 1)[-1]
