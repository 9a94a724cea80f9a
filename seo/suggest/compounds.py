"""Query words the index does not know, split into two it does: "treningsøkt" -> trening + økt.

Norwegian (like German, Swedish, Danish and Dutch) writes compounds as one word, so a
creator's "treningsøkt" (workout) would find nothing although the corpus has plenty of
"trening" and "økt". Only the query is split, and only unknown words: the index and its
features stay as they are, and a word the corpus knows is never split.
"""

from __future__ import annotations

import numpy as np

from seo.index.store import LoadedIndex

MIN_WORD = 7  # shorter unknown words are typos or names more often than compounds
# Longer words are not split: real compounds stay well under this ("menneskerettighetsorganisasjonene"
# has 33 letters), and every cut of a word copies it, so splitting costs the square of its length
# (one 10,000-letter word made 20,000 candidate parts of 5,000 letters on average).
MAX_WORD = 48
MIN_PART = 3
# Each part must be a word of at least this many posts: English inflections leave many rare
# stubs in a vocabulary ("product|ion", "fast|est", "trans|fer"), real parts are common words.
MIN_PART_POSTS = 5
LINKS = ("s", "e")  # the joining letter of "trening-s-økt", "barn-e-hage"


def with_compound_parts(index: LoadedIndex, features: list[str]) -> list[str]:
    """`features` (a query's analysed words and bigrams) plus the two parts of each word the
    index does not know that splits into two it does, once per occurrence of the word."""
    long_words = sorted({f for f in features if MIN_WORD <= len(f) <= MAX_WORD and f.isalpha()})
    if not long_words:
        return features
    positions = index.terms.positions(long_words).tolist()
    splits = compound_parts(index, [w for w, p in zip(long_words, positions, strict=True) if p < 0])
    if not splits:
        return features
    return features + [part for feature in features for part in splits.get(feature, ())]


def compound_parts(index: LoadedIndex, words: list[str]) -> dict[str, tuple[str, str]]:
    """For each word of MIN_WORD to MAX_WORD letters that splits into two known terms (of
    MIN_PART_POSTS posts each), the split.

    Among the splits whose both parts are known, the one with the longest first part
    wins ("kjærlighetssang": kjærlighet + sang, not kjær + lighetssang); a joining letter
    at the seam is dropped when the first part is known only without it.
    """
    candidates: dict[str, list[tuple[str, str]]] = {}
    for word in words:
        if not MIN_WORD <= len(word) <= MAX_WORD or not word.isalpha():  # no bigram, no digits
            continue
        splits = []
        for cut in range(len(word) - MIN_PART, MIN_PART - 1, -1):
            left, right = word[:cut], word[cut:]
            splits.append((left, right))
            if left[-1] in LINKS and len(left) > MIN_PART:
                splits.append((left[:-1], right))
        candidates[word] = splits
    if not candidates:
        return {}
    parts = sorted({part for splits in candidates.values() for split in splits for part in split})
    positions = index.terms.positions(parts)
    found = positions >= 0
    # Posts per term from its smoothed idf (sklearn: idf = ln((1 + n) / (1 + df)) + 1).
    idf = np.asarray(index.idf[positions[found]], dtype=np.float64)
    posts = (1.0 + index.posts) / np.exp(idf - 1.0) - 1.0
    known = {
        part
        for part, n in zip(np.asarray(parts)[found].tolist(), posts.tolist(), strict=True)
        if n >= MIN_PART_POSTS - 0.5
    }
    out = {}
    for word, splits in candidates.items():
        for left, right in splits:
            if left in known and right in known:
                out[word] = (left, right)
                break
    return out
