"""How seo.suggest.engine reads a query: its features and compounds, its language, its subject,
the words worth searching, and the hashtags the creator typed."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from rapidfuzz import fuzz, process

from seo.index.store import LoadedIndex
from seo.suggest.compounds import MAX_WORD, MIN_WORD, compound_parts
from seo.suggest.main_keyword import main_keyword
from seo.suggest.relevance import Core
from seo.text.filler import is_filler
from seo.text.formats import format_activity
from seo.text.hashtags import normalize_hashtag
from seo.text.idea_language import idea_language
from seo.text.subject_lists import describes
from seo.text.subject_words import subject_words
from seo.text.tokenize import analyze
from seo.text.tokenize import words as analyze_words

TYPED_TAG_MIN_SCORE = 85  # rapidfuzz ratio needed to correct a misspelt tag


# A plural this much rarer than its singular (idf difference, ln 5) is searched as the singular:
# "home workouts" finds the posts about a "home workout".
PLURAL_IDF_GAP = 1.6


def singulars(index: LoadedIndex, words: Sequence[str]) -> dict[str, str]:
    """Plural words of the query (-s, -es) the corpus writes in the singular: word -> singular.

    Only where the singular is a known term and the plural unknown or five times rarer, so a
    word that merely ends in s ("glass", "news") keeps its own spelling."""
    candidates = {
        w: [w[:-1], *([w[:-2]] if w.endswith("es") else [])]
        for w in dict.fromkeys(words)
        if len(w) > 4 and w.isalpha() and w.endswith("s") and not w.endswith("ss")
    }
    if not candidates:
        return {}
    looked = [*candidates, *(c for forms in candidates.values() for c in forms)]
    position = dict(zip(looked, index.terms.positions(looked).tolist(), strict=True))
    out = {}
    for word, forms in candidates.items():
        for form in forms:
            single, plural = position[form], position[word]
            if single >= 0 and (plural < 0 or float(index.idf[plural] - index.idf[single]) > PLURAL_IDF_GAP):
                out[word] = form
                break
    return out


def _singular_features(index: LoadedIndex, features: list[str]) -> list[str]:
    mapped = singulars(index, [w for f in features for w in f.split(" ")])
    if not mapped:
        return features
    return list(dict.fromkeys(" ".join(mapped.get(w, w) for w in f.split(" ")) for f in features))


def query_features(index: LoadedIndex, query: str) -> tuple[list[str], dict[str, tuple[str, str]]]:
    """The query's features (plurals the corpus writes in the singular as singulars), with the
    two known parts of each unknown compound added, and the compounds split ("treningsøkt" ->
    ("trening", "økt"))."""
    features = _singular_features(index, analyze(query))
    long_words = sorted({f for f in features if MIN_WORD <= len(f) <= MAX_WORD and f.isalpha()})
    if not long_words:
        return features, {}
    positions = index.terms.positions(long_words).tolist()
    parts = compound_parts(index, [w for w, p in zip(long_words, positions, strict=True) if p < 0])
    return features + [part for f in features for part in parts.get(f, ())], parts


# Languages whose main keyword seo.suggest.main_keyword reads reliably (its filler lists are these).
CORE_LANGUAGES = {"en", "nb", "nn", "no"}


def reads_subject(language: str | None) -> bool:
    """Whether the subject rules (seo.text.subject, its filler lists) read ideas in `language`:
    the subject core, the own-word tag vocabulary and the medium-confidence backing use it."""
    return (language or "") in CORE_LANGUAGES


def subject_core(index: LoadedIndex, text: str, language: str | None) -> Core | None:
    """The words of the idea's subject (seo.text.subject.subject: "korean corn dogs" of "My
    first time trying Korean corn dogs at a street market") that a close post must share, as
    caption terms or as tags; None where the subject is no reliable guide (other languages,
    or no subject found)."""
    if not reads_subject(language):
        return None
    words = [w for w in analyze_words(" ".join(subject_words(text, language))) if not is_filler(w)]
    # A describing word ("billige kaffemaskiner") is no post's topic: cheap flights are not coffee machines.
    words = [w for w in words if not describes(w)] or words
    if not words:  # no noun phrase ("Get ready with me for my first day at a new job"): the main keyword
        words = [w for w in analyze_words(main_keyword(text, language=language) or "") if not is_filler(w)]
    if not words:
        return None
    plural = singulars(index, words)
    words = list(dict.fromkeys(plural.get(w, w) for w in words))
    positions = index.terms.positions(words).tolist()
    terms = {p: w for w, p in zip(words, positions, strict=True) if p >= 0}
    # As index.tag_id reads each word (a tag, else an alias), in one lookup for all of them.
    found = index.tags.positions(words).tolist()
    tags = {
        t: w
        for w, f in zip(words, found, strict=True)
        if (t := f if f >= 0 else index.aliases.get(w)) is not None
    }
    if not terms and not tags and len(words) < 2:
        # One unknown word ("fotballtrening", "dance") may be the subject or a misreading ("my
        # entry for the challenge"): the posts that share the idea's other words still rank,
        # but the answer says plainly that none is about it (confidence low).
        return Core(terms, tags, words, soft=True)
    # None known ("korean corn dogs"): no close post can be about the subject, whatever else it
    # shares with the idea ("street market").
    return Core(
        terms,
        tags,
        words,
        _required_word(index, text, language, words, tags, plural),
        activity=format_activity(text),
    )


RARER = 0.69  # ln 2: a word on at most half as many posts


def _required_word(
    index: LoadedIndex, text: str, language: str | None, words: list[str], tags: dict[int, str], plural: dict
) -> str | None:
    """The more specific word of a main keyword pair, which a close post must carry: of the
    pair's words creators tag (#iphone, #workout; a quality such as "creamy" is no tag, nor is a
    describing word), the one tagged on fewer posts ("iphone" of "iphone camera", "workout" of
    "home workouts")."""
    pair = [plural.get(w, w) for w in analyze_words(main_keyword(text, language=language) or "")]
    if len(pair) != 2 or not all(w in words for w in pair):
        return None
    tagged = {w: int(index.tag_df[t]) for t, w in tags.items() if w in pair and not describes(w)}
    head = pair[-1]
    if head not in tagged and not describes(head) and tagged:
        # "home workouts" where nobody tags #workout: the head noun, at least twice as rare in
        # captions as the tagged word, is the thing; the posts that share only "home" (Home
        # Depot, "my new home") are not about it. ("iphone camera": "camera" is the commoner.)
        modifier, found = pair[0], index.terms.positions(pair).tolist()
        known = modifier in tagged and found[1] >= 0 and found[0] >= 0
        if known and float(index.idf[found[1]]) >= float(index.idf[found[0]]) + RARER:
            return head
    return min(tagged, key=lambda w: (tagged[w], w)) if tagged else None


def searched_terms(distinct: list[str], ids: np.ndarray, counts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Term ids and counts the search uses: calls to action and template words ("lagre",
    "easy", "tips") are left out, so "Lagre denne til helgen!" finds no posts of its own."""
    keep = np.fromiter((not all(is_filler(w) for w in f.split(" ")) for f in distinct), bool, len(distinct))
    if not keep.any():  # the query is nothing but framing: search with it all the same
        return ids, counts
    return ids[keep], counts[keep]


def query_language(text: str, language: str | None) -> str | None:
    """The language asked for, else the one detected (None when unsure): seo.text.idea_language,
    the reading the drafts use too, so an idea's tags and drafts agree on its language."""
    return idea_language(text, (language or "").strip()) or None


def resolve_typed(index: LoadedIndex, raw_tags: Sequence[str]) -> tuple[list[dict[str, Any]], set[int]]:
    report, ids = [], set()
    for raw in raw_tags:
        tag = normalize_hashtag(str(raw))
        if not tag:
            report.append({"input": raw, "tag": None, "corrected": False, "known": False})
            continue
        position = index.tag_id(tag)
        corrected = False
        if position is None and len(tag) >= 3:
            match = process.extractOne(
                tag, index.tag_names, scorer=fuzz.ratio, score_cutoff=TYPED_TAG_MIN_SCORE
            )
            if match is not None:
                position, corrected = match[2], True
        name = index.tag_name(position) if position is not None else tag
        report.append({"input": raw, "tag": name, "corrected": corrected, "known": position is not None})
        if position is not None:
            ids.add(int(position))
    return report, ids
