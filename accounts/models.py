"""Creator profile: the settings other features read (time zone, handle, calendar feed)."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models


def _new_calendar_token() -> str:
    return secrets.token_urlsafe(24)


class Profile(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile")
    timezone = models.CharField(
        max_length=64, default="Europe/Oslo", help_text="IANA time zone, e.g. Europe/Oslo"
    )
    tiktok_handle = models.CharField(max_length=100, blank=True, help_text="Your TikTok handle, without @")
    default_language = models.CharField(max_length=16, default="en")
    niche = models.CharField(max_length=50, blank=True)
    # Secret part of the iCal feed URL; regenerating it revokes the old feed.
    calendar_token = models.CharField(max_length=64, unique=True, default=_new_calendar_token)

    def __str__(self) -> str:
        return f"profile of {self.user}"


def profile_for(user) -> Profile:
    """The user's profile, created with defaults on first use."""
    profile, _ = Profile.objects.get_or_create(user=user)
    return profile
