"""Template helpers for the calendar: status icons rendered once, not once per chip."""

from __future__ import annotations

from functools import lru_cache

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


@lru_cache(maxsize=16)
def _icon(status: str) -> SafeString:
    # The markup lives in the template; a month can hold hundreds of chips, so render it once.
    return mark_safe(render_to_string("series/_calendar_status_icon.html", {"status": status}).strip())  # noqa: S308


@register.simple_tag
def status_icon(status: str) -> SafeString:
    """The status' SVG icon (decorative, aria-hidden); callers print the status in words too."""
    return _icon(str(status))
