"""The words of an idea's subject (seo.text.subject): its content words, its head noun and
complement, the topic a hook says, and the vocabulary a tag may come from. What the main
keyword (seo.suggest.main_keyword), the subject core (seo.suggest.query) and the drafts read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from seo.text.filler import ARTICLES, PHRASE_BREAKS, is_filler
from seo.text.formats import format_activity
from seo.text.subject import Subject, clean_text, cut_phrase, is_praise, starts_name, story_told, subject
from seo.text.subject_lists import (
    AMOUNT,
    CURRENCIES,
    DETERMINERS,
    FORMAT_MODIFIERS,
    FORMAT_NOUNS,
    MONEY,
    NUMBER,
    SUBJECT_LINKS,
    TOKEN,
    WEIGHT,
    WEIGHTS,
    describes,
)

# Norwegian bends a loanword through a hyphen: "iPhone-en", "TikTok-er", "Airfryer-ens".
_BENT = frozenset(["en", "et", "a", "ene", "er", "erne", "ens", "ets", "s"])


def unbent(word: str) -> str:
    """The word without a Norwegian ending joined by a hyphen ("iPhone-en" -> "iPhone") or an
    English possessive ("dog's" -> "dog")."""
    if len(word) > 3 and word[-2:].casefold() in ("'s", "\u2019s"):
        return word[:-2]
    stem, dash, ending = word.rpartition("-")
    return stem if dash and len(stem) > 1 and ending.casefold() in _BENT else word


def content_words(words: Sequence[str], language: str | None) -> list[str]:
    return [
        unbent(w)
        for i, w in enumerate(words)
        if starts_name(words, i) or (not is_filler(w, language) and not AMOUNT.match(w) and not is_praise(w))
    ]


# "lost 20 pounds" is a weight, "saved 20 pounds" a sum.
_LOST_OR_GAINED = re.compile(r"\b(?:lost|lose|losing|gained|gain|dropped|drop|ned|opp)\b", re.IGNORECASE)


def head_words(found: Subject, language: str | None) -> list[str]:
    """The content words that end the subject's noun phrase, the head noun last: "korean corn
    dogs" -> [korean, corn, dogs]; a format noun goes ("granny square tutorial"), and a
    subject that is only a format ("tur til Trolltunga") takes its complement instead."""
    words = content_words(TOKEN.findall(found.head), language)
    formatted = False
    while len(words) > 1 and words[-1].casefold() in FORMAT_NOUNS:
        words.pop()
        formatted = True
    # "budget trip to Lisbon": a format noun said only how is about its complement too.
    only_how = formatted and all(describes(w) or w.casefold() in FORMAT_MODIFIERS for w in words)
    if not words or only_how or all(w.casefold() in FORMAT_NOUNS for w in words):
        words = _complement(found, language) or words
    elif all(w.casefold() in FORMAT_MODIFIERS for w in words):
        # "Budget tips for students": "budget" says how, so whom it is for is the subject too
        # (else every budget trip answers it, with confidence)
        words = [*words, *_complement(found, language)]
    if (
        words
        and all(w.casefold() in WEIGHTS for w in words)
        and (not all(w.casefold() in CURRENCIES for w in words) or _LOST_OR_GAINED.search(found.sentence))
    ):
        words = [WEIGHT.get(language or "", "weight")]  # "Hvordan jeg gikk ned 10 kilo" is about weight
    elif words and all(w.casefold() in CURRENCIES for w in words):
        words = [MONEY.get(language or "", "money")]  # "5000 kroner" is about money
    return words


def _linked_complement(found: Subject, language: str | None) -> list[str]:
    rest = TOKEN.findall(found.full or found.phrase)[len(TOKEN.findall(found.head)) :]
    return _complement(found, language) if rest and rest[0].casefold() in SUBJECT_LINKS else []


def _complement(found: Subject, language: str | None) -> list[str]:
    """The noun phrase after the head's first preposition: "$20k of debt" -> debt,
    "tur til Trolltunga" -> Trolltunga."""
    rest = TOKEN.findall(found.full or found.phrase)[len(TOKEN.findall(found.head)) :]
    while rest and (rest[0].casefold() in PHRASE_BREAKS or rest[0].casefold() in ARTICLES):
        rest = rest[1:]
    if len(rest) > 2 and rest[0].casefold().endswith("ing") and rest[1].casefold() in DETERMINERS:
        rest = rest[1:]  # "the cost of owning a dog": the gerund's object
    return [w for w in content_words(cut_phrase(rest), language) if w.casefold() not in FORMAT_NOUNS]


def topic_phrase(found: Subject, language: str | None = None) -> str:
    """The subject's head as a hook can say it: praise and a closing format noun dropped ("the
    craziest NBA buzzer beaters" -> "NBA buzzer beaters", "granny square tutorial" ->
    "granny square"), an amount replaced by what it counts ("$20k of debt" -> "debt")."""
    words = TOKEN.findall(found.head)
    tokens = [
        t
        for i, t in enumerate(words)
        if not is_praise(t)
        # "den perfekte brunosten", "the cheapest sushi": the article stood for the praise
        and not (
            t.casefold() in ("den", "det", "de", "the") and i + 1 < len(words) and is_praise(words[i + 1])
        )
    ]
    while len(tokens) > 1 and (tokens[-1].casefold() in FORMAT_NOUNS or NUMBER.match(tokens[-1])):
        if unbent(tokens[-2]) != tokens[-2]:
            break  # "my dog's reaction" is no "my dog's"
        tokens.pop()  # "gaming setup tour 2026" -> "gaming setup"
    content = content_words(tokens, language)
    if not content:
        return " ".join(_complement(found, language))
    if all(w.casefold() in CURRENCIES for w in content):
        return MONEY.get(language or "", "money")  # "5000 kroner": a hook says what it is about
    if all(w.casefold() in WEIGHTS for w in content):
        return WEIGHT.get(language or "", "weight")
    return " ".join(tokens)


def subject_words(text: str, language: str | None = None) -> list[str]:
    """The words that say what the idea is about, casefolded: its noun phrase's content words,
    without amounts, praise and format nouns (the subject rule of seo.suggest.query)."""
    words = [w.casefold() for w in head_words(subject(text, language), language)]
    activity = format_activity(text)  # "Study with me: 2 hours of focus" is about studying
    return [*words, activity] if activity and activity not in words else words


def subject_vocabulary(text: str, language: str | None = None) -> frozenset[str]:
    """Every word that may name the idea's topic in a tag: the subject phrase's content words
    (with its complement: "oily skin" of "skincare routine for oily skin") and the names the
    idea capitalises ("NBA", "Seoul"); casefolded. Verbs and comment words ("reacting",
    "craziest", "paid") are left out: #craziest tells nobody what the video is about."""
    found = subject(text, language)
    words = [
        *head_words(found, language),
        *_linked_complement(found, language),
        format_activity(text) or "",
        *_story_object(found, language),
    ]
    tokens = TOKEN.findall(clean_text(text))
    names = [t for i, t in enumerate(tokens) if (i and t[:1].isupper()) or (len(t) > 1 and t.isupper())]
    # "busy mornings": a describing word alone is no tag (#busy); the pair and its noun are
    return frozenset(
        w.casefold()
        for w in [*[w for w in words if not describes(w)], *names]
        if not is_filler(w, language) and not AMOUNT.match(w)
    )


def _story_object(found: Subject, language: str | None) -> list[str]:
    """What a story about the subject is about: "lemon" of "Toddler tries lemon", "katten" of
    "Hundevalp møter katten", "hair color" of "Customer reacts to her new hair color"."""
    rest = story_told(found) or []
    while rest and (rest[0].casefold() in PHRASE_BREAKS or rest[0].casefold() in ARTICLES):
        rest = rest[1:]  # "reacts to her": the preposition and the article go
    return content_words(cut_phrase(rest), language)
