"""Tags made from the idea's own subject, for answers with little evidence in the corpus.

"Kanelboller til helgen" against an English corpus has no trending neighbours; the honest
tags are #kanelboller, not the week's #fyp. Candidates are the query's topic words and the
pairs of adjacent topic words (#floatingshelves), spelled the corpus' way (seo.text.spelling),
ranked by topic weight (seo.suggest.relevance), a tag the corpus already knows first. Calls to
action, template words and digits never make a tag (#lagre, #days, #minutegarlic).
"""

from __future__ import annotations

from itertools import pairwise

import numpy as np

from seo.index.store import LoadedIndex
from seo.suggest.relevance import Topic
from seo.suggest.suggestions import TagSuggestion
from seo.text.filler import is_filler
from seo.text.generic_tags import GENERIC_CUTOFF
from seo.text.hashtags import normalize_hashtag
from seo.text.names import writes_syllables
from seo.text.spelling import tag_spelling
from seo.text.subject_lists import TOKEN
from seo.text.tokenize import is_function_term
from seo.text.tokenize import words as analyze_words

MIN_LENGTH = 4
KNOWN_TAG_BONUS = 1.5  # a tag other creators use is likelier to be searched
PAIR_BONUS = 1.2  # a phrase names a topic more precisely than either word
LIMIT = 5
# Outside the idea's subject a word makes a tag only when this many trending posts use it as
# one: "reacting", "paid", "måneden" would be tags nobody searches. The same holds for the
# modifier of the main keyword's pair (#sourdough of #sourdoughstarter) and short words (#nba).
KNOWN_TAG_MIN_POSTS = 5


def _word_weight(index: LoadedIndex, topic: Topic, word: str, term: int) -> float:
    if term >= 0:
        return topic.weights.get(term, 0.0)
    if word in topic.unknown:
        return topic.unknown[word]
    tag = index.tag_id(word)  # a compound the index split ("skincare"): its parts' weight
    return sum(topic.weight_of(k) for k in topic.tags.get(tag, ())) if tag is not None else 0.0


def subject_pairs(keyword: str | None) -> set[str]:
    """The idea's main keyword when it is a pair of words ("floating shelves"): the one pair
    of the idea's own that surely reads as a tag. Other pairs need the corpus to write them."""
    words = analyze_words(keyword or "")
    return {" ".join(words)} if len(words) == 2 else set()


def own_subject_tags(
    index: LoadedIndex,
    distinct: list[str],
    ids: np.ndarray,
    topic: Topic,
    language: str | None,
    natural: set[str] = frozenset(),
    vocabulary: frozenset[str] | None = None,
    keyword: str | None = None,
    text: str = "",
) -> list[str]:
    """Up to LIMIT tag names from the query's own subject, best first.

    A pair of words makes a tag only when it reads as one: the corpus writes it as a phrase
    or a tag (#oilyskin), or it is the idea's main keyword (#floatingshelves).
    Two words that merely stand side by side ("kitchen with floating" -> #kitchenfloating,
    "personer under 100 kroner" -> #personerkroner) are glued filler, not a tag.
    With a `vocabulary` (seo.text.subject.subject_vocabulary: the words naming the idea's
    subject), a word outside it needs KNOWN_TAG_MIN_POSTS trending posts tagging it.
    """
    term_of = dict(zip(distinct, ids.tolist(), strict=True))
    # Pairs of the idea's words side by side as written: "stand comedy" (of "stand-up comedy",
    # "up" a stopword between) is no pair of the idea's.
    written = TOKEN.findall(text.casefold().replace("-", " "))
    side_by_side = {f"{_single(a)} {_single(b)}" for a, b in pairwise(written)}
    if keyword and keyword not in term_of and len(keyword.split(" ")) <= 2:
        # A main keyword the idea implies but does not write ("money" of "5000 kroner")
        distinct = [*distinct, keyword]
        term_of[keyword] = int(index.terms.positions([keyword]).tolist()[0])
    allowed = set(analyze_words(" ".join(vocabulary))) if vocabulary is not None else None
    # The pair's head alone names another topic (#dogs of "corn dogs"): never a tag of its own.
    # (A pair with a digit makes no tag, so its head may: #controller of "ps5 controller".)
    heads = {pair.split(" ")[-1] for pair in natural if not any(c.isdigit() for c in pair)}
    modifiers = {w for pair in natural for w in pair.split(" ")[:-1]}
    # (tag name, weight, a pair that must be a known tag, a word creators must use as a tag)
    planned: list[tuple[str, float, bool, bool]] = []
    pair_names: dict[str, str] = {}  # a pair feature -> its tag name
    for feature in distinct:
        words = feature.split(" ")
        if any((is_filler(w) and feature != keyword) or w.isdigit() or is_function_term(w) for w in words):
            continue  # (the main keyword may hold a name's filler word: "real madrid")
        if len(words) > 1 and any(c.isdigit() for c in feature):
            continue  # "rusty 1970s" -> #rusty1970s is no tag anyone searches
        if len(words) == 1 and feature in heads:
            continue
        weights = [_word_weight(index, topic, w, term_of.get(w, -1)) for w in words]
        if feature == keyword:  # the idea's subject itself is always worth a tag of its own
            weights = [max(w, topic.total / max(len(words), 1), 1.0) for w in weights]
        if min(weights) <= 0.0:
            continue
        name = normalize_hashtag(feature.replace(" ", ""))
        if not name:
            continue
        name = tag_spelling(index, name, language)
        if (
            text
            and len(words) == 2
            and " ".join(map(_single, words)) not in side_by_side
            and feature != keyword
        ):
            continue
        # A pair the corpus never wrote as a phrase reads as a tag only when creators tag it.
        unwritten = len(words) > 1 and feature not in natural and term_of.get(feature, -1) < 0
        used = (
            (allowed is not None and not all(w in allowed for w in words))
            or (len(words) == 1 and feature in modifiers)
            or (len(name) < MIN_LENGTH and feature != keyword)  # #job of "a new job" is its subject
            or any(c.isdigit() for c in feature)  # "$20k" -> #20k
            or (len(words) == 1 and writes_syllables(language))  # #duong of "đường": seo.text.names
        )
        planned.append((name, sum(weights) * (PAIR_BONUS if len(words) > 1 else 1.0), unwritten, used))
        if len(words) == 2:
            pair_names[feature] = name
    posts = _tag_posts(index, [name for name, *_ in planned])
    # "#fryer" of "air fryer": a word is no tag of its own where its pair's tag is more used.
    parts = {name: [normalize_hashtag(w) for w in feature.split(" ")] for feature, name in pair_names.items()}
    outdone = {w for name, ws in parts.items() for w in ws if posts.get(name, 0) > posts.get(w, 0)}
    scored: dict[str, float] = {}
    for name, weight, unwritten, used in planned:
        if name in outdone:
            continue
        if (unwritten and name not in posts) or (used and posts.get(name, 0) < KNOWN_TAG_MIN_POSTS):
            continue
        if name in posts:
            weight *= KNOWN_TAG_BONUS
        scored[name] = max(weight, scored.get(name, 0.0))
    return sorted(scored, key=lambda n: -scored[n])[:LIMIT]


def _single(word: str) -> str:
    """The word without a plural -s, so "home workouts" as written meets "home workout" searched."""
    return word[:-1] if len(word) > 3 and word.endswith("s") else word


def _tag_posts(index: LoadedIndex, names: list[str]) -> dict[str, int]:
    """Those of `names` the index knows as a tag or an alias, with the posts carrying it: one
    lookup for all of them."""
    if not names:
        return {}
    positions = index.tags.positions(names).tolist()
    out = {}
    for name, position in zip(names, positions, strict=True):
        tag = position if position >= 0 else index.aliases.get(name)
        if tag is not None:
            out[name] = int(index.tag_df[tag])
    return out


def own_row(name: str) -> TagSuggestion:
    """A tag made from the idea's own words, which no trending post backs."""
    return TagSuggestion(
        tag=name,
        score=0.0,
        tier="niche",
        posts=0,
        parts={"your_words": 1.0, "stage_factor": 1.0},
        source="your_words",
    )


def keyword_tag(index: LoadedIndex, keyword: str | None, language: str | None, blocked: set[str]) -> str:
    """The main keyword as a tag, spelled the corpus' way ("" when it makes none a set may take):
    at medium or high confidence the corpus' tags can miss the idea's own subject (#strikking
    beside #knitting, #ski beside #fitness), and that is the tag people search first."""
    words = (keyword or "").split()
    if (
        not words
        or len(words) > 2
        or all(is_filler(w, language) for w in words)  # "real madrid" holds one
        or any(c.isdigit() for c in "".join(words))
    ):
        return ""
    name = normalize_hashtag("".join(words))
    name = tag_spelling(index, name, language) if name else ""
    if len(name) < 3 or name in blocked:
        return ""
    tag = index.tag_id(name)
    if tag is not None and float(index.tag_generic[tag]) < GENERIC_CUTOFF:
        return ""  # a platform-wide tag (#food) says nothing of the subject
    return name


def own_first(own: list[str], recommended: list[str], *, high: int = 5) -> list[str]:
    out = list(dict.fromkeys(own[:4] + recommended))
    return out[:high]


def with_row(
    rows: list[TagSuggestion], row: TagSuggestion, recommended: list[str], k: int
) -> list[TagSuggestion]:
    """`rows` with `row` added, still at most k: the last row outside the set makes room."""
    spare = [r for r in rows if r.tag not in recommended]
    if len(rows) >= k and spare:
        rows = [r for r in rows if r is not spare[-1]]
    return [*rows, row][: max(k, 1)]
