from __future__ import annotations

from django import forms

from creator_posts.importing import max_upload_bytes

ACCEPTED_SUFFIXES = (".csv", ".txt", ".xlsx", ".json", ".jsonl", ".ndjson")


class UploadForm(forms.Form):
    file = forms.FileField(
        label="Analytics file",
        help_text="TikTok Studio → Analytics → Content → Download data (CSV or XLSX), or a Hookline import file.",
    )
    skip_invalid = forms.BooleanField(
        required=False,
        label="Import the good rows and skip the bad ones (otherwise nothing is saved when a row is bad)",
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = max_upload_bytes()
        if upload.size > limit:
            raise forms.ValidationError(
                f"The file is {upload.size / 1_048_576:.1f} MB; at most {limit / 1_048_576:.0f} MB can be uploaded."
                " Download a shorter date range from TikTok Studio."
            )
        if not upload.name.lower().endswith(ACCEPTED_SUFFIXES):
            raise forms.ValidationError(
                f"“{upload.name}” is not a CSV, XLSX or JSON file (accepted: {', '.join(ACCEPTED_SUFFIXES)})."
            )
        return upload
