from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from jobs.models import Job


def _get_job_for_user(request: HttpRequest, job_id) -> Job:
    """The job, for its owner and for staff granted "Can view job"; 404 for everyone else."""
    job = get_object_or_404(Job, pk=job_id)
    may_watch_all = request.user.is_staff and request.user.has_perm("jobs.view_job")
    if job.created_by_id != request.user.pk and not may_watch_all:
        raise Http404("No such job.")
    return job


@login_required
def job_detail(request: HttpRequest, job_id) -> HttpResponse:
    """A job's progress page; htmx polls the #job-progress partial until the job ends."""
    job = _get_job_for_user(request, job_id)
    template = "jobs/job_detail.html#job-progress" if request.htmx else "jobs/job_detail.html"
    return render(request, template, {"job": job})
