"""The determiner an English hook frame puts before a bare singular noun.

"3 mistakes everyone makes with job", "I tried morning routine for 30 days" and "I love
budget" are template fill-ins no creator would post: English wants "their job", "this
morning routine", "my budget". Plurals ("guitar chords"), mass nouns ("meal prep",
"skincare"), doings ("packing") and names ("NBA buzzer beaters") stand alone. Norwegian
bare nouns read right in its frames ("3 feil alle gjør med middager"), so only English
is touched.
"""

from __future__ import annotations

import re

from seo.text.filler import PHRASE_BREAKS, word_set
from seo.text.subject_lists import DETERMINERS, NUMBER_WORDS

# What each English frame says before a bare singular noun; None: the frame does not fit one
# ("Rating job so you don't have to").
FRAME_DETERMINERS: dict[str, str | None] = {
    "mistakes": "their",
    "nobody": "the",
    "tried": "this",
    "stop": "your",
    "rating": None,
    "save_this": "my",
    "worth_it": "a",
    "if_you": "your",
    "when_you": "your",
    "this_is": "the",
    "i_love": "my",
}


# Nouns a creator uses without an article: food, materials, fields, platforms, feelings.

MASS_NOUNS = word_set(
    """
    skincare haircare makeup hair skin food coffee tea sushi pasta bread sourdough rice chicken
    beef meat fish salmon pizza cheese chocolate cake money fitness cardio yoga pilates fashion
    clothing content music focus travel sleep water weight debt laundry furniture decor jewelry
    gear equipment protein homework research advice information knowledge news art software data
    health nutrition anxiety stress selfcare self-care prep rent tech love life school college work
    football soccer basketball tennis golf baseball hockey crochet slime wine beer milk breakfast
    lunch dinner brunch dessert soup salad candy tiktok youtube instagram education grammar math
    science history english spanish french physics chemistry biology psychology therapy marketing
    finance crypto bitcoin traffic weather snow rain sunscreen lipstick mascara foundation
    concealer perfume shampoo toothpaste matcha coffee espresso ramen tofu steak bacon pork
    produce cardio hiit mobility posture motivation discipline productivity confidence anime
    """
)
_POSSESSIVES = frozenset(
    ["his", "her", "its", "our", "their", "your", "my", "every", "each", "some", "any", "no"]
)


def needs_determiner(phrase: str) -> bool:
    """True for an English noun phrase that is a bare singular count noun ("job", "morning routine")."""
    words = phrase.split()
    if not words:
        return False
    # The head noun ends the phrase before its first preposition: "sourdough bread at home".
    at = next((i for i, w in enumerate(words) if i and w.casefold() in PHRASE_BREAKS), len(words))
    first, head = words[0].casefold(), words[at - 1].casefold()
    if first in DETERMINERS or first in _POSSESSIVES or first in NUMBER_WORDS or re.match(r"\d", first):
        return False
    if any(w[:1].isupper() for w in words):  # a name: "NBA buzzer beaters", "Taylor Swift"
        return False
    plural = head.endswith("s") and not head.endswith(("ss", "us", "is"))
    return not (plural or head.endswith("ing") or head in MASS_NOUNS)


def with_determiner(frame: str, phrase: str) -> str | None:
    """`phrase` as English frame `frame` says it: with a determiner when it is a bare singular
    count noun, unchanged otherwise; None when the frame does not fit such a noun."""
    if frame not in FRAME_DETERMINERS or not needs_determiner(phrase):
        return phrase
    word = FRAME_DETERMINERS[frame]
    if word is None:
        return None
    if word == "a" and phrase[:1].casefold() in "aeiou":
        word = "an"
    return f"{word} {phrase}"
