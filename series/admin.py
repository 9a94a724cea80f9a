from __future__ import annotations

from django.contrib import admin

from series.models import Part, ReminderLog, Series


class PartInline(admin.TabularInline):
    model = Part
    extra = 0
    fields = ["number", "title", "status", "scheduled_at", "posted_at", "reminder_sent_at"]
    readonly_fields = ["reminder_sent_at"]


@admin.register(Series)
class SeriesAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "owner",
        "parts_count",
        "cadence_kind",
        "cadence_value",
        "timezone",
        "start_date",
    ]
    list_filter = ["cadence_kind", "posting_time_mode", "niche"]
    search_fields = ["title", "topic", "owner__username"]
    raw_id_fields = ["owner"]
    inlines = [PartInline]


@admin.register(Part)
class PartAdmin(admin.ModelAdmin):
    list_display = ["__str__", "status", "scheduled_at", "reminder_sent_at"]
    list_filter = ["status"]
    search_fields = ["title", "series__title"]
    raw_id_fields = ["series"]


@admin.register(ReminderLog)
class ReminderLogAdmin(admin.ModelAdmin):
    # A row without sent_at is a reminder claimed by a worker that died before sending.
    list_display = ["part", "scheduled_at", "recipient", "claimed_at", "sent_at"]
    list_filter = [("sent_at", admin.EmptyFieldListFilter)]
    readonly_fields = ["part", "scheduled_at", "recipient", "claimed_at", "sent_at"]
