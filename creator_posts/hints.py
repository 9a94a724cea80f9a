""" "What worked for you": caption habits that went with more (or fewer) views on the creator's
own posts, for the score panel.

Only the creator's own posts are read, and a hint is shown only with evidence: at least
MIN_OWN_POSTS posts with views in all, at least MIN_GROUP posts with the habit and as many
without it, and a gap of at least LIFT (1.3x, or 1/1.3 the other way) between the habit's
median views and the creator's overall median. Medians, so one viral post cannot decide.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Callable
from dataclasses import dataclass

from creator_posts.selectors import MIN_OWN_POSTS, own_posts_with_views

MIN_GROUP = 5
LIFT = 1.3
MAX_HINTS = 2
_NUMBER_START = re.compile(r"^\W*\d")
_YOU = re.compile(r"\b(you|your|du|deg|din|ditt|dine)\b", re.IGNORECASE)
_CTA = re.compile(r"\b(follow|save|comment|share|følg|lagre|kommenter|del)\b", re.IGNORECASE)


def _first_line(caption: str) -> str:
    return next((line.strip() for line in caption.splitlines() if line.strip()), "")


HABITS: list[tuple[str, Callable[[str], bool]]] = [
    ("a question in the first line", lambda c: "?" in _first_line(c)),
    ("a number at the start", lambda c: bool(_NUMBER_START.match(c))),
    ("“you” in the first line", lambda c: bool(_YOU.search(_first_line(c)))),
    ("a first line of 8 words or fewer", lambda c: 0 < len(_first_line(c).split()) <= 8),
    ("a call to action (follow, save, comment, share)", lambda c: bool(_CTA.search(c))),
]


@dataclass(frozen=True)
class Hint:
    habit: str
    ratio: float  # the habit's median views / the creator's median views
    posts: int

    @property
    def text(self) -> str:
        return (
            f"Your posts with {self.habit} got {self.ratio:.1f}\u00d7 your median views ({self.posts} posts)"
        )


def own_hints(user) -> list[Hint]:
    """Up to MAX_HINTS hints from `user`'s own posts, strongest first; none without evidence."""
    posts = list(own_posts_with_views(user).values_list("caption", "views"))
    if len(posts) < MIN_OWN_POSTS:
        return []
    median = statistics.median(views for _, views in posts)
    if median <= 0:
        return []
    hints = []
    for habit, has in HABITS:
        with_habit = [views for caption, views in posts if has(caption)]
        if len(with_habit) < MIN_GROUP or len(posts) - len(with_habit) < MIN_GROUP:
            continue
        ratio = statistics.median(with_habit) / median
        if ratio >= LIFT or ratio <= 1 / LIFT:
            hints.append(Hint(habit, ratio, len(with_habit)))
    hints.sort(key=lambda h: -abs(h.ratio - 1) if h.ratio >= 1 else -abs(1 / h.ratio - 1))
    return hints[:MAX_HINTS]
