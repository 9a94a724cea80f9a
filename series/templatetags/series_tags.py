from __future__ import annotations

from django import template
from django.urls import reverse

from accounts.models import profile_for

register = template.Library()


@register.simple_tag(takes_context=True)
def calendar_feed_url(context) -> str:
    """The absolute, secret iCal feed URL of the signed-in creator."""
    request = context["request"]
    token = profile_for(request.user).calendar_token
    return request.build_absolute_uri(reverse("series:ical_feed", args=[token]))


@register.filter
def heat_level(score: float) -> int:
    """0..8 for the heatmap's colour steps; 4 is typical engagement (0.5)."""
    return max(0, min(8, round((score - 0.2) / 0.6 * 8)))


@register.filter
def as_index(score: float) -> int:
    """A 0..100 engagement index, 50 being typical."""
    return round(score * 100)
