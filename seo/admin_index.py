"""Staff view of the suggestion index's versions: build a new one, roll back to an older one.

Registered on import; seo/admin.py imports this module.
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import redirect
from django.urls import path

from jobs.services import job_refused_by_queue
from seo.index.lifecycle import index_activate
from seo.models import IndexVersion
from seo.tasks.index import index_build_start


@admin.register(IndexVersion)
class IndexVersionAdmin(admin.ModelAdmin):
    list_display = [
        "version",
        "status",
        "posts",
        "terms",
        "build_seconds",
        "size_mb",
        "created_at",
        "activated_at",
    ]
    list_filter = ["status"]
    readonly_fields = [f.name for f in IndexVersion._meta.fields]
    actions = ["activate_version"]
    change_list_template = "admin/seo/indexversion/change_list.html"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # versions come from builds, never typed in

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False  # nothing here is edited by hand; the two operations below have their own

    def has_build_permission(self, request: HttpRequest) -> bool:
        """Starting a build adds a version: the model's "add" permission."""
        return request.user.has_perm(f"{self.opts.app_label}.add_{self.opts.model_name}")

    def has_activate_permission(self, request: HttpRequest) -> bool:
        """Switching the serving version changes it: the model's "change" permission."""
        return request.user.has_perm(f"{self.opts.app_label}.change_{self.opts.model_name}")

    def changelist_view(self, request: HttpRequest, extra_context=None):
        extra_context = {**(extra_context or {}), "may_build": self.has_build_permission(request)}
        return super().changelist_view(request, extra_context)

    @admin.display(description="size (MB)")
    def size_mb(self, obj: IndexVersion) -> str:
        return f"{(obj.size_bytes or 0) / 1e6:.1f}"

    def get_urls(self):
        custom = [path("build/", self.admin_site.admin_view(self.build_view), name="seo_indexversion_build")]
        return custom + super().get_urls()

    def build_view(self, request: HttpRequest):
        if not self.has_build_permission(request):
            raise PermissionDenied
        if request.method != "POST":
            return redirect("admin:seo_indexversion_changelist")
        job = index_build_start(user=request.user)
        if job_refused_by_queue(job):
            messages.error(request, job.message)
        else:
            messages.info(request, "Building a new index; the current one keeps serving until it is done.")
        return redirect("jobs:detail", job_id=job.pk)

    @admin.action(description="Serve the selected version (roll back or forward)", permissions=["activate"])
    def activate_version(self, request: HttpRequest, queryset) -> None:
        if queryset.count() != 1:
            self.message_user(request, "Select exactly one version to serve.", messages.ERROR)
            return
        version = queryset.get()
        if not (Path(settings.DATA_DIR) / version.path / "meta.json").exists():
            self.message_user(request, f"The files of v{version.version} were cleaned up.", messages.ERROR)
            return
        try:
            index_activate(version=version)
        except ValueError as exc:
            self.message_user(request, str(exc), messages.ERROR)
            return
        self.message_user(
            request, f"Index v{version.version} is serving; every process switches within seconds."
        )
