"""The creator's own posts: upload their analytics, see what was imported, delete them all."""

from __future__ import annotations

import tempfile
from pathlib import Path
from zoneinfo import ZoneInfo

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from accounts.models import profile_for
from creator_posts.forms import UploadForm
from creator_posts.importing import creator_posts_delete_all, creator_posts_import, max_upload_bytes
from creator_posts.selectors import MIN_OWN_POSTS, creator_posts_of, own_posts_with_views

POSTS_SHOWN = 20


@login_required
@require_http_methods(["GET", "POST"])
def your_posts(request: HttpRequest) -> HttpResponse:
    form = UploadForm(request.POST or None, request.FILES or None)
    report = None
    status = 200
    if request.method == "POST":
        if form.is_valid():
            report = _import_upload(request, form)
            status = 200 if report.imported or not (report.rejected or report.error_count) else 400
        else:
            status = 400
    posts = creator_posts_of(request.user)
    context = {
        "nav": "your_posts",
        "form": form,
        "report": report,
        "total": posts.count(),
        "with_views": own_posts_with_views(request.user).count(),
        "threshold": MIN_OWN_POSTS,
        "recent": posts.order_by("-posted_at", "-id")[:POSTS_SHOWN],
        "max_mb": max_upload_bytes() // 1_048_576,
    }
    return render(request, "creator_posts/your_posts.html", context, status=status)


def _import_upload(request: HttpRequest, form: UploadForm):
    upload = form.cleaned_data["file"]
    zone = ZoneInfo(profile_for(request.user).timezone)
    # The upload is read from a private temporary file and deleted at once: only the rows stay.
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / Path(upload.name).name
        with path.open("wb") as handle:
            for chunk in upload.chunks():
                handle.write(chunk)
        return creator_posts_import(
            owner=request.user,
            path=path,
            file_name=upload.name,
            zone=zone,
            skip_invalid=form.cleaned_data["skip_invalid"],
        )


@login_required
@require_POST
def your_posts_delete(request: HttpRequest) -> HttpResponse:
    if request.POST.get("confirm") != "delete":
        messages.error(request, "Tick “Yes, delete all my uploaded posts” to delete them.")
        return redirect("creator_posts:your_posts")
    deleted = creator_posts_delete_all(owner=request.user)
    messages.success(
        request, f"Deleted {deleted} of your uploaded posts. Hookline uses trend-wide data again."
    )
    return redirect("creator_posts:your_posts")
