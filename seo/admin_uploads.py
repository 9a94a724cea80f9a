"""The admin's trend upload: a form and where the uploaded file is kept for the import job."""

from __future__ import annotations

import uuid
from pathlib import Path

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.text import get_valid_filename

from seo.importing.readers import CSV_SUFFIXES, JSONL_SUFFIXES

ALLOWED_SUFFIXES = sorted(CSV_SUFFIXES | JSONL_SUFFIXES)


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        help_text=(
            "CSV with a header row, JSON Lines, a TikTok Research API response, or a scraper's JSON or "
            "CSV export, in UTF-8 (recognised from the content)."
        )
    )
    source = forms.SlugField(
        max_length=50,
        initial="import",
        help_text="Label for these posts; re-importing the same source updates them.",
    )
    skip_invalid = forms.BooleanField(
        required=False, help_text="Import the valid rows and list the skipped ones."
    )
    dry_run = forms.BooleanField(required=False, help_text="Only check the file and report; write nothing.")

    def clean_file(self) -> UploadedFile:
        upload = self.cleaned_data["file"]
        if Path(upload.name).suffix.lower() not in ALLOWED_SUFFIXES:
            raise forms.ValidationError(f"Upload a file ending in {', '.join(ALLOWED_SUFFIXES)}.")
        if upload.size == 0:
            raise forms.ValidationError("The file is empty.")
        return upload


def upload_save(upload: UploadedFile) -> Path:
    """Store the upload under DATA_DIR/uploads/imports with a unique name; return its path."""
    folder = Path(settings.DATA_DIR) / "uploads" / "imports"
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{uuid.uuid4().hex[:12]}-{get_valid_filename(Path(upload.name).name)}"
    with target.open("wb") as handle:
        for chunk in upload.chunks():
            handle.write(chunk)
    return target
