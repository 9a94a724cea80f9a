"""Per-user API tokens: only a SHA-256 of the secret is stored, the secret is shown once."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.db import models


def token_hash(secret: str) -> str:
    # The secret is 256 random bits, so a plain SHA-256 (no salt, no slow hash) is enough:
    # nobody can brute-force it, and lookups by hash stay one indexed query.
    return hashlib.sha256(secret.encode()).hexdigest()


class ApiToken(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100)
    # The secret's first characters, shown in the token list so a creator can tell tokens apart.
    prefix = models.CharField(max_length=16)
    secret_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
