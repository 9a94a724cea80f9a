"""Tags made from the idea's own subject, for answers with little evidence in the corpus.

"Kanelboller til helgen" against an English corpus has no trending neighbours; the honest
tags are #kanelboller, not the week's #fyp. Candidates are the query's topic words and the
pairs of adjacent topic words (#floatingshelves), spelled the corpus' way (seo.spelling),
ranked by topic weight (seo.relevance), a tag the corpus already knows first. Calls to
action, template words and digits never make a tag (#lagre, #days, #minutegarlic).
"""

from __future__ import annotations

import numpy as np

from seo.filler import is_filler
from seo.index_store import LoadedIndex
from seo.relevance import Topic
from seo.spelling import tag_spelling
from seo.text import normalize_hashtag
from seo.tokenize import is_function_term
from seo.tokenize import words as analyze_words

MIN_LENGTH = 4
KNOWN_TAG_BONUS = 1.5  # a tag other creators use is likelier to be searched
PAIR_BONUS = 1.2  # a phrase names a topic more precisely than either word
LIMIT = 5


def _word_weight(index: LoadedIndex, topic: Topic, word: str, term: int) -> float:
    if term >= 0:
        return topic.weights.get(term, 0.0)
    return topic.unknown.get(word, 0.0)


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
) -> list[str]:
    """Up to LIMIT tag names from the query's own subject, best first.

    A pair of words makes a tag only when it reads as one: the corpus writes it as a phrase
    or a tag (#oilyskin), or it is the idea's main keyword (#floatingshelves).
    Two words that merely stand side by side ("kitchen with floating" -> #kitchenfloating,
    "personer under 100 kroner" -> #personerkroner) are glued filler, not a tag.
    """
    term_of = dict(zip(distinct, ids.tolist(), strict=True))
    planned: list[tuple[str, float, bool]] = []  # (tag name, weight, a pair that must be a known tag)
    for feature in distinct:
        words = feature.split(" ")
        if any(is_filler(w) or w.isdigit() or is_function_term(w) for w in words):
            continue
        if len(words) > 1 and any(c.isdigit() for c in feature):
            continue  # "rusty 1970s" -> #rusty1970s is no tag anyone searches
        weights = [_word_weight(index, topic, w, term_of.get(w, -1)) for w in words]
        if min(weights) <= 0.0:
            continue
        name = normalize_hashtag(feature.replace(" ", ""))
        if not name or len(name) < MIN_LENGTH:
            continue
        name = tag_spelling(index, name, language)
        # A pair the corpus never wrote as a phrase reads as a tag only when creators tag it.
        unwritten = len(words) > 1 and feature not in natural and term_of.get(feature, -1) < 0
        planned.append((name, sum(weights) * (PAIR_BONUS if len(words) > 1 else 1.0), unwritten))
    known = _known_tags(index, [name for name, _, _ in planned])
    scored: dict[str, float] = {}
    for name, weight, unwritten in planned:
        if unwritten and name not in known:
            continue
        if name in known:
            weight *= KNOWN_TAG_BONUS
        scored[name] = max(weight, scored.get(name, 0.0))
    return sorted(scored, key=lambda n: -scored[n])[:LIMIT]


def _known_tags(index: LoadedIndex, names: list[str]) -> set[str]:
    """Those of `names` the index knows as a tag or an alias: one lookup for all of them."""
    if not names:
        return set()
    positions = index.tags.positions(names).tolist()
    return {n for n, p in zip(names, positions, strict=True) if p >= 0 or n in index.aliases}
