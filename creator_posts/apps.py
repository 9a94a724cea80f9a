from __future__ import annotations

from django.apps import AppConfig


class CreatorPostsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "creator_posts"
    verbose_name = "Creators' own posts"
