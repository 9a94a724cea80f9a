"""Video formats an idea names in its opening words, and the tag each one goes by.

"Get ready with me for a wedding" is a GRWM before it is about a wedding: viewers search
#grwm, and TikTok files the video with the other GRWMs. "Study with me: 2 hours of focus"
is about studying, though the words after the colon only say "focus". The subject rule
(seo.text.subject) strips these openers; this module keeps what they tell.
"""

from __future__ import annotations

import re

from seo.text.filler import LEADING_VERBS

_FORMATS = (
    (re.compile(r"^\s*(?:get ready with me|grwm)\b", re.IGNORECASE), "grwm"),
    (re.compile(r"^\s*(?:(?:a )?day in (?:my|the) life|en dag i livet)\b", re.IGNORECASE), "dayinmylife"),
    (
        re.compile(r"^\s*(?:what i eat in a day|hva jeg spiser (?:på|i) (?:en|ei) dag)\b", re.IGNORECASE),
        "whatieatinaday",
    ),
    (re.compile(r"^\s*storytime\b", re.IGNORECASE), "storytime"),
    (re.compile(r"^\s*(?:behind the scenes|bak kulissene)\b", re.IGNORECASE), "behindthescenes"),
)
# "Clean with me", "Pack with me", "Come with me": #cleanwithme is the format's own tag.
_WITH_ME = re.compile(r"^\s*([^\W\d_]{3,15}) with me\b", re.IGNORECASE)
# Verbs of "<verb> with me" that name the activity, so the idea is about it ("study", not "come").
_ACTIVITIES = LEADING_VERBS - frozenset(
    ["get", "do", "use", "find", "choose", "pick", "make", "start", "få", "gjøre"]
)


def format_tag(text: str) -> str | None:
    """The tag of the video format the idea opens with ("grwm", "studywithme"), else None."""
    for pattern, tag in _FORMATS:
        if pattern.match(text or ""):
            return tag
    found = _WITH_ME.match(text or "")
    if found and found.group(1).casefold() not in ("get", "ready"):
        return f"{found.group(1).casefold()}withme"
    return None


def format_activity(text: str) -> str | None:
    """The activity a "<verb> with me" idea is about ("study" of "Study with me: 2 hours of
    focus"), else None."""
    found = _WITH_ME.match(text or "")
    verb = found.group(1).casefold() if found else ""
    return verb if verb in _ACTIVITIES else None
