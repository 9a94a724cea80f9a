"""Small formatting filters for the trend pages: compact counts, signed percentages, stage words."""

from __future__ import annotations

from django import template

register = template.Library()
DASH, MINUS = "\u2013", "\u2212"  # typographic dash and minus sign

STAGE_WORDS = {
    "rising": ("▲", "Rising"),
    "new": ("✦", "New"),
    "peaking": ("◆", "Peaking"),
    "evergreen": ("●", "Evergreen"),
    "declining": ("▼", "Declining"),
}


@register.filter
def compact(value) -> str:
    """1234 -> 1.2K, 3400000 -> 3.4M: views read at a glance."""
    if value is None:
        return DASH
    number = float(value)
    for limit, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "K")):
        if abs(number) >= limit:
            text = f"{number / limit:.1f}".removesuffix(".0")
            return f"{text}{suffix}"
    return f"{int(number)}"


@register.filter
def signed_percent(value) -> str:
    if value is None:
        return DASH
    percent = round(float(value) * 100)
    if percent == 0:
        return "±0%"
    return f"{'+' if percent > 0 else MINUS}{abs(percent)}%"


@register.filter
def rate_percent(value) -> str:
    return DASH if value is None else f"{float(value) * 100:.1f}%"


@register.filter
def stage_icon(stage: str) -> str:
    return STAGE_WORDS.get(stage, ("", ""))[0]


@register.filter
def stage_word(stage: str) -> str:
    return STAGE_WORDS.get(stage, ("", stage.capitalize()))[1]


@register.filter
def key_label(key: str, kind: str) -> str:
    """How a key is written: #tag, "keyword", ♪ sound."""
    if kind == "hashtag":
        return f"#{key}"
    if kind == "sound":
        return f"♪ {key}"
    return key


@register.filter
def get_item(mapping: dict, key: str):
    return mapping.get(key, "") if isinstance(mapping, dict) else ""
