"""The language to write an idea's drafts in.

Ideas are shorter than captions: "Crispy air fryer potatoes" reads as Dutch and "Zone 2
cardio for beginners" as bokmål to a detector over thirty languages, and an English
frame around Norwegian words (or the reverse) is the worst draft there is. So when
the detector's answer (seo.text.language) could be English or Norwegian - the idea is
written in plain Latin letters and æ ø å, and the detector said one of the two, a
Scandinavian neighbour, Dutch or nothing - the two are weighed directly:

1. function words only one of the two languages uses ("the", "my" / "og", "jeg");
2. else lingua's full models over English and the Scandinavian languages, English
   winning when it is the likelier, Norwegian when the Scandinavian ones are.

Any other language the detector found stands when the idea has accents English
lacks or a function word of that language ("Mein erstes Marathon", "Cómo hacer pan").
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

import stopwordsiso

from seo.text.language import _LATIN_CANDIDATES, detect_language
from seo.text.language_lingua import broad_codes, english_or_scandinavian
from seo.text.subject import clean_text
from seo.text.word_frequency import words_lean

_ENGLISH_HINTS = frozenset(
    ("the", "a", "an", "to", "how", "my", "your", "with", "of", "and", "on", "in", "is", "it", "this",
     "why", "what", "you")
)  # fmt: skip
# "for" and "i" are Norwegian too ("middag for studenter", "tur i fjellet"): in neither list.
_NORWEGIAN_HINTS = frozenset(
    ("og", "på", "med", "til", "av", "jeg", "du", "min", "mitt", "mine", "det", "er", "hvordan", "slik",
     "hva", "ikke", "som")
)  # fmt: skip
_EITHER = frozenset({"", "en", "nb", "nn", "no", "da", "sv", "nl"})
_PLAIN_OR_NORDIC = re.compile(r"^[\sA-Za-z0-9æøåÆØÅ.,!?:;'\u2019\"\u201c\u201d()&/+%-]*$")
_NORDIC_READINGS = frozenset({"nb", "nn", "no", "da", "sv", "nl"})
_NORDIC_LETTER = re.compile("[æøåÆØÅ]")
_WORD = re.compile(r"[^\W\d_]+")
# English where the models are nearly split (a two-word idea such as "Glute day" is a coin toss).
ENGLISH_SHARE = 0.45
UNSURE_ENGLISH_SHARE = 0.3
ENGLISH_LEAD = 1.5
# Too short for the broad detector ("Kanelboller"), yet nothing like English: Norwegian.
CLEARLY_NOT_ENGLISH = 0.05


@cache
def _own_function_words(code: str) -> frozenset[str]:
    """Function words of `code` that English does not share ("mein", "und"; not "an", "in")."""
    if not stopwordsiso.has_lang(code):
        return frozenset()
    return frozenset(stopwordsiso.stopwords(code)) - frozenset(stopwordsiso.stopwords("en"))


# Detector readings that short English often gets ("Testing viral TikTok makeup hacks" is
# Tagalog to lingua's trigrams): without a function word of their own they are English when
# English is the likeliest of English and the Scandinavian languages.
_MISREADINGS_OF_ENGLISH = frozenset({"tl"})
# Tagalog's particles, which stopwords-iso's Tagalog list lacks ("Makiki trend lang po").
_TAGALOG_WORDS = frozenset(
    ["na", "pa", "lang", "po", "ang", "ng", "mga", "sa", "ko", "mo", "niyo", "naman", "ba", "yung", "talaga",
     "ako", "ikaw", "siya"]
)  # fmt: skip


def _weighed(text: str, detected: str) -> str:
    if detected in _EITHER:
        # How common the idea's words are in each language (wordfreq) tells short ideas apart
        # where the letters cannot: "Summer tanning tips for pale skin" was bokmål to lingua
        # (0.30 against English 0.16); its words are English (mean Zipf 4.9 against 3.3).
        by_words = words_lean(text)
        if by_words:
            return by_words
    values = english_or_scandinavian(text)
    english = values.get("en", 0.0)
    misread = detected in _MISREADINGS_OF_ENGLISH and not _TAGALOG_WORDS & set(text.casefold().split())
    others = max((v for code, v in values.items() if code != "en"), default=0.0)
    # The broad detector named nothing or a Scandinavian neighbour ("Testing viral TikTok pasta
    # recipe", "Budget trip Lisbon" read as Swedish), yet English is clearly the likeliest of
    # English and the Scandinavian languages. (Short bokmål ideas stay below 0.9 of the
    # likeliest Scandinavian reading; "Pasta pesto" is the closest.)
    unsure_but_english = (
        detected in _EITHER and english >= UNSURE_ENGLISH_SHARE and english >= ENGLISH_LEAD * others
    )
    if english >= ENGLISH_SHARE or unsure_but_english or (misread and english >= max(values.values())):
        return "en"
    # The broad detector said English of "Sparetips for studenter", which the full models give
    # to bokmål and nynorsk (0.35 and 0.30 against English 0.09).
    norwegian = max(values.get("nb", 0.0), values.get("nn", 0.0))
    if detected == "en" and norwegian >= UNSURE_ENGLISH_SHARE and norwegian >= ENGLISH_LEAD * english:
        return "nb"
    # Norwegian against a Scandinavian reading, or æ ø å; "Pan casero" is not made Norwegian.
    # ("Resep nasi goreng spesial ala rumahan" is Indonesian to the detector, and stays so.)
    if (
        detected in _NORDIC_READINGS
        or _NORDIC_LETTER.search(text)
        or (english <= CLEARLY_NOT_ENGLISH and not detected)
    ):
        return "nb"
    return detected


@cache
def _foreign_function_words() -> frozenset[str]:
    """Function words of every language the detector can name for plain Latin text, other than
    English and its Scandinavian neighbours: without one of them, what it names cannot matter."""
    codes = {*_LATIN_CANDIDATES, *broad_codes(), "nb"} - _EITHER
    return frozenset().union(*(_own_function_words(code) for code in codes))


@lru_cache(maxsize=1024)
def idea_language(idea: str, given: str = "") -> str:
    """ "en", "nb", another detected code, or "" when nothing can tell (see the module docstring)."""
    code = (given or "").strip().lower().replace("_", "-").split("-")[0]
    if code:
        return "nb" if code in ("no", "nn") else code
    text = clean_text(idea)
    plain = bool(_PLAIN_OR_NORDIC.match(text)) and bool(_WORD.search(text))
    words = {w.casefold() for w in _WORD.findall(text)} if plain else set()
    english, norwegian = bool(words & _ENGLISH_HINTS), bool(words & _NORWEGIAN_HINTS)
    if plain and english != norwegian and not words & _foreign_function_words():
        # The function words decide below whatever the detector says (no other language's own
        # word is there to outvote them): the detector, lingua for a fifth of the texts, is not asked.
        return "en" if english else "nb"
    detected = detect_language(text) or ""
    if not plain:
        return detected
    if detected not in _EITHER and words & _own_function_words(detected):
        return detected  # "Mein erstes Marathon": German says so in its own words
    if english != norwegian:
        return "en" if english else "nb"
    return _weighed(text, detected)
