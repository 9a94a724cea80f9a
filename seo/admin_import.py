"""The admin's trend import: upload, then (for columns Hookline does not know) a mapping step.

Upload: a file Hookline recognises goes straight to an import job, as before. A CSV or .xlsx
whose header it does not recognise, or any table when staff ask for it, goes to the mapping
step: the columns with a guess for each and the first rows, a choice per column, and an
optional preset name. Confirming saves the preset and starts the same import job with the
mapping. The two steps pass only the stored file's name (seo.corpus.uploads).
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from jobs.runner import job_enqueue
from jobs.services import job_create, job_refused_by_queue
from seo.corpus.importing.lines import FileRejected
from seo.corpus.importing.mapping import columns_guess, header_key
from seo.corpus.importing.preview import TablePreview, table_preview
from seo.corpus.uploads import (
    ColumnMappingForm,
    ImportOptionsForm,
    ImportUploadForm,
    upload_find,
    upload_save,
    upload_shown_name,
)
from seo.models import ImportPreset
from seo.tasks.corpus import TREND_IMPORT_KIND, trend_import_task


def import_job_start(request: HttpRequest, *, path, name: str, options: dict, columns=None) -> HttpResponse:
    """Create the import job (with the column mapping, if any) and go to its page."""
    params = {
        "paths": [str(path)],
        "source": options["source"],
        "dry_run": options["dry_run"],
        "skip_invalid": options["skip_invalid"],
    }
    if columns:
        params["file_format"] = columns
    job = job_create(kind=TREND_IMPORT_KIND, title=f"Import {name}", user=request.user, params=params)
    job_enqueue(job=job, task=trend_import_task)
    if job_refused_by_queue(job):
        messages.error(request, job.message)
    return redirect("jobs:detail", job_id=job.pk)


def _preview(path) -> tuple[TablePreview | None, str | None]:
    try:
        return table_preview(path), None
    except FileRejected as exc:
        return None, exc.message


def import_upload(request: HttpRequest, context: dict) -> HttpResponse:
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        stored = upload_save(data["file"])
        preset = data["preset"]
        if preset is not None:
            return import_job_start(
                request, path=stored, name=data["file"].name, options=data, columns=preset.columns
            )
        preview, _ = _preview(stored)
        if preview is not None and (data["choose_columns"] or not preview.recognised):
            query = urlencode({key: data[key] for key in ("source", "skip_invalid", "dry_run") if data[key]})
            url = reverse("admin:seo_trendpost_import_columns", args=[stored.name])
            return redirect(f"{url}?{query}" if query else url)
        return import_job_start(request, path=stored, name=data["file"].name, options=data)
    return render(
        request, "admin/seo/trendpost/import.html", {**context, "form": form, "title": "Import trends"}
    )


def import_columns(request: HttpRequest, context: dict, stored_name: str) -> HttpResponse:
    path = upload_find(stored_name)
    if path is None:
        raise Http404("This upload is no longer here; upload the file again.")
    preview, problem = _preview(path)
    if preview is None:
        messages.error(
            request, f"{upload_shown_name(path)}: {problem or 'a JSON file needs no column mapping'}"
        )
        return redirect("admin:seo_trendpost_import")
    presets = ImportPreset.objects.all()
    chosen = presets.filter(pk=request.GET.get("preset") or None).first()
    guess = _initial(preview, chosen)
    if request.method == "POST":
        form = ColumnMappingForm(request.POST, header=preview.header)
        if form.is_valid():
            columns = form.columns()
            name = form.cleaned_data["preset_name"].strip()
            if name:
                ImportPreset.objects.update_or_create(
                    name=name, defaults={"columns": columns, "created_by": request.user}
                )
                messages.success(request, f"Saved the column preset {name!r}.")
            return import_job_start(
                request, path=path, name=upload_shown_name(path), options=form.cleaned_data, columns=columns
            )
    else:
        options = ImportOptionsForm(request.GET or None)
        initial = options.cleaned_data if options.is_valid() else {"source": "import"}
        initial.update({f"col_{i}": field for i, field in guess.items()})
        form = ColumnMappingForm(initial=initial, header=preview.header)
    return render(
        request,
        "admin/seo/trendpost/import_columns.html",
        {
            **context,
            "title": "Choose the columns",
            "form": form,
            "preview": preview,
            "rows": _rows(form, preview),
            "file_name": upload_shown_name(path),
            "presets": presets,
            "chosen_preset": chosen,
            "guessed": len(guess),
        },
    )


def _initial(preview: TablePreview, preset: ImportPreset | None) -> dict[int, str]:
    """{column index: field}: the preset's choices for the columns it names, else the guess."""
    if preset is not None:
        wanted = {header_key(column): field for column, field in preset.columns.items()}
        return {
            i: wanted[header_key(name)] for i, name in enumerate(preview.header) if header_key(name) in wanted
        }
    guess = columns_guess(preview.header)
    return {i: guess[name] for i, name in enumerate(preview.header) if name in guess}


def _rows(form: ColumnMappingForm, preview: TablePreview) -> list[tuple]:
    """(column's choice field, its cells in the first rows) for the template."""
    return list(zip(form.column_fields(), (cells for _, cells in preview.columns()), strict=True))
