"""Fitting an idea to a hook pattern (seo.score.drafting): which frames read right around
which ideas ("I tried my cat", "If you love debt" never), and the frame's slot filled from
the idea's subject as a hook says it, within the score's 3-second rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from seo.score.determiners import with_determiner
from seo.score.noun_kinds import noun_kind
from seo.score.patterns import Pattern
from seo.suggest.main_keyword import main_keyword
from seo.text import caption as ct
from seo.text.filler import is_filler, word_set
from seo.text.subject import Subject, starts_a_sentence_only, story_told
from seo.text.subject_lists import FORMAT_NOUNS, OPENING_VERBS
from seo.text.subject_words import topic_phrase, unbent

HOOK_WORDS = 10  # the score's 3-second rule: a drafted hook never breaks it
_LIKED_FRAMES = frozenset({"if_you", "i_love"})
# Things nobody loves: "I love debt, and here is why" reads as a joke the creator did not make.
_UNLOVED = frozenset(
    [
        "debt",
        "loan",
        "loans",
        "bills",
        "taxes",
        "acne",
        "pimples",
        "pain",
        "anxiety",
        "stress",
        "burnout",
        "breakup",
        "divorce",
        "grief",
        "mistakes",
        "gjeld",
        "lån",
        "regninger",
        "skatt",
        "kviser",
        "smerte",
        "angst",
        "stress",
        "utbrenthet",
        "brudd",
        "sorg",
        "feil",
    ]
)
_LIST_FRAMES = frozenset({"mistakes", "feil"})
# Frames that speak about the viewer's or everyone's thing: not "3 mistakes everyone makes
# with my student loan", "Stop scrolling if you care about my student loan".
_AUDIENCE_FRAMES = frozenset({"mistakes", "feil", "stop", "slutt", "if_you"})
_FIRST_PERSON = frozenset(["my", "our", "min", "mitt", "mine", "vår", "vårt", "våre"])


# A noun-phrase slot never takes a clause: "3 feil alle gjør med de lader elbil".
_CLAUSE_OPENERS = word_set(
    """i you we they he she it jeg du vi han hun man when if while because that and or
    når hvis mens fordi som og eller"""
)
_TRIAL_FRAMES = frozenset({"tried", "testet", "rating", "worth_it", "verdt", "when_you", "this_is"})
_POSSESSIVE_OR_INDEFINITE = frozenset(
    [
        "my",
        "our",
        "your",
        "his",
        "her",
        "their",
        "a",
        "an",
        "min",
        "mitt",
        "mine",
        "vår",
        "våre",
        "din",
        "ditt",
        "dine",
        "en",
        "et",
        "ei",
    ]
)
_QUESTION_WORDS = frozenset(
    [
        "how",
        "why",
        "what",
        "when",
        "which",
        "who",
        "hvordan",
        "hvorfor",
        "hva",
        "når",
        "hvilken",
        "hvem",
        "slik",
        # yes-or-no questions: "POV: is the Dyson Airwrap worth it" asks, it tells nothing
        "is",
        "are",
        "does",
        "do",
        "can",
        "should",
        "er",
        "kan",
        "bør",
    ]
)

_WORD = re.compile(r"[^\W_]+(?:[-'\u2019][^\W_]+)*")


@dataclass
class Idea:
    """What drafting knows of the idea: its subject (seo.text.subject) and its body in the creator's words."""

    subject: Subject
    body: str
    language: str = ""  # the draft's: "money" of "5000 kroner" is "penger" in bokmål
    words: frozenset[str] = field(default_factory=frozenset)


_CONJUNCTION = re.compile(r",\s+|\s+(?:and|but|og|men)\s+", re.IGNORECASE)


def _first_part(sentence: str) -> str:
    """The sentence up to its first conjunction or comma ("Why my sourdough starter keeps dying
    and how I fixed it" -> "Why my sourdough starter keeps dying"), for a hook that must be
    short; "" when that part is under three words."""
    first = _CONJUNCTION.split(sentence, maxsplit=1)[0].strip()
    return first if first != sentence and len(first.split()) >= 3 else ""


def _lower_start(text: str) -> str:
    return text[:1].lower() + text[1:] if starts_a_sentence_only(text.split()) else text


def _doubled(text: str) -> bool:
    """A word twice in a row, or a content word twice in one line ("budget and budget")."""
    words = [w.casefold() for w in _WORD.findall(text)]
    if any(a == b for a, b in pairwise(words)):
        return True
    content = [w for w in words if len(w) > 3]
    return len(set(content)) < len(content)


def capitalised(text: str) -> str:
    """The text with a capital first letter, unless its first word writes capitals of its own
    inside ("iPhone 15 camera test", "eBay finds" stay as the brand writes them)."""
    first = text.split(" ", 1)[0]
    return text if any(c.isupper() for c in first[1:]) else text[:1].upper() + text[1:]


def repeats_across(first: str, second: str) -> bool:
    """The hook's last word opens the body ("... hvis du elsker fjelltur / Fjelltur i ...")."""
    last = (_WORD.findall(first) or [""])[-1].casefold()
    return bool(last) and last == (_WORD.findall(second) or [""])[0].casefold()


# "Day in my life as a software engineer" names a role: "I tried software engineer for 30 days"
# and "If you love software engineer" read wrong; the idea is its own hook ("POV: …").
_ROLE_OPENER = re.compile(
    r"^\s*(?:(?:a )?day in (?:my|the) life|en dag i livet|what i eat in a day|hva jeg spiser)", re.IGNORECASE
)  # "What I eat in a day as a vegan": not "If you love your vegan"


# "Rating every Taylor Swift album": a phrase over all of something is no one thing to frame.
_QUANTIFIERS = frozenset(["every", "each", "all", "hver", "hvert", "hvere", "alle"])
# English "Nobody talks about this part of X" needs a doing or a stretch of time ("marathon
# training", "a wedding"), not a thing ("this part of books", "this part of my monstera").
_PARTED_FRAMES = frozenset({"nobody"})


def _opened_by_doing(found: Subject) -> bool:
    """The idea opens with a doing its subject phrase left out ("Repotting my monstera",
    "Testing viral TikTok pasta recipe", "Reagerer på gamle bilder"), or tells one about its
    subject ("Toddler tries lemon"): a frame around the thing alone ("I love my monstera",
    "3 mistakes everyone makes with pasta", "… with their toddler") tells another video."""
    said = found.sentence.casefold().split()
    opening = said[0] if said else ""
    left_out = not found.phrase.casefold().startswith(opening)
    if left_out and ((len(opening) > 4 and opening.endswith("ing")) or opening in OPENING_VERBS):
        return True
    if story_told(found) is not None:
        return True
    # "Deep cleaning my bathroom": a doing with its own object inside the phrase
    words = found.phrase.casefold().split()
    return any(_is_doing(w) and nxt in _POSSESSIVE_OR_INDEFINITE for w, nxt in pairwise(words))


def _is_doing(noun: str) -> bool:
    return len(noun) > 5 and noun.casefold().endswith("ing")


def _fits(pattern: Pattern, idea: Idea) -> bool:
    """Frames that read wrong around some ideas: "I tried my cat", "POV: how to ..."."""
    first = (idea.subject.phrase.split() or [""])[0].casefold()
    kind = idea.subject.kind
    if pattern.slot in ("np", "keyword") and _ROLE_OPENER.match(idea.subject.sentence):
        return False
    if pattern.slot == "np" and (first in _QUANTIFIERS or _opened_by_doing(idea.subject)):
        return False
    if pattern.slot == "keyword" and _opened_by_doing(idea.subject):
        # "Puppy" alone as the hook of "Training my puppy to sit" names another video; a name
        # ("Met Gala" of "Reacting to the Met Gala red carpet looks") is a hook of its own.
        keyword = main_keyword(idea.subject.sentence, language=idea.language or None) or ""
        return len(keyword.split()) > 1
    if pattern.slot == "np" and first in _CLAUSE_OPENERS:
        return False  # "3 feil alle gjør med de lader elbil"
    if kind == "list" and (pattern.name in _LIST_FRAMES or pattern.name in _TRIAL_FRAMES):
        return False  # "3 mistakes everyone makes with 3 easy ... ideas", "I tried five mistakes ..."
    if first in _FIRST_PERSON and (
        pattern.name in _AUDIENCE_FRAMES or (kind == "clause" and pattern.name in _LIKED_FRAMES)
    ):
        return False  # "I love my student loan" for "How I paid off my student loan"
    if kind == "clause" and pattern.slot == "np" and len(first) > 4 and first.endswith("ed"):
        return False  # "I got fired on my first day": "If you love fired" names no thing
    if kind == "clause" and pattern.name in _TRIAL_FRAMES:
        return False  # "How I paid off my debt" is a story, not a thing to try or rate
    if pattern.name in _LIKED_FRAMES and first in ("a", "an", "en", "et", "ei"):
        return False  # "I love a blazer"
    named = f"{idea.subject.head} {topic_phrase(idea.subject, idea.language or None)}".casefold().split()
    if pattern.name in _LIKED_FRAMES and _UNLOVED.intersection(named):
        return False  # "If you love debt"
    if pattern.name == "when_you" and first.endswith("ing"):
        return False  # "When you finally get packing carry-on only right"
    head_noun = _head_noun(idea.subject)
    head = noun_kind(head_noun)
    if pattern.name in ("tried", "testet") and head != "habit":
        return False  # "I tried this job for 30 days": one tries a habit for 30 days
    if pattern.name in _LIST_FRAMES and head in ("occasion", "being"):
        return False  # "3 mistakes everyone makes with a wedding"
    said = topic_phrase(idea.subject, idea.language or None) or idea.subject.head  # "money" of "5000 kroner"
    if pattern.name in _LIST_FRAMES and (_names_one(said) or is_filler(head_noun)):
        return False  # "… with their iPhone 15 camera test", "… with cheap date ideas"
    if pattern.name in _LIKED_FRAMES and head == "occasion" and first in _POSSESSIVE_OR_INDEFINITE:
        return False  # "I love my iPhone 15 camera test": one loves the phone, not one's test of it
    if pattern.name in (_AUDIENCE_FRAMES | _PARTED_FRAMES | _LIKED_FRAMES) and re.search(r"\d", said):
        return False  # "Stop scrolling if you care about your iPhone 15 camera test": one video's
    if pattern.name in _PARTED_FRAMES and not (
        head in ("habit", "occasion") or _is_doing(head_noun) or kind == "clause"
    ):  # "Nobody talks about this part of books"; a story has parts ("… of my student loan")
        return False
    if pattern.name in _LIKED_FRAMES and head_noun.casefold() in FORMAT_NOUNS:
        return False  # "Hvis du elsker tur": the trip is how, not what
    if pattern.name in ("nobody", "ingen") and head == "being":
        return False  # "Nobody talks about this part of my cat"
    if pattern.name in _TRIAL_FRAMES:  # things one tries or rates: not "my cat", "Jon Stewart", "3 months"
        phrase = idea.subject.phrase
        return (
            not idea.subject.verb_phrase  # "Jeg testet penger": the idea is the doing, not the object
            and first not in _POSSESSIVE_OR_INDEFINITE
            and not re.search(r"\d", phrase)
            and not any(word[:1].isupper() for word in phrase.split())
        )
    if pattern.slot == "sentence" and pattern.source != "own":
        opening = (idea.subject.sentence.split() or [""])[0].casefold()
        # "POV: five mistakes almost everyone makes ...": a list idea is already its own hook
        # "POV: my cat refuses to drink water" tells what "Why my cat refuses ..." asks; one
        # such retelling is enough ("Wait for the end: why ..." never).
        asks = opening in _QUESTION_WORDS and not (pattern.name == "pov" and _told(idea.subject.sentence))
        return not asks and not opening.isdigit() and kind != "list"
    return True


_TELLERS = frozenset(["my", "our", "i", "we", "min", "mitt", "mine", "jeg", "vi", "våre", "vår"])


def _told(sentence: str) -> str:
    """A "why" idea about the creator's own as the story it tells ("Why my cat refuses to drink
    water" -> "my cat refuses to drink water"), else ""."""
    words = sentence.split()
    asked = len(words) > 3 and words[0].casefold() in ("why", "hvorfor") and words[1].casefold() in _TELLERS
    return " ".join(words[1:]) if asked else ""


def _names_one(phrase: str, *, from_word: int = 1) -> bool:
    """A phrase naming one particular thing: a model number or a name inside it ("iPhone 15
    camera test", "tur i Lofoten"), not a kind of thing everyone has. Capitals count from
    `from_word` on (the first word's may only start the idea)."""
    words = phrase.split()
    return any(c.isdigit() for c in phrase) or any(
        w[:1].isupper() or w[1:2].isupper() for w in words[from_word:]
    )


def _head_noun(found: Subject) -> str:
    """The head noun of the subject, before its first preposition ("wedding" of "a wedding")."""
    words = [unbent(w) for w in found.head.split()]
    return words[-1] if words else ""


def hook_fill(pattern: Pattern, idea: Idea) -> str | None:
    """The pattern's hook for this idea, or None when the idea cannot fill it well."""
    if not _fits(pattern, idea):
        return None
    # After the slot the frame goes on ("... for 30 days"): the short head reads better there.
    # "3 mistakes ... after 3 months": a frame with its own number takes the phrase without one.
    tail = not pattern.template.rstrip(".!?:").endswith("}") or (
        bool(re.search(r"\d", pattern.template)) and bool(re.search(r"\d", idea.subject.phrase))
    )
    head = topic_phrase(idea.subject, idea.language or None) or idea.subject.head
    phrase = (
        idea.subject.phrase
        if idea.subject.phrase.startswith(idea.subject.head)
        and head == idea.subject.head
        and _short_complement(idea.subject)
        else head
    )
    phrases = [head, phrase] if tail else [phrase, head]
    # Only the pattern's own slot is read (the keyword slot costs a main-keyword lookup).
    options = {
        "np": lambda: phrases,
        "vp": lambda: [
            _own_doing(idea.subject.verb_phrase)
            if pattern.name == "this_is_how"
            else idea.subject.verb_phrase
        ],
        "sentence": lambda: [
            _lower_start(text) if pattern.name != "own" else _asked(text, idea.body)
            for said in (idea.subject.sentence, _first_part(idea.subject.sentence))
            for text in [(_told(said) if pattern.name == "pov" else "") or said]
        ],
        # Languages without written frames: the idea's own words, opened three ways.
        "keyword": lambda: _keyword_lines(idea),
        "later": lambda: [_later_clause(idea.body)],
    }.get(pattern.slot, list)()
    if pattern.slot == "np":  # "3 feil alle gjør med 10 kilo": a count is no thing
        options = [value for value in options if value and not value[:1].isdigit()]
    if (
        pattern.slot == "np" and pattern.language == "en"
    ):  # "I tried this morning routine", not "I tried morning routine"
        options = [with_determiner(pattern.name, value) for value in options if value]
    for value in dict.fromkeys(v for v in options if v):
        hook = pattern.template.replace("{" + pattern.slot + "}", value)
        hook = capitalised(hook)
        if len(ct.words(hook)) <= HOOK_WORDS and not _doubled(hook):
            return hook
    return None


def _short_complement(found: Subject) -> bool:
    """The phrase's words after its head are few and general ("for oily skin"), not a
    particular place, person or count ("i Lofoten med pappa", "for løping 5 km")."""
    rest = found.phrase[len(found.head) :]
    return len(rest.split()) <= 2 and not _names_one(rest, from_word=0)


def _asked(sentence: str, body: str) -> str:
    """The idea's own question keeps its question mark ("Is the Dyson Airwrap worth it?")."""
    return f"{sentence}?" if body.casefold().startswith(f"{sentence}?".casefold()) else sentence


_YOURS = {"your": "my", "yours": "mine", "yourself": "myself", "you": "me"}


def _own_doing(verb_phrase: str) -> str:
    """A "how to" doing told in the first person: "This is how I negotiate my salary", not
    "… negotiate your salary"."""
    return " ".join(_YOURS.get(word.casefold(), word) for word in verb_phrase.split())


def _keyword_lines(idea: Idea) -> list[str]:
    """The main keyword as a hook, or, when it only modifies the subject's head ("high-protein"
    in "high-protein breakfast"), the subject phrase from the keyword on."""
    keyword = main_keyword(idea.subject.sentence, language=idea.language or None) or ""
    phrase = idea.subject.phrase.split()
    head = idea.subject.head.split()
    wanted = keyword.split()
    if not wanted:
        return []
    folded = [w.casefold() for w in phrase]
    for at in range(len(phrase) - len(wanted) + 1):
        if folded[at : at + len(wanted)] == wanted:
            if at + len(wanted) >= len(head):  # the keyword ends the head: it names the thing
                return [keyword]
            return [" ".join(phrase[at:]), " ".join(head[at:])]
    return [keyword]


def _later_clause(body: str) -> str:
    """The idea's second sentence or clause, when it has one."""
    parts = [p.strip() for p in re.split(r"[.!?…;:,]", body) if p.strip()]
    return parts[1] if len(parts) > 1 and len(parts[1].split()) >= 2 else ""
