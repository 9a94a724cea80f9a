"""{% your_posts_hints %}: the score panel's "what worked for you" hints, from the signed-in
creator's own uploaded posts only (creator_posts.hints); nothing without enough evidence."""

from __future__ import annotations

from django import template

from creator_posts.hints import own_hints

register = template.Library()


@register.inclusion_tag("creator_posts/_hints.html", takes_context=True)
def your_posts_hints(context) -> dict:
    request = context.get("request")
    user = getattr(request, "user", None)
    return {"hints": own_hints(user) if user is not None else []}
