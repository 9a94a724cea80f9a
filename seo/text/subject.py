"""The subject of an idea or caption: its first clause, its noun phrase and head, its verb
phrase, and what kind of idea it is (a thing, a doing, a list, a story). Pure text rules
over the word lists of seo.text.subject_lists; the main keyword (seo.suggest.main_keyword)
and the drafts (seo.score.drafting) read ideas through it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from seo.text.filler import ARTICLES, FILLER, FRAMING, LEADING_VERBS, PHRASE_BREAKS, VERBS, is_filler
from seo.text.frames import written_hook
from seo.text.subject_lists import (
    ADVERBS,
    CLAUSE_END,
    CLAUSE_STARTS,
    COPULAS,
    COUNT_LINKS,
    COUNT_WORDS,
    DETERMINERS,
    FORMAT_OPENER,
    INFINITIVE_BEFORE,
    INFINITIVE_MARKS,
    LIST_LINKS,
    LIST_VERBS,
    LIST_WHO,
    MAX_PHRASE_WORDS,
    MODALS,
    NAME_STARTS,
    NOISE,
    NUMBER,
    NUMBER_WORDS,
    OPENING_VERBS,
    OWNERS_AFTER,
    PARTICLES,
    PRAISE,
    PREDICATE_NEXT,
    PRONOUNS,
    RELATIVES,
    STORY_VERBS,
    SUBJECT_PRONOUNS,
    SUBORDINATORS,
    TIME_DEICTICS,
    TIME_UNITS,
    TIME_WORDS,
    TOKEN,
    TRAILING,
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
    # The noun phrase before it was trimmed to MAX_PHRASE_WORDS: "my honest review of the new
    # iPhone camera" keeps the complement the head may need.
    full: str = ""


def clean_text(text: str) -> str:
    """The text without hashtags, mentions and links (words inside a tag never count); lines kept."""
    lines = (" ".join(NOISE.sub(" ", line).split()) for line in (text or "").splitlines())
    return "\n".join(line for line in lines if line)


def first_clause(text: str, *, parse_frames: bool = True) -> str:
    """The idea's first clause (up to the first sentence mark or colon), hashtags removed.

    A line written through one of Hookline's hook frames yields what fills the frame.
    """
    cleaned = clean_text(text)
    first_line = next((line for line in cleaned.splitlines() if line.strip()), "")
    hook = written_hook(first_line) if parse_frames else None
    if hook:  # a verb phrase slot ("How to {vp}") is read as the doing it is
        cleaned = f"how to {hook[0]}" if hook[1] == "vp" else hook[0]
    # "POV: ..." and "Part 2: ..." put the topic after the colon.
    head, sep, rest = cleaned.partition(":")
    opener = FORMAT_OPENER.match(head)  # "Bake with me: glutenfrie kanelboller"
    if (
        sep
        and rest.strip()
        and (
            all(is_filler(w) or NUMBER.match(w) for w in TOKEN.findall(head))
            or (opener is not None and not head[opener.end() :].strip())
        )
    ):
        cleaned = rest
    for part in CLAUSE_END.split(cleaned):
        if TOKEN.search(part):
            return " ".join(part.split())
    return ""


def is_praise(word: str) -> bool:
    word = word.casefold()
    return word in PRAISE or (len(word) > 5 and word.endswith("iest"))


def starts_name(words: Sequence[str], i: int) -> bool:
    """True for a filler word that begins a place's name here: "New York", "Los Angeles"."""
    return (
        words[i].casefold() in NAME_STARTS
        and words[i][:1].isupper()
        and i + 1 < len(words)
        and words[i + 1][:1].isupper()
    )


def _is_count(word: str) -> bool:
    return bool(NUMBER.match(word)) or word.casefold() in NUMBER_WORDS


def _skip_clause_subject(tokens: list[str], *, after_subordinator: bool) -> list[str]:
    """The tokens without a clause's pronoun, adverbs and verb ("de lader elbil" -> "elbil").

    "de" is a pronoun only after a subordinator and before a verb in -r/-et ("når de lader"),
    else an article ("de beste kanelbollene").
    """
    if len(tokens) < 2:
        return tokens
    word, nxt = tokens[0].casefold(), tokens[1].casefold()
    if word not in SUBJECT_PRONOUNS or nxt in PHRASE_BREAKS:
        return tokens
    if word == "de" and not (after_subordinator and (nxt.endswith(("r", "et")) or nxt in LEADING_VERBS)):
        return tokens
    i = 1
    while i < len(tokens) and tokens[i].casefold() in ADVERBS:
        i += 1
    i += 1  # the verb
    if i <= len(tokens) and tokens[i - 1].casefold() in MODALS:
        while i < len(tokens) and tokens[i].casefold() in ADVERBS:
            i += 1
        i += 1  # "you should never skip leg day": the modal's own verb
    while i < len(tokens) and tokens[i].casefold() in PARTICLES:
        i += 1
    return tokens[i:]


def _plural_noun(word: str) -> bool:
    """A plural the subject may be ("apps", "middager"), not filler ("minutes", "ting")."""
    folded = word.casefold()
    plural = (folded.endswith("s") and not folded.endswith("ss")) or folded.endswith("er")
    return len(folded) > 3 and plural and not is_filler(folded)


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
        (j for j in range(1, min(len(tokens), 6)) if tokens[j].casefold() in COUNT_WORDS),
        None,
    )
    if at is None:
        # "3 apps that save me hours": a count before a plural noun makes a list too
        plural = next((j for j in range(1, min(len(tokens), 4)) if _plural_noun(tokens[j])), None)
        listed = plural is not None and not any(t.casefold() in PHRASE_BREAKS for t in tokens[1:plural])
        return (tokens[1:], True) if listed else (tokens, False)
    if any(t.casefold() in PHRASE_BREAKS for t in tokens[1:at]):
        return tokens, False
    between = [t for t in tokens[1:at] if t.casefold() not in FILLER]
    rest = tokens[at + 1 :]
    k = 0
    while k < len(rest) and (
        rest[k].casefold() in LIST_WHO
        or rest[k].casefold() in LIST_VERBS
        or (
            k
            and rest[k].casefold() in INFINITIVE_MARKS
            and rest[k + 1 : k + 2]
            and rest[k + 1].casefold() in LIST_VERBS
        )
    ):  # "ting du må vite om", "things you need to know about"
        k += 1
    if k and k < len(rest) and rest[k].casefold() in LIST_LINKS:  # "... everyone makes with"
        link = rest[k].casefold()
        return _skip_clause_subject(rest[k + 1 :], after_subordinator=link in SUBORDINATORS), True
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
        elif NUMBER.match(word) and i + 1 < len(tokens) and tokens[i + 1].casefold() in COUNT_WORDS:
            i += 2
            if i < len(tokens) and tokens[i].casefold() in COUNT_LINKS:
                i += 1
        elif word in COUNT_WORDS and i + 1 < len(tokens) and tokens[i + 1].casefold() in COUNT_LINKS:
            i += 2
        elif i == 0 and word in OPENING_VERBS and len(tokens) > 2:
            i += 1  # "Testing viral Amazon gadgets", "Bygg en flytende hylle": the object follows
        elif i == 0 and word.endswith("ing") and len(tokens) > 1 and tokens[1].casefold() in PREDICATE_NEXT:
            i += 2 if tokens[1].casefold() == "to" else 1  # "Reacting to the Met Gala"
        elif i == 0 and len(word) > 4 and word.endswith("ing") and tokens[1:2] and tokens[1] in DETERMINERS:
            i += 1  # "Adopting a cat", "Making the perfect croissant": the object is the topic
        elif (
            word in FILLER and word not in PHRASE_BREAKS and word not in VERBS and not starts_name(tokens, i)
        ):
            i += 1  # (a verb is a clause's: "du glemte å lade elbilen" is a story)
        else:
            break
    rest = tokens[i:]
    before = tokens[i - 1].casefold() if i else ""
    j = i - 1  # "POV: you finally found the perfect shoes": the pronoun before the adverb
    while j > 0 and tokens[j].casefold() in ADVERBS:
        j -= 1
    if j < i - 1 and tokens[j].casefold() in SUBJECT_PRONOUNS and tokens[j].casefold() != "de":
        before = tokens[j].casefold()
    if before in SUBORDINATORS:  # "... når de lader elbil": the clause's subject and verb go
        rest = _skip_clause_subject(rest, after_subordinator=True)
    elif before in SUBJECT_PRONOUNS and len(rest) > 1 and rest[0].casefold() not in LEADING_VERBS:
        # "How I paid off my debt", "Why you need a rest day": the pronoun's verb goes too
        rest = _skip_clause_subject([before, *rest], after_subordinator=False)
    if len(rest) < len(tokens) - i:
        if len(rest) > 2 and rest[0].casefold() in INFINITIVE_MARKS:
            rest = rest[2:]  # "du glemte å lade elbilen": the object of the second verb
        return rest, False, True
    gerund_to = i == 2 and tokens[0].casefold().endswith("ing") and tokens[1].casefold() == "to"
    if gerund_to and rest and rest[0].islower() and rest[0] not in DETERMINERS:
        return rest[1:], True, False  # "Learning to skateboard at 35": the idea is the doing
    after_to = i >= 2 and before in INFINITIVE_MARKS and is_filler(tokens[i - 2])
    if len(rest) > 1 and after_to and rest[0].islower() and rest[0].casefold() not in DETERMINERS:
        return rest[1:], True, False  # "How to repot a monstera": after "how to" comes a verb
    told = (
        i and tokens[i - 1].casefold() in ("slik", "sånn") and len(rest) > 2
    )  # "Slik sparte jeg 5000 kroner"
    if len(rest) > 1 and (rest[0].casefold() in LEADING_VERBS or (told and rest[1].casefold() in PRONOUNS)):
        inverted = rest[1].casefold() in PRONOUNS  # "slik lager du": a present tense, not an infinitive
        before = tokens[i - 1].casefold() if i else ""
        # "slik baker du X" tells the doing with its own subject, like "How I paid off X"
        return rest[2 if inverted else 1 :], not inverted and before in INFINITIVE_BEFORE, inverted
    return rest, False, False


def cut_phrase(tokens: list[str], *, at_breaks: bool = True) -> list[str]:
    """The phrase up to its predicate (and its first break word), without trailing articles or breaks."""
    out: list[str] = []
    for i, token in enumerate(tokens):
        word = token.casefold()
        nxt_token = tokens[i + 1] if i + 1 < len(tokens) else ""
        # "my 9 to 5 job": a span between two numbers is no break
        span = word == "to" and out and NUMBER.match(out[-1]) and NUMBER.match(nxt_token)
        if (
            out
            and not span
            and (
                (at_breaks and word in PHRASE_BREAKS)
                or (word in INFINITIVE_MARKS and not nxt_token[:1].isupper())
            )
        ):
            break
        if out and word in STORY_VERBS:
            break  # "Toddler tries lemon": the story about the subject starts
        nxt = tokens[i + 1].casefold() if i + 1 < len(tokens) else ""
        if out and (word in RELATIVES or (word in CLAUSE_STARTS and word != "i") or token in ("I",)):
            # "guitar chords every beginner should learn", "morning routine that changed my
            # life": a clause about the phrase starts (Norwegian "i" is "in")
            break
        # "keeps", not "business" nor the possessive "cat's" ("My cat's morning routine")
        verb_like = word.endswith("s") and not word.endswith(("ss", "'s", "\u2019s"))
        if out and verb_like and nxt in PREDICATE_NEXT and not is_filler(out[-1]):
            break
        if out and verb_like and len(nxt) > 4 and nxt.endswith("ing"):
            break  # "my sourdough starter keeps dying": the predicate starts
        if out and verb_like and nxt[:1].isdigit() and not is_filler(out[-1]):
            break  # "This pasta takes 15 minutes": a verb before a count
        if out and word in TIME_DEICTICS and nxt in TIME_WORDS:
            break  # "my skincare routine this winter": the time is no part of the subject
        if out and word in COPULAS:
            break  # "your sourdough is flat": what follows is said about the subject
        if out and word in TIME_UNITS and NUMBER.match(nxt):
            break  # "marathon training week 12 recap": the episode's number is no part of it
        if out and nxt and out[-1].casefold() in OWNERS_AFTER and word.endswith("er") and len(word) > 3:
            break  # "Hunden min møter en katt": after "hunden min" comes the verb
        out.append(token)
    while out and (
        out[-1].casefold() in ARTICLES
        or out[-1].casefold() in PHRASE_BREAKS
        or out[-1].casefold() in TRAILING
    ):
        out.pop()
    return out


def _trim(tokens: list[str], most: int = MAX_PHRASE_WORDS) -> list[str]:
    """At most `most` words, cut before a preposition rather than inside a noun phrase ("my
    skincare routine for dry winter skin" -> "my skincare routine"), never ending on an
    article or a break word."""
    if len(tokens) > most:
        breaks = [i for i, t in enumerate(tokens[: most + 1]) if i and t.casefold() in PHRASE_BREAKS]
        tokens = tokens[: breaks[-1]] if breaks else tokens[:most]
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
    tokens = TOKEN.findall(FORMAT_OPENER.sub("", first_clause(text), count=1))
    unlisted, is_list = _strip_list_frame(tokens)
    stripped, had_verb, clause = _strip_framing(unlisted)
    at_start = len(stripped) == len(tokens)
    verb_phrase = ""
    if had_verb:
        verb_at = len(unlisted) - len(stripped) - 1
        # A doing keeps two words more: "få babyen til å sove hele natten", not "få babyen".
        verb_phrase = " ".join(_trim([unlisted[verb_at].casefold(), *stripped], MAX_PHRASE_WORDS + 2))
    if stripped and stripped[0].casefold() in PHRASE_BREAKS:
        # "skateboard at 35": the verb took no object, so there is no noun phrase; "Første gang
        # på ski i år" framed a place or thing after its preposition ("ski").
        framed = not had_verb and not clause and len(stripped) > 1 and len(stripped) < len(tokens)
        stripped = stripped[1:] if framed and stripped[1].casefold() not in PHRASE_BREAKS else []
    full = _lower_first(cut_phrase(stripped, at_breaks=False), at_start)
    phrase = _trim(list(full))
    head = _lower_first(cut_phrase(stripped), at_start)
    kind = "list" if is_list else "vp" if verb_phrase else "clause" if clause else "np"
    return Subject(" ".join(phrase), " ".join(head), verb_phrase, sentence, kind, " ".join(full))


def subject_phrase(text: str, language: str | None = None) -> str:
    """The idea's own subject noun phrase ("" when it has none)."""
    return subject(text, language).phrase


def story_told(found: Subject) -> list[str] | None:
    """The words after a story verb that follows the subject ("Toddler tries lemon …" ->
    ["lemon", …]; [] when the verb ends the idea), or None when the idea tells no story about its
    subject: one reading for the drafts' frames and the tags' vocabulary."""
    said = TOKEN.findall(found.sentence)
    after = len(TOKEN.findall(found.head))
    if not found.head or len(said) <= after or said[after].casefold() not in STORY_VERBS:
        return None
    return said[after + 1 :]
