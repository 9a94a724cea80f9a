from __future__ import annotations

from django.contrib import admin

from captions.models import Draft


@admin.register(Draft)
class DraftAdmin(admin.ModelAdmin):
    list_display = ["title", "owner", "language", "detected_language", "score", "updated_at"]
    list_filter = ["language", "niche"]
    search_fields = ["title", "caption", "owner__username"]
    raw_id_fields = ["owner"]
    readonly_fields = ["created_at", "updated_at"]
