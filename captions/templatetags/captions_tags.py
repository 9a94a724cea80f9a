"""Small display filters for the caption workspace."""

from __future__ import annotations

import datetime as dt

from django import template
from django.utils import timezone
from django.utils.timesince import timesince

register = template.Library()


@register.filter
def compact_number(value) -> str:
    """1234 -> 1.2K, 2500000 -> 2.5M: view and post counts at a glance."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return ""
    for limit, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "K")):
        if abs(number) >= limit:
            text = f"{number / limit:.1f}".removesuffix(".0")
            return f"{text}{suffix}"
    return f"{number:.0f}"


@register.filter
def ago(value: dt.datetime | None) -> str:
    """ "just now" for the last minute, else "5 minutes ago"."""
    if not value:
        return ""
    if timezone.now() - value < dt.timedelta(minutes=1):
        return "just now"
    return f"{timesince(value)} ago"
