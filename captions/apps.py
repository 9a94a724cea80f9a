from __future__ import annotations

from django.apps import AppConfig


class CaptionsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "captions"
