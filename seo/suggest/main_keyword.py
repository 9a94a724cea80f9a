"""The main keyword of an idea or caption: one definition for the score, the drafts
and the suggestion engine.

Rules, in order:
1. the creator's picked keywords win: the first one that is not filler;
2. otherwise the strongest content word of the idea's subject phrase (its noun
   phrase: "How to make sourdough bread at home" -> "sourdough bread"), joined with
   its neighbour when the index knows the pair as a phrase;
3. never a call to action, template or filler word (seo.text.filler), in English or
   Norwegian, and never a word that appears only inside a hashtag.

"Strongest" is the rarest in the trend index (highest idf) when an index is
serving, else the phrase's last content word (the head of an English or Norwegian
noun phrase).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

import numpy as np
from django.db import DatabaseError

from seo.index.serving import active_index, index_derived
from seo.text.filler import ARTICLES, FILLER, FRAMING, LEADING_VERBS, PHRASE_BREAKS, is_filler
from seo.text.frames import frame_slot

# Words keep inner hyphens and apostrophes ("pull-up", "don't").
_TOKEN = re.compile("[^\\W_]+(?:[-'\u2019][^\\W_]+)*")
_CLAUSE_END = re.compile(r"[.!?…:;|\n()\[\]\"“”\u2014\u2013]|\s-\s|,")
_NOISE = re.compile(r"(?<![\w])[#@][^\s#@]+|(?:https?://|www\.)\S+", re.IGNORECASE)
_NUMBER = re.compile(r"^\d+(?:[.,]\d+)?$")
# An amount names no topic: "$20k of debt" is about debt, "5000 kroner" about money saved.
_AMOUNT = re.compile(r"^[$€£]?\d+(?:[.,]\d+)?(?:k|m|x|kr|%|s)?$", re.IGNORECASE)
# Words that rate or rank the subject without naming it: "the craziest NBA buzzer beaters",
# "verdens beste kanelboller". A creator searches the thing, not the praise.
_PRAISE = frozenset(
    [
        "best",
        "worst",
        "biggest",
        "greatest",
        "latest",
        "newest",
        "cheapest",
        "fastest",
        "easiest",
        "funniest",
        "craziest",
        "weirdest",
        "hardest",
        "ultimate",
        "perfect",
        "viral",
        "world's",
        "verdens",
        "beste",
        "verste",
        "største",
        "enkleste",
        "raskeste",
        "billigste",
        "morsomste",
        "perfekte",
    ]
)
# Describing words that rarely belong to the searched name: "weeknight pasta" is searched as
# pasta, "billig middag" as middag ("floating shelves" stays a pair: its modifier is a
# participle, and the corpus writing a pair as a phrase keeps it too).
_DESCRIBING = frozenset(
    [
        "cheap",
        "healthy",
        "simple",
        "homemade",
        "weeknight",
        "weekend",
        "delicious",
        "tasty",
        "fresh",
        "cozy",
        "fancy",
        "new",
        "old",
        "big",
        "small",
        "little",
        "good",
        "great",
        "nice",
        "cute",
        "pretty",
        "amazing",
        "favorite",
        "favourite",
        "everyday",
        "daily",
        "billig",
        "billige",
        "sunn",
        "sunne",
        "enkel",
        "enkle",
        "hjemmelaget",
        "hjemmelagde",
        "deilig",
        "deilige",
        "god",
        "gode",
        "ny",
        "nye",
        "gammel",
        "gamle",
        "stor",
        "store",
        "liten",
        "små",
        "koselig",
        "koselige",
        "fin",
        "fine",
    ]
)
_DESCRIBING_ENDINGS = ("ful", "ous", "ig", "lig", "isk")


def _describes(word: str) -> bool:
    word = word.casefold()
    return word in _DESCRIBING or (len(word) > 4 and word.endswith(_DESCRIBING_ENDINGS))


# Nouns that name the format, not the topic: "granny square tutorial" is about the granny square,
# "tur til Trolltunga" about Trolltunga.
_FORMAT_NOUNS = frozenset(
    [
        "tutorial",
        "tutorials",
        "guide",
        "video",
        "vlog",
        "review",
        "recipe",
        "recipes",
        "hack",
        "hacks",
        "update",
        "edition",
        "compilation",
        "tur",
        "turen",
        "trip",
        "reise",
        "oppskrift",
        "oppskrifter",
    ]
)
# Verbs an idea opens with, the object following: gerunds of review formats and Norwegian
# imperatives ("Bygg en hylle", "Lag pizza").
_OPENING_VERBS = frozenset(
    [
        "testing",
        "trying",
        "reviewing",
        "ranking",
        "rating",
        "unboxing",
        "comparing",
        "exploring",
        "visiting",
        "tasting",
        "bygg",
        "lag",
        "bak",
        "vask",
        "rydd",
        "spar",
        "prøv",
        "test",
        "kjøp",
        "mal",
        "strikk",
        "sy",
        "finn",
        "velg",
        "tren",
        "bruk",
    ]
)
# Openers that name a video format: what follows them is the subject ("Get ready with me for
# my first day at a new job").
_FORMAT_OPENER = re.compile(
    r"^\s*(?:get ready with me|grwm|come with me|day in (?:my|the) life(?: of)?|a day in my life"
    r"|bli med meg)\b[\s,:]*(?:for|to|til|på)?\s*",
    re.IGNORECASE,
)
# "3 ways to", "5 tips for", "10 ting om": a count and a template noun open many ideas.
_COUNT_WORDS = frozenset(
    [
        "ways",
        "tips",
        "things",
        "ideas",
        "hacks",
        "reasons",
        "steps",
        "mistakes",
        "måter",
        "tips",
        "ting",
        "ideer",
        "triks",
        "feil",
    ]
)
_COUNT_LINKS = frozenset(["to", "for", "of", "about", "å", "til", "for", "om", "med"])


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# "Five mistakes", "Tre feil": a count may be spelled out ("to"/"en"/"ni" only before a count word).
_NUMBER_WORDS = _words(
    """one two three four five six seven eight nine ten eleven twelve fifteen twenty
    en ett to tre fire fem seks sju syv åtte ni ti elleve tolv femten tjue"""
)
# An idea written as a list hook: "Five mistakes (almost) everyone makes with X",
# "Tre feil alle gjør når de lader X", "5 things I wish I knew before X". Who makes them
# and the verb are the frame, the link word ends it; what follows is the subject.
_LIST_WHO = _words(
    """almost nearly most all everyone everybody people beginners you we i they new
    alle nesten de fleste folk nybegynnere du vi jeg man nye"""
)
_LIST_VERBS = _words(
    """make makes made do does did have has wish knew know learned learnt need must should
    gjør gjorde har hadde lager begår skulle ønske ønsker visste vite lærte må bør burde trenger"""
)
_LIST_LINKS = _words(
    """with when in about on for to before after if while med når i om på for til før etter hvis mens
    ved"""
)
# A subordinate clause opens with one of these ("når de lader elbil"): its subject and verb go.
_SUBORDINATORS = frozenset(["when", "if", "while", "because", "når", "hvis", "mens", "fordi"])
_SUBJECT_PRONOUNS = frozenset(
    ["i", "you", "we", "they", "he", "she", "people", "jeg", "du", "vi", "de", "han", "hun", "man", "folk"]
)
_ADVERBS = _words(
    """not never always just really finally still also ikke aldri alltid bare endelig fortsatt også"""
)
_PARTICLES = frozenset(["off", "up", "out", "down", "away", "opp", "ut", "ned", "av", "bort"])
MAX_PHRASE_WORDS = 6
# "my dog to ring a bell": an infinitive ends the noun phrase ("trip to Japan" does not).
_INFINITIVE_MARKS = frozenset({"to", "å"})
_DETERMINERS = frozenset(
    ["the", "a", "an", "my", "your", "his", "her", "our", "their", "this", "that", "these", "those"]
)
_PRONOUNS = frozenset(["du", "you", "vi", "we", "jeg", "i"])
# After these a verb is in its plain form, so "to {verb phrase}" / "å {verb phrase}" reads right.
_INFINITIVE_BEFORE = frozenset(["to", "i", "we", "you", "å", "hvordan"])
# After a noun, a verb in -s followed by one of these starts the predicate ("my cat refuses to").
_PREDICATE_NEXT = frozenset(
    ["to", "the", "a", "an", "my", "his", "her", "their", "your", "it", "me", "him", "them", "up", "out"]
)


@dataclass(frozen=True)
class Subject:
    """An idea's subject: its noun phrase, and its verb phrase when it opens with one."""

    phrase: str  # the noun phrase as written ("sourdough bread at home"), "" when none
    head: str  # the phrase cut at its first preposition ("sourdough bread")
    verb_phrase: str  # "make sourdough bread at home" after "how to", else ""
    sentence: str  # the idea's first clause without hashtags, as written
    # What the idea is: "np" (a thing: "budget meal prep"), "vp" (a doing: "how to make ..."),
    # "list" (already a list hook: "5 mistakes everyone makes with ..."), "clause" (a story
    # told with its own subject and verb: "How I paid off my debt").
    kind: str = "np"


def clean_text(text: str) -> str:
    """The text without hashtags, mentions and links (words inside a tag never count); lines kept."""
    lines = (" ".join(_NOISE.sub(" ", line).split()) for line in (text or "").splitlines())
    return "\n".join(line for line in lines if line)


def first_clause(text: str, *, parse_frames: bool = True) -> str:
    """The idea's first clause (up to the first sentence mark or colon), hashtags removed.

    A line written through one of Hookline's hook frames yields what fills the frame.
    """
    cleaned = clean_text(text)
    first_line = next((line for line in cleaned.splitlines() if line.strip()), "")
    cleaned = (frame_slot(first_line) if parse_frames else None) or cleaned
    # "POV: ..." and "Part 2: ..." put the topic after the colon.
    head, sep, rest = cleaned.partition(":")
    if sep and rest.strip() and all(is_filler(w) or _NUMBER.match(w) for w in _TOKEN.findall(head)):
        cleaned = rest
    for part in _CLAUSE_END.split(cleaned):
        if _TOKEN.search(part):
            return " ".join(part.split())
    return ""


def _is_praise(word: str) -> bool:
    word = word.casefold()
    return word in _PRAISE or (len(word) > 5 and word.endswith("iest"))


def _is_count(word: str) -> bool:
    return bool(_NUMBER.match(word)) or word.casefold() in _NUMBER_WORDS


def _skip_clause_subject(tokens: list[str], *, after_subordinator: bool) -> list[str]:
    """The tokens without a clause's pronoun, adverbs and verb ("de lader elbil" -> "elbil").

    "de" is a pronoun only after a subordinator and before a verb in -r/-et ("når de lader"),
    else an article ("de beste kanelbollene").
    """
    if len(tokens) < 2:
        return tokens
    word, nxt = tokens[0].casefold(), tokens[1].casefold()
    if word not in _SUBJECT_PRONOUNS or nxt in PHRASE_BREAKS:
        return tokens
    if word == "de" and not (after_subordinator and (nxt.endswith(("r", "et")) or nxt in LEADING_VERBS)):
        return tokens
    i = 1
    while i < len(tokens) and tokens[i].casefold() in _ADVERBS:
        i += 1
    i += 1  # the verb
    while i < len(tokens) and tokens[i].casefold() in _PARTICLES:
        i += 1
    return tokens[i:]


def _strip_list_frame(tokens: list[str]) -> tuple[list[str], bool]:
    """Tokens without an idea's own list frame, and True when the idea is a list.

    "Five mistakes almost everyone makes with home workouts" -> "home workouts";
    "3 easy high-protein breakfast ideas for busy mornings" -> "high-protein breakfast for
    busy mornings"; "5 ways to style a blazer" -> "ways to style a blazer" (the framing
    strip takes it from there).
    """
    if len(tokens) < 2 or not _is_count(tokens[0]):
        return tokens, False
    at = next(
        (j for j in range(1, min(len(tokens), 6)) if tokens[j].casefold() in _COUNT_WORDS),
        None,
    )
    if at is None or any(t.casefold() in PHRASE_BREAKS for t in tokens[1:at]):
        return tokens, False
    between = [t for t in tokens[1:at] if t.casefold() not in FILLER]
    rest = tokens[at + 1 :]
    k = 0
    while k < len(rest) and (
        rest[k].casefold() in _LIST_WHO
        or rest[k].casefold() in _LIST_VERBS
        or (
            k
            and rest[k].casefold() in _INFINITIVE_MARKS
            and rest[k + 1 : k + 2]
            and rest[k + 1].casefold() in _LIST_VERBS
        )
    ):  # "ting du må vite om", "things you need to know about"
        k += 1
    if k and k < len(rest) and rest[k].casefold() in _LIST_LINKS:  # "... everyone makes with"
        link = rest[k].casefold()
        return _skip_clause_subject(rest[k + 1 :], after_subordinator=link in _SUBORDINATORS), True
    if between:  # "3 easy high-protein breakfast ideas for ...": the noun before the count word
        return [*between, *rest], True
    return tokens[at:], True


def _strip_framing(tokens: list[str]) -> tuple[list[str], bool, bool]:
    """Tokens with the opening framing removed; True when a leading verb was removed too, and
    True when a clause's own subject and verb were ("How I paid off my debt" -> "my debt")."""
    i = 0
    while i < len(tokens):
        word = tokens[i].casefold()
        if word in FRAMING or word in ("to", "å"):
            i += 1
        elif _NUMBER.match(word) and i + 1 < len(tokens) and tokens[i + 1].casefold() in _COUNT_WORDS:
            i += 2
            if i < len(tokens) and tokens[i].casefold() in _COUNT_LINKS:
                i += 1
        elif word in _COUNT_WORDS and i + 1 < len(tokens) and tokens[i + 1].casefold() in _COUNT_LINKS:
            i += 2
        elif i == 0 and word in _OPENING_VERBS and len(tokens) > 2:
            i += 1  # "Testing viral Amazon gadgets", "Bygg en flytende hylle": the object follows
        elif i == 0 and word.endswith("ing") and len(tokens) > 1 and tokens[1].casefold() in _PREDICATE_NEXT:
            i += 2 if tokens[1].casefold() == "to" else 1  # "Reacting to the Met Gala"
        elif word in FILLER and word not in PHRASE_BREAKS:
            i += 1
        else:
            break
    rest = tokens[i:]
    before = tokens[i - 1].casefold() if i else ""
    if before in _SUBORDINATORS:  # "... når de lader elbil": the clause's subject and verb go
        rest = _skip_clause_subject(rest, after_subordinator=True)
    elif before in _SUBJECT_PRONOUNS and len(rest) > 1 and rest[0].casefold() not in LEADING_VERBS:
        # "How I paid off my debt", "Why you need a rest day": the pronoun's verb goes too
        rest = _skip_clause_subject([before, *rest], after_subordinator=False)
    if len(rest) < len(tokens) - i:
        if len(rest) > 2 and rest[0].casefold() in _INFINITIVE_MARKS:
            rest = rest[2:]  # "du glemte å lade elbilen": the object of the second verb
        return rest, False, True
    gerund_to = i == 2 and tokens[0].casefold().endswith("ing") and tokens[1].casefold() == "to"
    if gerund_to and rest and rest[0].islower() and rest[0] not in _DETERMINERS:
        return rest[1:], True, False  # "Learning to skateboard at 35": the idea is the doing
    if len(rest) > 1 and rest[0].casefold() in LEADING_VERBS:
        inverted = rest[1].casefold() in _PRONOUNS  # "slik lager du": a present tense, not an infinitive
        before = tokens[i - 1].casefold() if i else ""
        # "slik baker du X" tells the doing with its own subject, like "How I paid off X"
        return rest[2 if inverted else 1 :], not inverted and before in _INFINITIVE_BEFORE, inverted
    return rest, False, False


def _cut(tokens: list[str], *, at_breaks: bool = True) -> list[str]:
    """The phrase up to its predicate (and its first break word), without trailing articles or breaks."""
    out: list[str] = []
    for i, token in enumerate(tokens):
        word = token.casefold()
        nxt_token = tokens[i + 1] if i + 1 < len(tokens) else ""
        if out and (
            (at_breaks and word in PHRASE_BREAKS)
            or (word in _INFINITIVE_MARKS and not nxt_token[:1].isupper())
        ):
            break
        nxt = tokens[i + 1].casefold() if i + 1 < len(tokens) else ""
        if out and word.endswith("s") and nxt in _PREDICATE_NEXT and not is_filler(out[-1]):
            break
        if out and word.endswith("s") and len(nxt) > 4 and nxt.endswith("ing"):
            break  # "my sourdough starter keeps dying": the predicate starts
        out.append(token)
    while out and (out[-1].casefold() in ARTICLES or out[-1].casefold() in PHRASE_BREAKS):
        out.pop()
    return out


def _trim(tokens: list[str]) -> list[str]:
    """At most MAX_PHRASE_WORDS words, cut before a preposition rather than inside a noun
    phrase ("my skincare routine for dry winter skin" -> "my skincare routine"), never
    ending on an article or a break word."""
    if len(tokens) > MAX_PHRASE_WORDS:
        breaks = [
            i for i, t in enumerate(tokens[: MAX_PHRASE_WORDS + 1]) if i and t.casefold() in PHRASE_BREAKS
        ]
        tokens = tokens[: breaks[-1]] if breaks else tokens[:MAX_PHRASE_WORDS]
    while tokens and (tokens[-1].casefold() in ARTICLES or tokens[-1].casefold() in PHRASE_BREAKS):
        tokens.pop()
    return tokens


def starts_a_sentence_only(words: Sequence[str]) -> bool:
    """True when the first word is capitalised only because it starts the idea: not "NYC",
    "I", or "Jon" in "Jon Stewart" (a name goes on capitalised)."""
    if not words or not words[0][:1].isupper() or words[0] == "I":
        return False
    if len(words[0]) > 1 and words[0].isupper():
        return False
    return not (len(words) > 1 and words[1][:1].isupper())


def _lower_first(words: list[str], sentence_start: bool) -> list[str]:
    if sentence_start and starts_a_sentence_only(words):
        return [words[0][:1].lower() + words[0][1:], *words[1:]]
    return words


@lru_cache(maxsize=2048)  # a suggestion, its drafts and their scores ask about the same idea
def subject(text: str, language: str | None = None) -> Subject:
    """The idea's subject phrase, its head and its verb phrase (see Subject)."""
    sentence = first_clause(text, parse_frames=False)
    tokens = _TOKEN.findall(_FORMAT_OPENER.sub("", first_clause(text), count=1))
    unlisted, is_list = _strip_list_frame(tokens)
    stripped, had_verb, clause = _strip_framing(unlisted)
    at_start = len(stripped) == len(tokens)
    verb_phrase = ""
    if had_verb:
        verb_at = len(unlisted) - len(stripped) - 1
        verb_phrase = " ".join(_trim([unlisted[verb_at].casefold(), *stripped]))
    if stripped and stripped[0].casefold() in PHRASE_BREAKS:
        stripped = []  # "skateboard at 35": the verb took no object, so there is no noun phrase
    phrase = _lower_first(_trim(_cut(stripped, at_breaks=False)), at_start)
    head = _lower_first(_cut(stripped), at_start)
    kind = "list" if is_list else "vp" if verb_phrase else "clause" if clause else "np"
    return Subject(" ".join(phrase), " ".join(head), verb_phrase, sentence, kind)


def subject_phrase(text: str, language: str | None = None) -> str:
    """The idea's own subject noun phrase ("" when it has none)."""
    return subject(text, language).phrase


def _serving():
    try:  # the index is optional: pure text rules work without it
        return active_index()
    except DatabaseError:  # no database yet (a bare checkout): fall back to the text rule
        return None


def _top_idf(index) -> float:
    """The rarest term's idf (a word the corpus never saw counts as that rare); once per version."""
    return index_derived(index, "top_idf", lambda: float(np.max(index.idf)) if len(index.idf) else 1.0)


def _adjacent(text: str, first: str, second: str) -> bool:
    tokens = _TOKEN.findall(text)
    return any(a == first and b == second for a, b in pairwise(tokens))


def _content(words: Sequence[str], language: str | None) -> list[str]:
    return [w for w in words if not is_filler(w, language) and not _AMOUNT.match(w) and not _is_praise(w)]


def _head_words(found: Subject, language: str | None) -> list[str]:
    """The content words that end the subject's noun phrase, the head noun last: "korean corn
    dogs" -> [korean, corn, dogs]; a format noun goes ("granny square tutorial"), and a
    subject that is only a format ("tur til Trolltunga") takes its complement instead."""
    words = _content(_TOKEN.findall(found.head), language)
    while len(words) > 1 and words[-1].casefold() in _FORMAT_NOUNS:
        words.pop()
    if not words or all(w.casefold() in _FORMAT_NOUNS for w in words):
        words = _complement(found, language) or words
    return words


# Prepositions whose complement still names the subject: "routine for oily skin", "20k of
# debt", "tur til Trolltunga" (not "in 18 months", "før jobb", "på stua").
_SUBJECT_LINKS = frozenset(["for", "of", "with", "about", "til", "av", "med", "om"])


def _linked_complement(found: Subject, language: str | None) -> list[str]:
    rest = _TOKEN.findall(found.phrase)[len(_TOKEN.findall(found.head)) :]
    return _complement(found, language) if rest and rest[0].casefold() in _SUBJECT_LINKS else []


def _complement(found: Subject, language: str | None) -> list[str]:
    """The noun phrase after the head's first preposition: "$20k of debt" -> debt,
    "tur til Trolltunga" -> Trolltunga."""
    rest = _TOKEN.findall(found.phrase)[len(_TOKEN.findall(found.head)) :]
    while rest and (rest[0].casefold() in PHRASE_BREAKS or rest[0].casefold() in ARTICLES):
        rest = rest[1:]
    return [w for w in _content(_cut(rest), language) if w.casefold() not in _FORMAT_NOUNS]


def topic_phrase(found: Subject, language: str | None = None) -> str:
    """The subject's head as a hook can say it: praise and a closing format noun dropped ("the
    craziest NBA buzzer beaters" -> "the NBA buzzer beaters", "granny square tutorial" ->
    "granny square"), an amount replaced by what it counts ("$20k of debt" -> "debt")."""
    tokens = [t for t in _TOKEN.findall(found.head) if not _is_praise(t)]
    while len(tokens) > 1 and tokens[-1].casefold() in _FORMAT_NOUNS:
        tokens.pop()
    if not _content(tokens, language):
        return " ".join(_complement(found, language))
    return " ".join(tokens)


def subject_words(text: str, language: str | None = None) -> list[str]:
    """The words that say what the idea is about, casefolded: its noun phrase's content words,
    without amounts, praise and format nouns (the subject rule of seo.suggest.query)."""
    return [w.casefold() for w in _head_words(subject(text, language), language)]


def subject_vocabulary(text: str, language: str | None = None) -> frozenset[str]:
    """Every word that may name the idea's topic in a tag: the subject phrase's content words
    (with its complement: "oily skin" of "skincare routine for oily skin") and the names the
    idea capitalises ("NBA", "Seoul"); casefolded. Verbs and comment words ("reacting",
    "craziest", "paid") are left out: #craziest tells nobody what the video is about."""
    found = subject(text, language)
    words = [*_head_words(found, language), *_linked_complement(found, language)]
    tokens = _TOKEN.findall(clean_text(text))
    names = [t for i, t in enumerate(tokens) if (i and t[:1].isupper()) or (len(t) > 1 and t.isupper())]
    # "busy mornings": a describing word alone is no tag (#busy); the pair and its noun are
    return frozenset(
        w.casefold()
        for w in [*[w for w in words if not _describes(w)], *names]
        if not is_filler(w, language) and not _AMOUNT.match(w)
    )


# Answers remembered per loaded index version (they read its idf): the editor asks about the
# same idea and drafts on every refresh, through the suggestion, the drafts and each score.
REMEMBERED = 4096


def main_keyword(text: str, *, picked: Sequence[str] = (), language: str | None = None) -> str | None:
    """The main keyword (see the module docstring); None when the text names nothing."""
    for term in picked:
        term = " ".join(str(term or "").lstrip("#").split())
        if term and not all(is_filler(w, language) for w in _TOKEN.findall(term) or [term]):
            return term.casefold()
    index = _serving()
    if index is None:
        return _main_keyword(text, language, None)
    remembered: dict = index_derived(index, "main_keywords", dict)
    key = (text, language)
    if key not in remembered:
        if len(remembered) >= REMEMBERED:
            remembered.clear()
        remembered[key] = _main_keyword(text, language, index)
    return remembered[key]


def _main_keyword(text: str, language: str | None, index) -> str | None:
    found = subject(text, language)
    head = _head_words(found, language)
    pair = " ".join(head[-2:]) if len(head) >= 2 and _adjacent(found.head, head[-2], head[-1]) else ""
    known_pair = (
        bool(pair) and index is not None and index.terms.positions([pair.casefold()]).tolist()[0] >= 0
    )
    if pair and (not _describes(head[-2]) or known_pair):
        # The head noun with its modifier: "corn dogs", "buzzer beaters", "sourdough starter"
        # (the head alone, "dogs", names another topic).
        return pair.casefold()
    if head:
        return head[-1].casefold()
    candidates = _content(_TOKEN.findall(found.head), language)
    if not candidates:
        candidates = _content(_TOKEN.findall(found.phrase), language)
    if not candidates:
        candidates = _content(_TOKEN.findall(clean_text(text)), language)
    if not candidates:
        return None
    if index is None or not len(index.idf):
        best = len(candidates) - 1  # the head of the noun phrase
        known = set()
    else:
        # The words' idf and their two pairs around each word, in one lookup of the terms.
        folded = [w.casefold() for w in candidates]
        pairs = [f"{a} {b}" for a, b in pairwise(folded)]
        positions = index.terms.positions(folded + pairs).tolist()
        top = _top_idf(index)
        weights = [float(index.idf[p]) if p >= 0 else top for p in positions[: len(folded)]]
        known = {pair for pair, p in zip(pairs, positions[len(folded) :], strict=True) if p >= 0}
        best = max(range(len(candidates)), key=lambda i: (round(weights[i], 3), i))
    word = candidates[best].casefold()
    for pair in (candidates[best - 1 : best + 1] if best else [], candidates[best : best + 2]):
        if len(pair) == 2 and " ".join(pair).casefold() in known:
            return " ".join(pair).casefold()
    return word
