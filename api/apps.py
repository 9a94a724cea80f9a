from __future__ import annotations

from django.apps import AppConfig


class ApiConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "api"
    verbose_name = "JSON API"

    def ready(self) -> None:
        from django.contrib.auth import get_user_model
        from django.db.models.signals import post_save

        post_save.connect(
            _forget_tokens_of_inactive, sender=get_user_model(), dispatch_uid="api.forget_tokens"
        )


def _forget_tokens_of_inactive(sender, instance, **kwargs) -> None:
    # A deactivated user's tokens stop at once in this process (others within TOKEN_CACHE_SECONDS).
    if not instance.is_active:
        from api.tokens import token_cache_clear

        token_cache_clear()
