"""Staff admin for import presets (saved column mappings) and scheduled import sources.

A source that failed IMPORT_SOURCE_MAX_FAILURES runs in a row is paused: the list shows it
first with its reason, and enabling it again (or "Resume") starts counting from zero.
Registered on import; seo/admin.py imports this module.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html

from jobs.services import job_refused_by_queue
from seo.corpus.importing.mapping import mapping_problems
from seo.corpus.importing.sources import url_check
from seo.models import ImportPreset, ImportSource
from seo.tasks.sources import import_source_start


class ImportPresetForm(forms.ModelForm):
    class Meta:
        model = ImportPreset
        fields = ["name", "columns"]
        help_texts = {
            "columns": 'Column name in the file → field, e.g. {"Video views": "views", "Caption": "caption"}.'
        }

    def clean_columns(self):
        columns = self.cleaned_data["columns"]
        if not isinstance(columns, dict) or not all(isinstance(v, str) for v in columns.values()):
            raise forms.ValidationError(
                'Give an object of column name → field, such as {"Caption": "caption"}.'
            )
        problems = mapping_problems(columns)
        if problems:
            raise forms.ValidationError(problems)
        return columns


@admin.register(ImportPreset)
class ImportPresetAdmin(admin.ModelAdmin):
    form = ImportPresetForm
    list_display = ["name", "mapped", "created_by", "updated_at"]
    search_fields = ["name"]

    @admin.display(description="columns mapped")
    def mapped(self, preset: ImportPreset) -> str:
        return ", ".join(f"{column} → {field}" for column, field in preset.columns.items())

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)


class ImportSourceForm(forms.ModelForm):
    class Meta:
        model = ImportSource
        fields = [
            "name",
            "kind",
            "location",
            "post_source",
            "preset",
            "skip_invalid",
            "interval_minutes",
            "enabled",
        ]

    def clean(self):
        data = super().clean()
        kind, location = data.get("kind"), (data.get("location") or "").strip()
        if kind == ImportSource.Kind.URL:
            problem = url_check(location)
            if problem:
                self.add_error("location", f"This address cannot be a source: {problem}.")
        elif kind == ImportSource.Kind.FOLDER and not location.startswith("/"):
            self.add_error("location", "Give the folder's full path on the server (starting with /).")
        if data.get("interval_minutes") is not None and data["interval_minutes"] < 5:
            self.add_error("interval_minutes", "Check a source at most every 5 minutes.")
        return data


@admin.register(ImportSource)
class ImportSourceAdmin(admin.ModelAdmin):
    form = ImportSourceForm
    list_display = [
        "name",
        "kind",
        "location",
        "state",
        "failure_count",
        "last_run_at",
        "last_run",
        "next_run_at",
    ]
    list_filter = ["enabled", "kind"]
    readonly_fields = [
        "failure_count",
        "paused_reason",
        "last_run_at",
        "last_run",
        "next_run_at",
        "created_at",
    ]
    actions = ["run_now", "resume"]
    search_fields = ["name", "location"]

    # Paused (disabled) sources first: they need someone to look at them.
    ordering = ["enabled", "name"]
    list_select_related = ["last_job"]

    @admin.display(description="state")
    def state(self, source: ImportSource) -> str:
        if source.paused_reason and not source.enabled:
            return format_html('<strong class="errornote">Paused</strong> {}', source.paused_reason)
        return "Enabled" if source.enabled else "Disabled"

    @admin.display(description="last run")
    def last_run(self, source: ImportSource) -> str:
        job = source.last_job
        if job is None:
            return "–"  # noqa: RUF001
        url = reverse("jobs:detail", args=[job.pk])
        return format_html('<a href="{}">{}</a>: {}', url, job.get_status_display(), job.message)

    def save_model(self, request, obj, form, change):
        if "enabled" in form.changed_data and obj.enabled:
            obj.failure_count, obj.paused_reason = 0, ""  # enabled again: a fresh count
        super().save_model(request, obj, form, change)

    @admin.action(description="Run the selected sources now", permissions=["change"])
    def run_now(self, request: HttpRequest, queryset):
        for source in queryset:
            job = import_source_start(source=source, user=request.user)
            if job_refused_by_queue(job):
                messages.error(request, job.message)
                return
        messages.success(
            request, f"Queued {queryset.count()} run(s); each has its job page under “last run”."
        )

    @admin.action(description="Resume the selected paused sources", permissions=["change"])
    def resume(self, request: HttpRequest, queryset):
        count = queryset.update(enabled=True, failure_count=0, paused_reason="", next_run_at=None)
        messages.success(request, f"Resumed {count} source(s); they run within a minute.")
