"""Batch scoring pages: upload a CSV of captions, watch the job, download the scores."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from captions.batch import JOB_KIND, BatchError, export_path, max_bytes, max_rows
from captions.tasks import batch_upload
from config.uploads import upload_limit
from jobs.models import Job
from jobs.services import job_refused_by_queue

RECENT_JOBS = 10


class BatchUploadForm(forms.Form):
    file = forms.FileField(label="CSV file of captions")


def _get_batch_job_for_user(request: HttpRequest, job_id) -> Job:
    """The user's own batch job; anyone else's is a 404, as if it did not exist."""
    return get_object_or_404(Job, pk=job_id, kind=JOB_KIND, created_by=request.user)


def _page(request: HttpRequest, form: BatchUploadForm, status: int = 200) -> HttpResponse:
    jobs = Job.objects.filter(kind=JOB_KIND, created_by=request.user)[:RECENT_JOBS]
    context = {
        "form": form,
        "jobs": jobs,
        "max_mb": max_bytes() / (1024 * 1024),
        "max_rows": max_rows(),
        "nav": "captions",
    }
    return render(request, "captions/batch_upload.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
@upload_limit(max_bytes)  # an over-size file is refused by size without touching the disk
def batch_upload_view(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        return _page(request, BatchUploadForm())
    form = BatchUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return _page(request, form, status=400)
    try:
        job = batch_upload(user=request.user, uploaded_file=form.cleaned_data["file"])
    except BatchError as exc:
        form.add_error("file", str(exc))
        return _page(request, form, status=400)
    if job_refused_by_queue(job):
        messages.error(request, job.message)
    else:
        messages.success(
            request, f"{job.params['rows']:,} captions are being scored; the results appear below."
        )
    return redirect("captions:batch_upload")


@login_required
@require_GET
def batch_download(request: HttpRequest, job_id) -> FileResponse:
    job = _get_batch_job_for_user(request, job_id)
    path = export_path(str(job.pk))
    if job.status != Job.Status.SUCCEEDED or not path.exists():
        raise Http404("The results are not ready.")
    stem = job.params.get("filename", "captions").rsplit(".", 1)[0] or "captions"
    return FileResponse(
        path.open("rb"),
        as_attachment=True,
        filename=f"{stem}-scores.csv",
        content_type="text/csv; charset=utf-8",
    )
