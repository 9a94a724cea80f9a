from __future__ import annotations

from django.contrib import admin
from django.utils import timezone

from api.models import ApiToken
from api.tokens import token_cache_clear


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["name", "user", "prefix", "created_at", "last_used_at", "revoked_at"]
    list_filter = [("revoked_at", admin.EmptyFieldListFilter)]
    search_fields = ["name", "prefix", "user__username"]
    # Only the hash is stored; nothing here can reveal or change a secret.
    readonly_fields = ["user", "prefix", "secret_hash", "created_at", "last_used_at", "revoked_at"]
    fields = ["name", *readonly_fields]
    actions = ["revoke"]

    def has_add_permission(self, request) -> bool:
        return False  # tokens are created by their owner, who must see the secret once

    @admin.action(description="Revoke selected tokens", permissions=["change"])
    def revoke(self, request, queryset) -> None:
        count = queryset.filter(revoked_at__isnull=True).update(revoked_at=timezone.now())
        token_cache_clear()
        self.message_user(request, f"Revoked {count} token{'s' if count != 1 else ''}.")
