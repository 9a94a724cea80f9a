from __future__ import annotations

from django.contrib import admin

from accounts.models import Profile


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "tiktok_handle", "timezone", "default_language", "niche"]
    search_fields = ["user__username", "tiktok_handle"]
    list_filter = ["default_language", "niche"]
    raw_id_fields = ["user"]
    # The feed token is a secret: staff see that it exists, not its value.
    exclude = ["calendar_token"]
